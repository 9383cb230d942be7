import { lookingLine, textReplyView } from '../../views/text-reply-view.ts';
import type { RichCard } from './card-elements.ts';
import { renderTeamsCard } from './render-card.ts';
import { markdownLine } from './render-markdown-line.ts';

/** A one-paragraph reply as a card (the text is raw: escaped for Teams markdown). */
export function textCard(text: string): RichCard {
  return renderTeamsCard(textReplyView(text));
}

/** The placeholder's words in Teams markdown (same words as Slack). */
export function lookingText(question: string): string {
  return markdownLine(lookingLine(question));
}

import { questionSubject } from '../../knowledge/answer/question-subject.ts';
import { inlineText, neutralizeLabel } from './card-markdown.ts';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCard } from './card-types.ts';

const MAX_TEXT = 4000;
const MAX_SUBJECT = 300;

/**
 * A card with one wrapped paragraph, for refusals, thanks and apologies. `text` is Earshot's own
 * wording and may use Teams markdown; cut at `MAX_TEXT` characters.
 */
export function textCard(text: string): AdaptiveCard {
  const shown = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    fallbackText: shown,
    body: [{ type: 'TextBlock', text: shown, wrap: true }],
    actions: [],
  };
}

/** The placeholder shown at once and replaced by the answer when it is ready (same words as Slack). */
export function lookingText(question: string): string {
  const subject = inlineText(questionSubject(question), MAX_SUBJECT, neutralizeLabel);
  return `Looking into what the field has heard about **${subject}**…`;
}

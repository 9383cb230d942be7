import type { Line, Span } from '../views/view-model.ts';
import { markdownLine } from './cards/render-markdown-line.ts';

/**
 * A short reply of a few lines as Teams message text. Unlike a card's TextBlock, a message shows
 * inline code, so commands keep their backticks; typed text still cannot form links.
 */
export function teamsReplyText(lines: Line[]): string {
  return lines.map((line) => line.map(replySpan).join('')).join('\n');
}

function replySpan(span: Span): string {
  if (typeof span === 'object' && 'code' in span) return `\`${span.code.replace(/`/g, "'")}\``;
  return markdownLine([span]);
}

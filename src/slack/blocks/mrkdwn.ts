import { safeHttpUrl } from '../../render/safe-http-url.ts';

/** The longest link target we render; longer (or non-web) URLs are shown as plain text instead. */
const MAX_URL_LENGTH = 1000;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Escapes Slack's three control characters so user text can't form links, mentions or `<!channel>`. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * One line of user text, escaped, with whitespace collapsed (a newline would break a bullet or a bold
 * span) and cut with "…" so the escaped result is at most `max` characters.
 */
export function inlineText(text: string, max: number): string {
  // Text eight times the budget is cut whatever its spacing; don't spend time on the rest of it.
  const long = text.length > max * 8;
  const flat = (long ? text.slice(0, max * 8) : text).replace(/\s+/g, ' ').trim();
  const escaped = escapeMrkdwn(flat);
  if (escaped.length <= max && !long) return escaped;
  let out = '';
  // Cut between graphemes, never inside an entity, a surrogate pair or an emoji sequence. Escaping only
  // lengthens text, so a prefix of twice the budget is all that can be kept (and segmenting is slow).
  for (const { segment } of graphemes.segment(flat.slice(0, max * 2))) {
    const piece = escapeMrkdwn(segment);
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out.trimEnd()}…`;
}

/** The URL if it is safe to link (see safeHttpUrl), ready for `<url|label>`; else null. */
export function linkTarget(url: string | null | undefined): string | null {
  const parsed = safeHttpUrl(url, MAX_URL_LENGTH);
  if (!parsed) return null;
  // `|` and `>` would end the URL part of a link early; `&` and `<` are control characters.
  const target = escapeMrkdwn(parsed.href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E'));
  return target.length <= MAX_URL_LENGTH ? target : null;
}

/** A mrkdwn link; `target` comes from `linkTarget` and `label` must already be escaped. */
export function mrkdwnLink(target: string, label: string): string {
  return `<${target}|${label}>`;
}

/**
 * A date Slack shows in the reader's own time zone and language (`<!date^…>`), with the UTC day as
 * the fallback for clients that cannot format it.
 */
export function slackDate(date: Date, format = '{date_long}'): string {
  if (Number.isNaN(date.getTime())) return 'an unknown date';
  return `<!date^${Math.floor(date.getTime() / 1000)}^${format}|${date.toISOString().slice(0, 10)}>`;
}

/** A chat user named in a message: a mention when it is a Slack id, else the escaped text. */
export function personMention(person: { platform: string; userId: string }): string {
  return person.platform === 'slack' && /^[UW][A-Z0-9_]+$/.test(person.userId)
    ? `<@${person.userId}>`
    : `a ${person.platform === 'teams' ? 'Teams' : person.platform} user`;
}

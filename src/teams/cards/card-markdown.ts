import { safeHttpUrl } from '../../render/safe-http-url.ts';

/**
 * Text for Adaptive Card TextBlocks, which Teams renders as a small markdown dialect: `**bold**`,
 * `_italic_`, lists and `[label](url)` links. Text from entries and models must never form a link, so
 * square brackets in it are swapped for look-alikes; link labels lose their parentheses too.
 */

/** The longest link target we render; longer (or non-web) URLs are shown as plain text instead. */
const MAX_URL_LENGTH = 1000;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

const LOOKALIKES: Record<string, string> = { '[': '［', ']': '］', '(': '（', ')': '）', '*': '＊' };

/** Swaps `[` and `]` (so user text cannot open a link) for full-width look-alikes. */
export function neutralizeMarkdown(text: string): string {
  return text.replace(/[[\]]/g, (c) => LOOKALIKES[c] ?? c);
}

/** For a link label or a bold span: brackets, parentheses and asterisks swapped for look-alikes. */
export function neutralizeLabel(text: string): string {
  return text.replace(/[[\]()*]/g, (c) => LOOKALIKES[c] ?? c);
}

/**
 * One line of user text: whitespace collapsed (a newline would start a list or end a bullet), brackets
 * neutralized, and cut between graphemes with "…" so the result is at most `max` characters.
 */
export function inlineText(text: string, max: number, neutralize = neutralizeMarkdown): string {
  // Text eight times the budget is cut whatever its spacing; don't spend time on the rest of it.
  const long = text.length > max * 8;
  const flat = neutralize((long ? text.slice(0, max * 8) : text).replace(/\s+/g, ' ').trim());
  if (flat.length <= max && !long) return flat;
  let out = '';
  for (const { segment } of graphemes.segment(flat.slice(0, max))) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}

/**
 * The URL if it is safe to link (http or https, no credentials, not absurdly long), with the characters
 * that would end a markdown link target early percent-encoded; else null.
 */
export function linkTarget(url: string | null | undefined): string | null {
  const parsed = safeHttpUrl(url, MAX_URL_LENGTH);
  if (!parsed) return null;
  const rest = `${parsed.pathname}${parsed.search}${parsed.hash}`.replace(
    /[()[\]<>\s"'`\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  const target = `${parsed.origin}${rest}`;
  return target.length <= MAX_URL_LENGTH ? target : null;
}

/** A markdown link; `target` comes from `linkTarget` and `label` must already be neutralized. */
export function markdownLink(target: string, label: string): string {
  return `[${label}](${target})`;
}

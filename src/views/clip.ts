const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * One line of text: whitespace collapsed (a newline would break a bullet or a bold span) and cut between
 * graphemes with "…" so it is at most `max` characters. Every view cuts user text with this, so both
 * platforms show the same words.
 */
export function clip(text: string, max: number): string {
  // Text eight times the budget is cut whatever its spacing; don't spend time on the rest of it.
  const long = text.length > max * 8;
  const flat = (long ? text.slice(0, max * 8) : text).replace(/\s+/g, ' ').trim();
  if (flat.length <= max && !long) return flat;
  let out = '';
  for (const { segment } of graphemes.segment(flat.slice(0, max))) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}

/** "1 source", "3 sources". */
export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

const MAX_TITLE = 90;

/** A title for an entry that came without one: its first sentence, shortened at a word boundary. */
export function titleFromBody(body: string): string {
  const firstLine = body.trim().split('\n')[0] ?? '';
  const sentence = firstLine.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? firstLine;
  if (sentence.length <= MAX_TITLE) return sentence;
  const cut = sentence.slice(0, MAX_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_TITLE / 2)).trimEnd()}…`;
}

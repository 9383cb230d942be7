import { analyze } from '../search/analyzer.ts';

const MAX_EXCERPT = 240;

/** The sentence of `body` that shares most terms with the query (the first on ties), shortened if long. */
export function excerpt(body: string, query: string): string {
  const queryTerms = new Set(analyze(query));
  const sentences = body
    .split(/\n+/)
    // Markdown lists, headings and quotes read as sentences once their markers are gone; tables do not.
    .map((line) => line.replace(/^\s*(?:[-*•>]|#+|\d+[.)])\s+/, '').trim())
    .filter((line) => line && !line.startsWith('|'))
    .flatMap((line) => line.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/));
  let best = sentences[0] ?? body;
  let bestScore = -1;
  for (const sentence of sentences) {
    const score = analyze(sentence).filter((term) => queryTerms.has(term)).length;
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return shorten(best);
}

function shorten(text: string) {
  if (text.length <= MAX_EXCERPT) return text;
  const cut = text.slice(0, MAX_EXCERPT);
  return `${cut.slice(0, cut.lastIndexOf(' ')).trimEnd()}…`;
}

import { ENGLISH_STOPWORDS } from '../knowledge/search/stopwords.ts';

/** New chatter without topics: only what grouping, counting and choosing examples need. */
export interface UntaggedChatter {
  id: number;
  title: string;
  rep: string | null;
  account: string | null;
  createdAt: Date;
}

export interface TitleGroup {
  label: string;
  basis: 'title-word' | 'other';
  rows: UntaggedChatter[];
}

// Words every sales note uses say nothing about what this one is about.
const SALES_FILLER = new Set([
  'account',
  'accounts',
  'asked',
  'asking',
  'asks',
  'buyer',
  'buyers',
  'call',
  'customer',
  'customers',
  'deal',
  'deals',
  'heard',
  'hearing',
  'prospect',
  'prospects',
  'said',
  'says',
  'want',
  'wants',
]);
const WORD = /[\p{L}\p{N}]+/gu;
const MAX_WORD_GROUPS = 20;

function significantWords(title: string): Set<string> {
  const words = new Set<string>();
  for (const [word] of title.toLowerCase().matchAll(WORD)) {
    if (word.length >= 3 && !/^\d+$/.test(word) && !ENGLISH_STOPWORDS.has(word) && !SALES_FILLER.has(word)) {
      words.add(word);
    }
  }
  return words;
}

/**
 * Groups untagged chatter greedily: the title word shared by most remaining entries (alphabetical on
 * ties) takes all of them, again until no word is shared by two; the rest goes to "Other".
 */
export function groupByTitleWords(rows: UntaggedChatter[]): TitleGroup[] {
  let remaining = rows.map((row) => ({ row, words: significantWords(row.title) }));
  const groups: TitleGroup[] = [];
  while (remaining.length > 1 && groups.length < MAX_WORD_GROUPS) {
    const counts = new Map<string, number>();
    for (const { words } of remaining)
      for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    let best: [string, number] | null = null;
    for (const [word, count] of counts) {
      if (!best || count > best[1] || (count === best[1] && word < best[0])) best = [word, count];
    }
    if (!best || best[1] < 2) break;
    const label = best[0];
    groups.push({
      label,
      basis: 'title-word',
      rows: remaining.filter((item) => item.words.has(label)).map((item) => item.row),
    });
    remaining = remaining.filter((item) => !item.words.has(label));
  }
  if (remaining.length > 0)
    groups.push({ label: 'Other', basis: 'other', rows: remaining.map((item) => item.row) });
  return groups;
}

/** Up to `count` rows to cite, newest first, one per rep before a second from anyone. */
export function pickExamples<T extends { id: number; rep: string | null; createdAt: Date }>(
  rows: T[],
  count: number,
): T[] {
  const newestFirst = [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
  const seen = new Set<string | null>();
  const firsts: T[] = [];
  const rest: T[] = [];
  for (const row of newestFirst) {
    if (seen.has(row.rep)) rest.push(row);
    else {
      seen.add(row.rep);
      firsts.push(row);
    }
  }
  return [...firsts, ...rest].slice(0, count);
}

export function distinctCount(values: Array<string | null>): number {
  return new Set(values.filter((value) => value !== null)).size;
}

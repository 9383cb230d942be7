/**
 * One slip of a typing hand in one word of a question, reproducibly: a dropped letter, two neighbours
 * swapped, a neighbouring key or a letter too many, in a word of five letters or more, never its first
 * letter. For measuring how answers hold up when reps mistype, on questions labelled as written.
 */
const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const MIN_WORD = 5;

export function withTypo(question: string, seed: string): string {
  const random = seededRandom(seed);
  const words = [...question.matchAll(/\p{L}+/gu)].filter((match) => match[0].length >= MIN_WORD);
  const chosen = words[Math.floor(random() * words.length)];
  if (!chosen || chosen.index === undefined) return question;
  const word = chosen[0];
  const at = 1 + Math.floor(random() * (word.length - 2));
  const near = neighbours(word[at]?.toLowerCase() ?? 'e');
  const key = near[Math.floor(random() * near.length)] ?? 'e';
  const slips = [
    () => word.slice(0, at) + word.slice(at + 1),
    () => word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2),
    () => word.slice(0, at) + key + word.slice(at + 1),
    () => word.slice(0, at) + key + word.slice(at),
  ];
  const slipped = (slips[Math.floor(random() * slips.length)] as () => string)();
  return question.slice(0, chosen.index) + slipped + question.slice(chosen.index + word.length);
}

function neighbours(letter: string): string {
  const row = KEYBOARD.findIndex((keys) => keys.includes(letter));
  if (row < 0) return 'e';
  const at = (KEYBOARD[row] as string).indexOf(letter);
  return [-1, 0, 1]
    .flatMap((offset) => [...(KEYBOARD[row + offset] ?? '').slice(Math.max(0, at - 1), at + 2)])
    .filter((key) => key !== letter)
    .join('');
}

/** mulberry32 seeded from the string's FNV-1a hash. */
function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

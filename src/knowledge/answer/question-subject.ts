/**
 * Words that frame a "what are you hearing?" question without saying what it is about. Removing them
 * keeps "hearing" or "others" from matching every piece of chatter.
 */
const FRAMING_WORDS = new Set(
  `what whats what's are is was were you we they anyone anybody everyone hearing hear heard others other
  buyers buyer prospects prospect customers asking ask asked seeing see how why when where which who
  expect expects expecting expected take takes taking
  people folks reps rep field saying say said think thinks know knows tell telling from about around
  regarding on any anything lately recently these days the a an do does did have has been being of
  there here please can could would should our us me i it its it's to in for with`.split(/\s+/),
);

/** The part of a question that names its subject: "What are you hearing about SSO?" → "SSO". */
export function questionSubject(question: string): string {
  const words = question
    .replace(/[?!.]+\s*$/, '')
    .split(/\s+/)
    .filter(Boolean);
  let start = 0;
  while (start < words.length && FRAMING_WORDS.has(normalize(words[start] ?? ''))) start += 1;
  const subject = words.slice(start).join(' ').trim();
  return subject || question.trim();
}

/** The question with its framing words dropped, for retrieval. */
export function retrievalQuery(question: string): string {
  const kept = question
    .replace(/\bhow long\b/gi, ' ')
    .split(/\s+/)
    .filter((word) => !FRAMING_WORDS.has(normalize(word)));
  return kept.length > 0 ? kept.join(' ') : question;
}

function normalize(word: string) {
  return word.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');
}

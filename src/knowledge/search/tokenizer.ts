// Words, numbers and the marks that can join them: inner separators of numbers (3.5, 2,000), dotted
// abbreviations (U.S., e.g.), short words joined by & (R&D, AT&T), apostrophes (don't, l'intégration) and
// hyphens (on-prem). One simple pattern keeps the scan fast; `forEachToken` sorts the joined ones out.
const TOKEN = /[\p{L}\p{M}\p{N}]+((?:[-'&.,][\p{L}\p{M}\p{N}]+)*)/gu;
// The same tokens for ASCII-only text, three times faster than the Unicode property classes.
const ASCII_TOKEN = /[A-Za-z0-9]+((?:[-'&.,][A-Za-z0-9]+)*)/g;
const JOINED = /[-&.,]/;
// Phones and chat clients type curly apostrophes; with those straightened most chatter is plain ASCII.
const CURLY_APOSTROPHES = /[\u2018\u2019]/g;
const NOT_PLAIN_ASCII = /[^ -~\t\n\r\f\v]/;
const UNSPACED_SCRIPT =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
// Thai, Lao, Myanmar, Khmer, kana and CJK blocks: a quick test of the whole text before the exact one per token.
const MAYBE_UNSPACED =
  /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\ud840-\ud87f]/;
const THOUSANDS = /^\p{N}{1,3}(?:,\p{N}{3})+$/u;
const HAS_LETTER = /\p{L}/u;
const SHORT_AMPERSAND = /^[\p{L}\p{N}]{1,3}(?:&[\p{L}\p{N}]{1,3})+$/u;
const NUMBER = /^\p{N}+(?:[.,]\p{N}+)+$/u;
const DOTTED = /^\p{L}(?:\.\p{L})+$/u;
const SEPARATORS = /[.,]/;
// A company named by its web address (Bill.com, Monday.com, Booking.com) is one name, not "bill".
const WEB_NAME = /^[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*\.(?:com|io|ai|co|net|org|app)$/iu;
// Compounds people also write as one word have a short part (on-prem, e-mail, sign-on, SOC-2, add-on) or
// are known phrases (health-care, push-back); joining every pair (site-specific, self-renewal) would only
// add terms nobody types.
const MAX_PREFIX = 3;
const DIGITS = /^[0-9]{1,5}$/;
const ACRONYM = /^[A-Z]{2,5}$/;
// Standards people also write in lowercase before their number: "soc 2", "iso 27001".
const NUMBERED_NAMES = new Set(['soc', 'Soc', 'iso', 'Iso', 'pci', 'sox', 'gpt']);
// Two words that people also write as one; each pair adds the joined word, so "on prem", "on-prem" and
// "onprem" meet. Left out on purpose: pairs whose spaced form usually means something else ("check out").
const PHRASES = new Map<string, string>(
  [
    'on prem',
    'on premise',
    'on premises',
    'e mail',
    'e mails',
    'sign on',
    'sign off',
    'log in',
    'sign up',
    'set up',
    'roll out',
    'follow up',
    'add on',
    'health care',
    'push back',
    'buy in',
    'kick off',
    'hand off',
    'lock in',
    'up sell',
    'cross sell',
    'play book',
    'web site',
    'data base',
    'work flow',
    'road map',
    'time line',
    'life cycle',
    'white paper',
    'head count',
    'pay back',
    'check list',
    'back log',
    'work load',
    'down time',
  ].map((phrase) => [phrase, phrase.replace(' ', '')]),
);

const JOINED_WORDS = new Set(PHRASES.values());

/** The pairs joined at indexing, for the index fingerprint: a new pair changes what entries hold. */
export const JOINED_PHRASES: readonly string[] = [...PHRASES.keys()];

/** Whether "first second" is a pair people also write as one word ("roll out" → rollout). */
export function isJoinedPhrase(first: string, second: string): boolean {
  return PHRASES.has(`${first.toLowerCase()} ${second.toLowerCase()}`);
}

// First and second words of the phrases as written in text, so most tokens are ruled out by a lookup.
const phraseWords = (side: 0 | 1) =>
  new Set(
    [...PHRASES.keys()].flatMap((phrase) => {
      const word = phrase.split(' ')[side] as string;
      return [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)];
    }),
  );
const PHRASE_STARTS = phraseWords(0);
const MAX_PHRASE_START = Math.max(...[...PHRASE_STARTS].map((word) => word.length));
const PHRASE_ENDS = phraseWords(1);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

// Chinese, Japanese and Thai have no spaces; ICU's dictionary segmenter finds the words. It is slow on
// long strings, so it only ever sees one unspaced run.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Calls `visit` with each raw token of the text in order, and whether it needs Unicode handling.
 * A compound is visited as its parts and then joined; `joins` tells how many tokens before it the joined
 * token stands for (0 for ordinary tokens). `termOf` turns a token into its term; callers that cache per
 * token use these instead of `analyze`.
 */
export function forEachToken(
  text: string,
  visit: (token: string, unicode: boolean, joins: number) => void,
): void {
  let source = text.replace(CURLY_APOSTROPHES, "'");
  const unicode = NOT_PLAIN_ASCII.test(source);
  if (unicode) source = source.normalize('NFKC');
  const unspaced = unicode && MAYBE_UNSPACED.test(source);
  const tokens = unicode ? TOKEN : ASCII_TOKEN;
  tokens.lastIndex = 0;
  let previous = '';
  for (let match = tokens.exec(source); match !== null; match = tokens.exec(source)) {
    const token = match[0];
    let plain = '';
    if (unspaced && UNSPACED_SCRIPT.test(token)) {
      for (const part of segmenter.segment(token)) {
        if (part.isWordLike) visit(part.segment, true, 0);
      }
    } else if (match[1] === '' || !JOINED.test(match[1] as string)) {
      visit(token, unicode, 0);
      plain = token;
    } else if (token.includes('-')) {
      const parts = token.split('-');
      for (const part of parts) {
        if (JOINED.test(part)) visitJoined(part, unicode, visit);
        else visit(part, unicode, 0);
      }
      if (parts.length === 2) {
        const [first, second] = parts as [string, string];
        const joined = first + second;
        if (
          (first.length <= MAX_PREFIX ||
            second.length <= MAX_PREFIX ||
            JOINED_WORDS.has(joined.toLowerCase())) &&
          HAS_LETTER.test(joined)
        )
          visit(joined, unicode, 2);
      }
    } else {
      visitJoined(token, unicode, visit);
    }
    if (plain !== '' && previous !== '') {
      if (previous.length <= MAX_PHRASE_START && PHRASE_STARTS.has(previous) && PHRASE_ENDS.has(plain)) {
        const joined = PHRASES.get(`${previous.toLowerCase()} ${plain.toLowerCase()}`);
        if (joined !== undefined) visit(joined, unicode, 2);
      } else if (
        isDigit(plain.charCodeAt(0)) &&
        DIGITS.test(plain) &&
        (ACRONYM.test(previous) || NUMBERED_NAMES.has(previous))
      ) {
        visit(previous + plain, unicode, 2); // SOC 2
      }
    }
    previous = plain;
  }
}

/** A token joined by &, dots or commas (no hyphens): one abbreviation or number, or several words. */
function visitJoined(
  token: string,
  unicode: boolean,
  visit: (token: string, unicode: boolean, joins: number) => void,
): void {
  if (token.includes('&')) {
    if (SHORT_AMPERSAND.test(token))
      visit(token, unicode, 0); // R&D, P&L, AT&T
    else for (const part of token.split('&')) visitJoined(part, unicode, visit);
  } else if (NUMBER.test(token) && (!token.includes(',') || THOUSANDS.test(token))) {
    visit(token.replaceAll(',', ''), unicode, 0); // 3.5, 2,000
  } else if (DOTTED.test(token)) {
    visit(token.replaceAll('.', ''), unicode, 0); // U.S., e.g.
  } else if (WEB_NAME.test(token)) {
    visit(token, unicode, 0);
  } else {
    for (const part of token.split(SEPARATORS)) if (part !== '') visit(part, unicode, 0);
  }
}

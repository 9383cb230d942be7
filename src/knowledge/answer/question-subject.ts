import { isJoinedPhrase } from '../search/tokenizer.ts';
import {
  FILLER_WORDS,
  HOW_QUESTION,
  HOW_TRAILING,
  LEADING_FRAMES,
  MEASURE_OPENER,
  MEASURE_WORDS,
  TRAILING_FILLER,
} from './framing-phrases.ts';
import { detectFacets } from './question-facets.ts';

/** Enough for a greeting, a frame and an aside; a pattern that matched nothing ends the loop anyway. */
const MAX_FRAMES = 6;

/**
 * The question without its framing: leading phrases ("any word on"), trailing asides ("lately?"). For
 * retrieval, frames around a subject ("What are NetSuite customers asking about…") keep just the subject.
 */
function unframe(question: string, purpose: 'retrieval' | 'display'): string {
  let text = question
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?!.…]+$/u, '');
  const how = HOW_QUESTION.test(text);
  for (let round = 0; round < MAX_FRAMES; round++) {
    const before = text;
    for (const { pattern, subject } of LEADING_FRAMES) {
      if (subject && purpose === 'display') continue;
      text = text.replace(pattern, subject ? '$1 ' : '').replace(/^[\s,:;!-]+/, '');
    }
    for (const filler of TRAILING_FILLER) text = text.replace(filler, '');
    if (how) text = text.replace(HOW_TRAILING, '');
    if (text === before) break;
  }
  return text.trim();
}

/**
 * Runs the framing patterns once: the first run compiles them (~10 ms, several times that on a busy
 * machine), which a server does before it listens rather than inside its first request.
 */
export function compileQuestionPatterns(): void {
  questionSubject('Any word lately on what reps are hearing about pricing?');
  retrievalQuery('How long does a rollout take, what are customers saying?');
  detectFacets('What demo should I show a CFO in healthcare at the decide stage?', {
    industries: ['healthcare'],
  });
}

/** The part of a question that names its subject: "What are you hearing about SSO?" → "SSO". */
export function questionSubject(question: string): string {
  const subject = unframe(question, 'display')
    .replace(QUESTION_OPENER, '')
    .replace(AUXILIARY, '')
    .replace(MEASURE_FRAME, '')
    .replace(OPINION_FRAME, '')
    .replace(/^(?:the|an?)\s+/i, '')
    .trim();
  const measured = MEASURE_OPENER.test(question) ? subject.replace(MEASURE_VERB_AFTER, '') : subject;
  return measured || question.trim();
}

// "How long does a Workday rollout take?" is about "Workday rollout": the verb after it only measures.
const MEASURE_VERB_AFTER = /\s+(?:take|takes|took|cost|costs|last|lasts|run|runs)$/i;

// "How much is Halyard Mail per mailbox?" is about "Halyard Mail per mailbox", not "much is Halyard…".
const QUESTION_OPENER =
  /^(?:what|which|who|how(?:\s+(?:long|much|many|often|soon))?|why|when|where|is|are|do|does|did|any|anything|the)\s+/i;
const AUXILIARY = /^(?:is|are|was|were|do|does|did|can|could|will|would|should)\s+(?!we\b|you\b|they\b|I\b)/i;
const MEASURE_FRAME = /^it\s+(?:take|takes|cost|costs)\s+to\s+/i;
// "How do buyers feel about our mobile app?" is about "our mobile app": who holds the opinion is framing.
const OPINION_FRAME =
  /^(?:[\w'&-]+\s+){1,3}(?:feel|feeling|think|thinking|say|saying|said|react|reacting|reacted|respond|responding)\s+(?:about|of|on|to)\s+(?=\S)/i;

/**
 * The question with its framing and filler dropped, for retrieval: what is left is what the answer
 * must be about. Phrases first, so "word" goes in "any word on Arcbill" but stays in "word count";
 * then words that never carry a subject ("hearing", "folks") wherever they stand.
 */
export function retrievalQuery(question: string): string {
  const kept = closeUpPhrasalVerbs(unframe(question, 'retrieval'))
    .replace(MEASURE_WORDS, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !FILLER_WORDS.has(normalize(word)));
  return kept.length > 0 ? kept.join(' ') : question;
}

/** The particles of phrasal verbs, which English lets stand after the object ("roll the agent out"). */
const PARTICLES = new Set(['out', 'up', 'off', 'in', 'on', 'back', 'down', 'over']);
/** Words an object may span between a verb and its particle: "roll the new agent out". */
const MAX_OBJECT_WORDS = 3;

/**
 * Moves a particle next to its verb when the two make a word people also write joined ("roll the agent
 * out" → "roll out the agent"), so the analyser joins them as it joins "roll out" (rollout).
 */
function closeUpPhrasalVerbs(text: string): string {
  const words = text.split(' ');
  for (let i = 0; i < words.length - 2; i++) {
    const verb = words[i] as string;
    // "sign off on": the verb has its particle already.
    if (PARTICLES.has(normalize(words[i + 1] as string))) continue;
    const last = Math.min(words.length - 1, i + 1 + MAX_OBJECT_WORDS);
    for (let j = i + 2; j <= last; j++) {
      const word = words[j] as string;
      if (/[,;:.!?]$/.test(words[j - 1] as string)) break;
      const particle = normalize(word);
      if (!PARTICLES.has(particle) || !isJoinedPhrase(normalize(verb), particle)) continue;
      words.splice(j, 1);
      words.splice(i + 1, 0, word);
      break;
    }
  }
  return words.join(' ');
}

function normalize(word: string) {
  return word.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');
}

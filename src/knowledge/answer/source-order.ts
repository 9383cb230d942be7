import type { JudgedHit } from './relevance.ts';
import { asksAboutUs, bodyReportsRequest, reportsRequest } from './relevance-features.ts';

/** The words of a question about what the field says: hearing, news, how things are going. */
const FIELD_TALK =
  'hear|hearing|heard|news|latest|lately|recently|updates?|word|chatter|intel|buzz|going|saying|asking|happening|coming|feedback|seeing';

/**
 * "What are we hearing from…", "any news from…", "how are our … deals going", "anything from…": what the
 * field says.
 */
const ASKS_WHAT_IS_HEARD = new RegExp(`\\b(?:${FIELD_TALK}|new|deals?)\\b|^\\W*any(?:thing)?\\W*$`, 'i');

export function asksWhatIsHeard(text: string): boolean {
  return ASKS_WHAT_IS_HEARD.test(text);
}

/**
 * "What are prospects asking about SSO?", "what is Harborline telling us?": what buyers say or ask is the
 * answer. Any other question is answered by what is so, so a buyer's request for it comes after.
 */
const ASKS_WHAT_IS_ASKED = new RegExp(
  `(?<!\\p{L})(?:${[
    FIELD_TALK,
    'said|telling|told|asked|ask|asks|wants?|wanted|requests?|requested|needs?|needed|scoop|status|story',
    'oyendo|escuchando|noticias|novedades|dicen|piden|pidiendo|preguntan|preguntando|quieren?|necesitan?',
    'entend(?:ez|ons)|nouvelles|disent|demandent|veut|veulent|ont besoin',
    'h[öo]ren|neuigkeiten|sagen|fragen|wollen|m[öo]chten?|brauchen|w[üu]nschen',
    'ouvindo|novidades|not[íi]cias|dizem|pedem|pedindo|perguntam|perguntando|quer|querem|precisam?',
  ].join('|')})(?!\\p{L})`,
  'iu',
);

/**
 * A buyer's request reported as chatter ("Northspan asked about porting 40 toll-free numbers"), in its
 * title or its body.
 */
const isRequest = ({ hit }: JudgedHit) =>
  hit.entry.kind === 'chatter' && (reportsRequest(hit.entry.title) || bodyReportsRequest(hit.entry.body));

/** "Do we handle fair workweek rules?", "how should we run the security review?": our own ways of working. */
function asksHowWeWork(question: string): boolean {
  return asksAboutUs(question) || /\bhow (?:do|should|can|could|would) (?:we|i|you)\b/i.test(question);
}

/**
 * What answers before a buyer asking the same thing; and asked how we work, what our experts and reps
 * say before market research on the subject. Stable: otherwise the likeliest first.
 */
function answersFirst(relevant: JudgedHit[], howWeWork: boolean): JudgedHit[] {
  const place = (judged: JudgedHit) =>
    isRequest(judged) ? 2 : howWeWork && judged.hit.entry.kind === 'research' ? 1 : 0;
  return [...relevant].sort((a, b) => place(a) - place(b));
}

/** "Any chatter about early payment discounts?": the rep asked for what the field says, so it comes first. */
const ASKS_FOR_CHATTER = /\b(?:chatter|field intel)\b/i;

export interface OrderedFor {
  /** The question as the rep asked it. */
  asked: string;
  /** What was searched: the question, or its words left after the facets. */
  searched: string;
  /** The subject is an industry and the rep asks what is heard there: its accounts' chatter first. */
  chatterFirst: boolean;
}

/** The relevant hits in the order an answer cites them: likeliest first, but for the rules above. */
export function orderSources(
  relevant: JudgedHit[],
  { asked, searched, chatterFirst }: OrderedFor,
): JudgedHit[] {
  if (chatterFirst || ASKS_FOR_CHATTER.test(searched)) {
    const isChatter = (judged: JudgedHit) => judged.hit.entry.kind === 'chatter';
    return [...relevant.filter(isChatter), ...relevant.filter((judged) => !isChatter(judged))];
  }
  return ASKS_WHAT_IS_ASKED.test(asked) ? relevant : answersFirst(relevant, asksHowWeWork(asked));
}

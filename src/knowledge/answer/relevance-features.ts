import { OBJECTIVE_KINDS } from '../entry.ts';
import { analyze, type Language } from '../search/analyzer.ts';
import { type AskedFor, asksMoney, holdsAskedFor, isFigureTerm } from './asked-for.ts';
import { type AskedPerson, namesAskedPerson } from './asked-person.ts';
import { entryUnits } from './entry-units.ts';
import type { Evidence, EvidenceField, HitEvidence } from './hit-evidence.ts';

/**
 * What the "heard" decision looks at, per hit; each is 0..1. Shares are of the question's IDF weight,
 * so a rare word counts for more than a common one.
 */
export interface RelevanceFeatures {
  /** Share of the question the index found in the title and body. */
  coverage: number;
  /** Share found anywhere in the entry: title, body, topics or account. */
  fieldCoverage: number;
  /** Share found in the title: a title about the question is strong evidence. */
  titleCoverage: number;
  /** Share found in topics, account or its industry, labels: the curator or the rep filed it so. */
  metaCoverage: number;
  /** Share of terms found in two or more fields: title, body, topics and account agreeing. */
  agreement: number;
  /**
   * The heaviest question term the entry lacks that other hits hold: the knowledge base speaks of it,
   * just not here ("CityGov" and "renewal date" both known, never together).
   */
  missingKnown: number;
  /** Share of the question no hit holds at all: something never recorded, or a word of framing. */
  missingUnknown: number;
  /** 1 when the entry lacks a name or acronym the question asks about ("Initech", "SIEM"). */
  missingName: number;
  /**
   * 1 when the entry lacks a name or acronym the question asks about that other hits hold: the knowledge
   * base speaks of that account or product, so an entry without it is about something else ("What
   * discount did Harborview get?" is not answered by the discount policy).
   */
  knownNameMissing: number;
  /** 1 when the entry holds a name or acronym the question asks about. */
  heldName: number;
  /**
   * 1 when the question asks something about a name ("When is Redline Electric up for renewal?") and
   * the entry holds none of what it asks about it that the knowledge base knows ("renewal"): an entry
   * about Redline that says nothing of a renewal.
   */
  predicateMissing: number;
  /** How far the entry's share falls short of the best share any hit holds. */
  coverageGap: number;
  /** 1 when the entry holds just one term of a question that has several: one word is weak evidence. */
  oneTerm: number;
  /** Distinct question terms held, counted up to three. */
  terms: number;
  /** The hit's lexical score over the best lexical score of the query. */
  relativeScore: number;
  /**
   * The hit's lexical score over what an entry holding every term once would score (the summed IDF),
   * capped at 1.5 and scaled to 0..1; 0 where the index does not report IDF.
   */
  scoreShare: number;
  /** The question asks for a number, duration, amount or name, and the entry states one (0.5: a number only). */
  factHeld: number;
  /** The question asks for such a fact and the entry states none. */
  factMissing: number;
  /**
   * The question asks for money ("what did Absorb quote Ironwood?") and the entry states none: an
   * entry that tells of a quote without its figure does not answer.
   */
  moneyMissing: number;
  /**
   * The question names what the fact is about ("how many hosts") and the entry lacks that word, or,
   * asked how many, holds it but counts it nowhere ("claims bordereaux" for "how many claims…").
   */
  factSubjectMissing: number;
  /** The largest share of the question one sentence of the entry holds: its terms together, not scattered. */
  sentenceCoverage: number;
  /** One sentence holds both some of the question's terms and the fact it asks for. */
  sentenceFact: number;
  /**
   * 1 when a question asks a fact of a name ("when does Kettle & Kiln's contract end?") and the entry
   * states a fact of that kind and speaks of what is asked ("contract") in its body, but states the fact
   * in no sentence with what is asked or the name: a date of something else. Not where the title speaks
   * of what is asked: a title governs the whole body.
   */
  factApartFromPredicate: number;
  /**
   * 1 when the question asks who holds a role or what role a person holds, and the entry names no
   * person beside that role ("their CIO didn't want a second vendor" does not say who the CIO is).
   */
  personMissing: number;
  /** The question asks what we do or have ("do we…", "is our…"), and the entry is research or expert content. */
  ownObjective: number;
  /** The same question, and the entry is field chatter or a tip: what someone heard rather than what is so. */
  ownField: number;
  /**
   * The same question, and the entry is chatter whose title reports what a buyer asked for ("Meridian
   * asked whether we sign a BAA", "Keystone wants to send 900 agreements at once"): the request, not
   * the answer to it. A title that is itself a question ("Can handhelds scan tickets too?") is one too.
   */
  ownRequest: number;
  /** Cosine similarity to the question when vector search took part, else 0. */
  similarity: number;
}

export type FeatureName = keyof RelevanceFeatures;

/** What the features of one hit are measured against: the best of the query's hits, and what is asked. */
export interface QueryContext {
  bestLexicalScore: number;
  /** The highest `fieldCoverage` of any hit. */
  bestCoverage: number;
  /** The kinds of fact the question asks for (asked-for.ts). */
  facts: AskedFor[];
  /** The question's term for what the fact is about (asked-for.ts `askedAbout`), if it names one. */
  factSubject: string | null;
  /**
   * Whether the search looked for `factSubject`: it leaves out words most questions hold ("how many
   * customers use…"), and then only a count of that subject shows the entry speaks of it.
   */
  factSubjectSearched: boolean;
  /**
   * What a question asking for a fact about a name asks of it: its other terms the knowledge base knows
   * ("renewal" in "When is Redline Electric up for renewal?"). Empty for any other question.
   */
  askedOfName: string[];
  /** The question asks what we (the seller) do or have. */
  own: boolean;
  /** The person the question asks for (asked-person.ts), if it asks for one. */
  person: AskedPerson | null;
  /**
   * Scores one sentence: its weighted share of the question's terms, whether it holds the asked fact,
   * and its terms.
   */
  scoreSentence: (
    text: string,
    language?: Language,
  ) => { termScore: number; fact: number; terms: readonly string[] };
}

/** "Do we…", "does our…", "can we…", "what's our…": a question about the seller's own product or policy. */
const ABOUT_US =
  /\b(?:do|does|did|can|could|will|would|should|is|are|have|has)\s+(?:we|our|us)\b|\b(?:what|which|how)(?:'s| is| are)\s+our\b|\bwe\s+(?:support|offer|have|charge|accept|sign|handle|run|store|bill|allow)\b/i;

/**
 * The same in Spanish, French, German and Portuguese: the verb in the first person plural ("¿ofrecemos…?",
 * "temos…?", "bieten wir…?") or French "est-ce qu'on / est-ce que nous", "avons-nous".
 */
const ABOUT_US_ELSEWHERE =
  /(?:^|[\s¿¡])(?:tenemos|ofrecemos|soportamos|admitimos|aceptamos|firmamos|cobramos|hacemos|podemos|damos|incluimos|permitimos|manejamos|temos|oferecemos|suportamos|aceitamos|assinamos|cobramos|fazemos|damos|inclu[ií]mos|permitimos|lidamos)(?=[\s?.,!]|$)|\best-ce\s+qu(?:'|e\s+)(?:on|nous)\b|[a-zàâçéèêëîïôûùüÿœ]+-t-on\b|\b(?:peut|doit|sait|fait|va)-on\b|\b(?:avons|proposons|offrons|supportons|acceptons|signons|pouvons|faisons|g[ée]rons|facturons)-nous\b|\b(?:bieten|haben|unterst[üu]tzen|k[öo]nnen|akzeptieren|unterschreiben|unterzeichnen|berechnen|erlauben)\s+wir\b/i;

/** A title that reports a request, in English or the four other languages analysed. */
const REPORTS_REQUEST =
  /(?<!\p{L})(?:asked|asks|asking|wants|wanted|needs|requires|required|requested|requests|would like|is looking for|wonders|wondered|pregunta|preguntó|pidió|pide|quiere|necesita|exige|exigen|solicita|solicitó|demande|demandent|veut|veulent|exigent|requiert|fragt|möchte|möchten|braucht|benötigt|verlangt|fordert|pergunta|perguntou|pediu|quer|querem|precisa|precisam|exigem|solicitou)(?!\p{L})/iu;

/** A title that reports what a buyer asked for, or is itself the buyer's question ("Can handhelds scan tickets?"). */
export function reportsRequest(title: string): boolean {
  return REPORTS_REQUEST.test(title) || /[?？]\s*$/.test(title);
}

/**
 * A body telling that a buyer asked us something ("the treasurer asked whether we track installment
 * plans", "he asked what happens if the on-call tech doesn't pick up"), in the five languages.
 */
const BODY_REPORTS_REQUEST =
  /\b(?:asked|asks|asking|wants to know|wanted to know|wondered|wonders)\s+(?:us\s+)?(?:whether|if|what happens|how (?:we|you))\b|(?<!\p{L})(?:pregunt[oó]|preguntaron|pidi[oó]) si\b|\bdemand[ée]n?t? si\b|\bfragte?n?,? ob\b|\bperguntou se\b/iu;

export function bodyReportsRequest(body: string): boolean {
  return BODY_REPORTS_REQUEST.test(body);
}

/**
 * Any verb in those forms opening the question, beyond the list above: Spanish and Portuguese first
 * person plural ("¿Emitimos…?", "¿Integramos…?"), French "-ons-nous", German "<verb>en wir".
 */
const OPENS_AS_US =
  /^[\s¿¡"'“]*(?:\p{L}{3,}(?:amos|emos|imos)(?=[\s?.,!]|$)|\p{L}{3,}ons-nous\b|\p{L}{3,}en\s+wir\b)/iu;

/**
 * "Does the agent run on k8s?", "Is SSO included in every plan?": a yes-or-no question whether something
 * does, includes or works with something, asked of a thing rather than of people ("Are prospects
 * asking…", "Does anyone…").
 */
const ASKS_WHAT_IT_DOES =
  /^\s*(?:does|do|can|will|is|are)\b(?!\s+(?:anyone|anybody|any|folks|people|prospects?|buyers?|customers?|clients?|reps?|they|he|she)\b)[^?]{0,80}?\b(?:supports?|handles?|runs?|works?|comes?|includes?|included|covers?|covered|integrates?|syncs?|synced|write|written|exports?|connects?|offers?|allows?|lets?|available)\b/i;

/**
 * "Can agents take card payments in chat?", "can it print coupons?": asked of the product, "can" asks
 * what it can do, whoever the subject is; not "can you…" or "can I…", which ask the bot or a colleague.
 */
const ASKS_WHAT_IT_CAN = /^\s*(?:can|could)\s+(?!(?:you|i|someone|somebody|anyone|anybody)\b)/i;

export function asksAboutUs(question: string): boolean {
  return (
    ABOUT_US.test(question) ||
    ASKS_WHAT_IT_CAN.test(question) ||
    ABOUT_US_ELSEWHERE.test(question) ||
    OPENS_AS_US.test(question) ||
    ASKS_WHAT_IT_DOES.test(question)
  );
}

/** The weighted share of the question a hit holds, in any field. */
export function fieldShare(evidence: Evidence, { matched }: HitEvidence): number {
  const { terms, weight } = evidence.question;
  return terms.reduce((sum, term) => sum + (weight.get(term) ?? 0) * (matched.get(term)?.strength ?? 0), 0);
}

/** The features of one hit; the only place they are computed. */
export function relevanceFeatures(
  evidence: Evidence,
  { hit, matched }: HitEvidence,
  context: QueryContext,
): RelevanceFeatures {
  const { terms, weight, names, idfTotal } = evidence.question;
  const share = (held: (fields: Set<EvidenceField>) => boolean) =>
    terms.reduce((sum, term) => {
      const match = matched.get(term);
      return match && held(match.fields) ? sum + (weight.get(term) ?? 0) * match.strength : sum;
    }, 0);
  const missingKnown = terms.reduce(
    (most, term) =>
      matched.has(term) || !evidence.known.has(term) ? most : Math.max(most, weight.get(term) ?? 0),
    0,
  );
  const missingUnknown = terms.reduce(
    (sum, term) => (evidence.known.has(term) ? sum : sum + (weight.get(term) ?? 0)),
    0,
  );
  const fieldCoverage = share(() => true);
  const nameList = [...names];
  const fact =
    context.facts.length > 0 ? holdsAskedFor(`${hit.entry.title}. ${hit.entry.body}`, context.facts) : 0;
  const objective = OBJECTIVE_KINDS.includes(hit.entry.kind);
  let sentenceCoverage = 0;
  let sentenceFact = 0;
  const { language, units } = entryUnits(hit.entry);
  let bodyCoverage = 0;
  const body: Array<{ termScore: number; fact: number }> = [];
  // What is asked of the name, where the entry holds the question's own word (a synonym's sentence is not known).
  const predicate = context.askedOfName.filter((term) => matched.get(term)?.strength === 1);
  // The figure's own word ("cost") beside a fact is not what is asked: "the Vault connector costs $6,000"
  // does not say what the Snowflake share costs.
  const predicateBesideFact = predicate.filter((term) => !isFigureTerm(term));
  const predicateAt = { title: false, body: false, withFact: false };
  for (const unit of units) {
    const scored = context.scoreSentence(unit.text, language);
    sentenceCoverage = Math.max(sentenceCoverage, scored.termScore);
    if (scored.termScore > 0 && scored.fact === 1) sentenceFact = 1;
    const inTitle = hit.entry.title.includes(unit.text.trim());
    if (predicate.length > 0) {
      const holdsPredicate = predicate.some((term) => scored.terms.includes(term));
      if (holdsPredicate) predicateAt[inTitle ? 'title' : 'body'] = true;
      // "Most NetSuite customers go live in six weeks" answers how long a NetSuite rollout takes.
      const holdsWhatIsAsked = predicateBesideFact.some((term) => scored.terms.includes(term));
      if (scored.fact === 1 && (holdsWhatIsAsked || nameList.some((term) => scored.terms.includes(term)))) {
        predicateAt.withFact = true;
      }
    }
    if (inTitle) continue;
    body.push(scored);
    bodyCoverage = Math.max(bodyCoverage, scored.termScore);
  }
  // A bare number, where a duration or amount was asked, counts only where the body speaks of the
  // question's subject: in a sentence holding at least half of what its best sentence holds of the
  // question ("covers Windows 7 and 11" does not price the legacy agent). A title names the subject of
  // the whole body, so it is not the measure.
  const subjectFact = Math.max(
    0,
    ...body.filter((scored) => scored.termScore >= bodyCoverage / 2).map((scored) => scored.fact),
  );
  return {
    coverage: hit.coverage,
    fieldCoverage,
    titleCoverage: share((fields) => fields.has('title')),
    metaCoverage: share((fields) => fields.has('meta')),
    agreement: share((fields) => fields.size >= 2),
    missingKnown,
    missingUnknown,
    missingName: nameList.some((term) => !matched.has(term)) ? 1 : 0,
    knownNameMissing: nameList.some((term) => !matched.has(term) && evidence.known.has(term)) ? 1 : 0,
    heldName: nameList.some((term) => matched.has(term)) ? 1 : 0,
    predicateMissing:
      context.askedOfName.length > 0 && context.askedOfName.every((term) => !matched.has(term)) ? 1 : 0,
    coverageGap: Math.max(0, context.bestCoverage - fieldCoverage),
    oneTerm: terms.length > 1 && matched.size === 1 ? 1 : 0,
    terms: Math.min(matched.size, 3) / 3,
    relativeScore: context.bestLexicalScore > 0 ? hit.lexicalScore / context.bestLexicalScore : 0,
    scoreShare: idfTotal ? Math.min(1.5, hit.lexicalScore / idfTotal) / 1.5 : 0,
    factHeld: fact,
    factMissing:
      context.facts.length > 0 && (fact === 0 || (fact < 1 && body.length > 0 && subjectFact === 0)) ? 1 : 0,
    moneyMissing: asksMoney(context.facts) && fact === 0 ? 1 : 0,
    factSubjectMissing:
      context.factSubject !== null &&
      ((context.factSubjectSearched && !matched.has(context.factSubject)) ||
        (context.facts.includes('count') && language === 'en' && !countsAny(units, context.factSubject)))
        ? 1
        : 0,
    ownObjective: context.own && objective ? 1 : 0,
    ownField: context.own && !objective ? 1 : 0,
    ownRequest: context.own && hit.entry.kind === 'chatter' && reportsRequest(hit.entry.title) ? 1 : 0,
    sentenceCoverage,
    sentenceFact,
    factApartFromPredicate:
      fact > 0 && predicateAt.body && !predicateAt.title && !predicateAt.withFact ? 1 : 0,
    // Job titles are read in English only: an entry in another language is not judged on them.
    personMissing:
      context.person !== null &&
      language === 'en' &&
      !namesAskedPerson(`${hit.entry.title}. ${hit.entry.body}`, context.person)
        ? 1
        : 0,
    similarity: hit.similarity ?? 0,
  };
}

/** The question's known terms other than its names, when it asks for a fact about a name (`askedOfName`). */
export function askedOfName(evidence: Evidence, facts: readonly AskedFor[]): string[] {
  const { terms, names } = evidence.question;
  // An outcome's words ("end up doing", "go with") are how the question asks, not what it asks about.
  if (facts.every((kind) => kind === 'outcome') || names.size === 0) return [];
  return terms.filter((term) => !names.has(term) && evidence.known.has(term));
}

/** Number words as the analyzer gives them ("twelve" → "twelv"); digits are told by their first character. */
const NUMBER_TERMS = new Set(
  analyze(
    'one two three four five six seven eight nine ten eleven twelve dozen dozens hundred hundreds thousand thousands million millions several',
    'en',
  ),
);

/** Some unit counts `subject`: a number with at most two words between it and the subject ("40 customers", "three enterprise customers"). */
function countsAny(units: readonly { text: string }[], subject: string): boolean {
  return units.some((unit) => {
    const terms = analyze(unit.text, 'en');
    return terms.some(
      (term, i) =>
        term === subject &&
        terms.slice(Math.max(0, i - 3), i).some((t) => /^\d/.test(t) || NUMBER_TERMS.has(t)),
    );
  });
}

import { analyze } from '../search/analyzer.ts';
import type { SearchHit } from '../search/knowledge-search.ts';
import { namesInEntries } from './names-in-entries.ts';
import { acronymsOf, spellsOut } from './spelled-out.ts';

/** Where in an entry a question's term was found: `meta` is topics, account, industry and labels. */
export type EvidenceField = 'title' | 'body' | 'meta';

/** How one hit holds one of the question's terms. */
export interface TermMatch {
  fields: Set<EvidenceField>;
  /** 1 for the question's own word; less when only a synonym or a typo correction matched. */
  strength: number;
}

/** What one hit holds of the question: each of the question's terms it matches, and how. */
export interface HitEvidence {
  hit: SearchHit;
  matched: Map<string, TermMatch>;
}

/** The question's terms, each with its share of the question's weight (rarer terms weigh more; sums to 1). */
export interface QuestionTerms {
  terms: string[];
  weight: Map<string, number>;
  /** The summed IDF of the terms, when the index reports it: a perfect match scores about this much. */
  idfTotal: number | null;
  /** Terms the question writes as a name or acronym ("Initech", "SIEM"): what it is specifically about. */
  names: Set<string>;
}

export interface Evidence {
  question: QuestionTerms;
  hits: HitEvidence[];
  /** The question's terms that some hit holds, in any field. */
  known: Set<string>;
}

/**
 * How an index that explains its hits reports each of the question's concepts (`SearchHit.concepts`
 * where the search has it): the term, its IDF, the weight of the match (0 when unmatched) and the
 * fields it was found in. Read structurally, so evidence is gathered the same with or without it.
 */
interface ExplainedConcept {
  term: string;
  idf: number;
  /** The IDF the term weighs with in the question, smoothed for small knowledge bases; `idf` when absent. */
  weightIdf?: number;
  weight: number;
  via?: string | null;
  fields: readonly string[];
}

/** BM25's IDF of a term in one entry of five: ln(5) as the knowledge base grows. */
const COMMON_NAME_IDF = Math.log(5);

/**
 * Reads what each hit holds of the query and how much each query term weighs: the one place where
 * signals are taken from hits. From the index's own explanation when it gives one; otherwise by
 * analysing the entries' fields and recovering each term's weight from the hits' coverage.
 */
export function gatherEvidence(asked: { question: string; query: string }, hits: SearchHit[]): Evidence {
  const explained = hits.map(conceptsOf);
  const reference = explained.find((concepts) => concepts !== undefined);
  const terms = reference
    ? [...new Set(reference.map((concept) => concept.term))]
    : [...new Set(analyze(asked.query))];
  const wanted = new Set(terms);
  const evidence = hits.map((hit, i) => {
    const concepts = explained[i];
    return { hit, matched: concepts ? explainedMatches(concepts) : analyzedMatches(hit, wanted) };
  });
  const known = new Set(evidence.flatMap(({ matched }) => [...matched.keys()]));
  // After `known`: a guess from initials does not tell that the knowledge base speaks of the acronym.
  for (const { letters, term } of acronymsOf(asked.question)) {
    if (wanted.has(term)) for (const hitEvidence of evidence) matchSpelledOut(hitEvidence, letters, term);
  }
  // A name in a fifth or more of the entries (the seller's own, "Ledgerline") tells no entry apart.
  const common = new Set(
    reference?.filter((concept) => (concept.weightIdf ?? concept.idf) < COMMON_NAME_IDF).map((c) => c.term),
  );
  const names = new Set(nameTerms(asked.question).filter((term) => wanted.has(term) && !common.has(term)));
  const lowercaseTerms = typedInLowercase(asked.question, wanted);
  const entries = hits.map(({ entry }) => entry);
  for (const term of namesInEntries(lowercaseTerms, entries, neighbours(asked.question, lowercaseTerms))) {
    names.add(term);
  }
  const idfTotal = reference ? reference.reduce((sum, concept) => sum + concept.idf, 0) : null;
  const weightOf = (concept: ExplainedConcept) => concept.weightIdf ?? concept.idf;
  const weightTotal = reference ? reference.reduce((sum, concept) => sum + weightOf(concept), 0) : 0;
  const weight =
    reference && weightTotal
      ? new Map(reference.map((concept) => [concept.term, weightOf(concept) / weightTotal]))
      : estimateWeights(terms, evidence);
  return { question: { terms, weight, idfTotal, names }, hits: evidence, known };
}

function conceptsOf(hit: SearchHit): readonly ExplainedConcept[] | undefined {
  const concepts = (hit as { concepts?: readonly ExplainedConcept[] }).concepts;
  return concepts && concepts.length > 0 ? concepts : undefined;
}

/**
 * How much more a typo correction counts as evidence than as ranking weight: one edit 0.75 of the word,
 * two 0.53. Chosen on the tune parts (1: alret → alert unheard; 2: an unanswerable question heard).
 */
const TYPO_EVIDENCE = 1.5;

function explainedMatches(concepts: readonly ExplainedConcept[]): Map<string, TermMatch> {
  const matched = new Map<string, TermMatch>();
  for (const concept of concepts) {
    if (concept.weight <= 0) continue;
    const fields = new Set(
      concept.fields.filter(
        (field): field is EvidenceField => field === 'title' || field === 'body' || field === 'meta',
      ),
    );
    // A synonym (built in or a curator's) names the same thing: it covers the question's word in full.
    // Its lower weight is for ranking; a typo guess stays discounted, as it may be another word, but
    // less than in ranking: a word no entry holds, one slip from one they do, is usually that word.
    const strength =
      concept.via === 'synonym'
        ? 1
        : Math.min(1, concept.via === 'typo' ? concept.weight * TYPO_EVIDENCE : concept.weight);
    matched.set(concept.term, { fields, strength });
  }
  return matched;
}

/** An entry that writes the question's acronym out ("preventive maintenance" for "PMs") holds it. */
function matchSpelledOut({ hit, matched }: HitEvidence, letters: string, term: string) {
  if (matched.has(term)) return;
  const fields = new Set<EvidenceField>();
  if (spellsOut(hit.entry.title, letters)) fields.add('title');
  if (spellsOut(hit.entry.body, letters)) fields.add('body');
  if (fields.size > 0) matched.set(term, { fields, strength: 1 });
}

/** The question's terms an entry holds, by re-analysing its title, body, topics and account. */
function analyzedMatches(hit: SearchHit, wanted: Set<string>): Map<string, TermMatch> {
  const { entry } = hit;
  const matched = new Map<string, TermMatch>();
  const note = (text: string | null, field: EvidenceField) => {
    if (!text) return;
    for (const term of analyze(text)) {
      if (!wanted.has(term)) continue;
      const match = matched.get(term) ?? { fields: new Set<EvidenceField>(), strength: 1 };
      match.fields.add(field);
      matched.set(term, match);
    }
  };
  note(entry.title, 'title');
  note(entry.body, 'body');
  note([...entry.topics, entry.sourceAccount ?? ''].join(' '), 'meta');
  return matched;
}

/** Words only German uses, where every noun is capitalized and capitals say nothing about names. */
const GERMAN =
  /(?:^|\s)(?:der|dem|den|und|wir|für|mit|nicht|ist|sind|eine?n?|keine?n?|wie|wo|welche[rsmn]?|unsere?[rsmn]?|gibt|bei|auf|zu|vom|zum|zur)(?=\s|$)/iu;

/** Words Title Case leaves in lowercase. */
const TITLE_CASE_SMALL = new Set([
  'and',
  'the',
  'for',
  'with',
  'from',
  'into',
  'onto',
  'over',
  'about',
  'against',
  'than',
  'nor',
  'but',
  'via',
]);

/**
 * Terms of words written as names: acronyms and inner capitals anywhere ("SIEM", "FedRAMP", "HL7"),
 * capitalized words past the first word ("Initech") unless most words are capitalized (Title Case)
 * or the question is German, where only acronyms count. Words typed in lower case are names when the
 * entries write them as names (names-in-entries.ts).
 */
export function nameTerms(question: string): string[] {
  const words = question
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word.length >= 2);
  const later = words.slice(1).filter((word) => /^\p{L}{3,}/u.test(word));
  const capitalized = later.filter((word) => /^\p{Lu}\p{Ll}/u.test(word));
  // Title Case capitalizes every word but the short function words; one lowercase content word
  // ("compete with Palo Alto Networks") says the capitals are names, however many there are.
  const lowercaseContent = later.some((word) => /^\p{Ll}/u.test(word) && !TITLE_CASE_SMALL.has(word));
  const caseMeansName =
    (capitalized.length * 2 <= later.length || lowercaseContent) && !GERMAN.test(question);
  return words.flatMap((word, index) => {
    const isName =
      /\p{Lu}.*\p{Lu}|\p{Lu}.*\p{N}|\p{N}.*\p{Lu}/u.test(word) ||
      (caseMeansName && index > 0 && /^\p{Lu}\p{Ll}/u.test(word));
    if (!isName) return [];
    // "ISO 27001", "SOC 2": the number is part of the name, and searched joined to it.
    const next = words[index + 1];
    return analyze(next !== undefined && /^\p{N}+$/u.test(next) ? `${word} ${next}` : word);
  });
}

/** Neighbouring terms of the question, both typed in lower case: where a name of two words may be. */
function neighbours(question: string, lowercaseTerms: ReadonlySet<string>): Array<[string, string]> {
  const terms = analyze(question, 'en');
  const pairs: Array<[string, string]> = [];
  for (let i = 1; i < terms.length; i++) {
    const a = terms[i - 1] as string;
    const b = terms[i] as string;
    if (lowercaseTerms.has(a) && lowercaseTerms.has(b)) pairs.push([a, b]);
  }
  return pairs;
}

/** The question's terms of words typed in lower case: names only the entries can tell apart. */
function typedInLowercase(question: string, wanted: ReadonlySet<string>): Set<string> {
  const words = question.split(/\s+/).filter((word) => /^[^\p{L}\p{N}]*\p{Ll}/u.test(word));
  return new Set(words.flatMap((word) => analyze(word)).filter((term) => wanted.has(term)));
}

const RIDGE = 0.05;

/**
 * Each term's share of the question's IDF, recovered from the hits: a hit's coverage is the summed
 * share of the title and body terms it holds, so the shares are the non-negative least-squares
 * solution over the hits (coordinate descent). Terms no hit holds share what is left (the index gives a term it has never
 * seen the highest IDF). Equal shares when no hit says anything.
 */
function estimateWeights(terms: string[], hits: HitEvidence[]): Map<string, number> {
  const rows = hits
    .filter(({ hit }) => hit.lexicalScore > 0)
    .map(({ hit, matched }) => ({
      coverage: hit.coverage,
      terms: terms.filter((term) => {
        const fields = matched.get(term)?.fields;
        return fields?.has('title') || fields?.has('body');
      }),
    }))
    .filter((row) => row.terms.length > 0);
  if (terms.length === 0) return new Map();
  if (rows.length === 0) return new Map(terms.map((term) => [term, 1 / terms.length]));
  const seen = new Set(rows.flatMap((row) => row.terms));
  // Start from an even split of each hit's coverage; terms that only ever occur together keep it, as
  // nothing tells them apart. A light pull toward the start keeps the solution unique.
  const start = new Map<string, number>();
  for (const term of seen) {
    const splits = rows
      .filter((row) => row.terms.includes(term))
      .map((row) => row.coverage / row.terms.length);
    start.set(term, Math.min(...splits));
  }
  const weight = new Map(start);
  for (let round = 0; round < 30; round++) {
    for (const term of seen) {
      let residual = RIDGE * (start.get(term) as number);
      let count = RIDGE;
      for (const row of rows) {
        if (!row.terms.includes(term)) continue;
        const others = row.terms.reduce((sum, t) => (t === term ? sum : sum + (weight.get(t) ?? 0)), 0);
        residual += row.coverage - others;
        count++;
      }
      weight.set(term, Math.max(0, residual / count));
    }
  }
  const unseen = terms.filter((term) => !seen.has(term));
  const found = [...weight.values()].reduce((sum, value) => sum + value, 0);
  const left = Math.max(0, 1 - found);
  for (const term of unseen) weight.set(term, left / unseen.length);
  const total = found + (unseen.length > 0 ? left : 0) || 1;
  return new Map(terms.map((term) => [term, (weight.get(term) ?? 0) / total]));
}

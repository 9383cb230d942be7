import { analyze } from './analyzer.ts';
import type { Thesaurus } from './thesaurus.ts';
import type { QueryAlternative, QueryConcept, WeightedQuery } from './weighted-query.ts';

/** A synonym counts this much of the question's own word. */
export const SYNONYM_WEIGHT = 0.6;

export interface ExpansionOptions {
  /** Synonym groups: the sales thesaurus and the workspace's own. */
  thesaurus?: Thesaurus;
}

/**
 * The question as weighted terms: each analysed word is a concept matched by itself (weight 1) and by
 * its synonyms (SYNONYM_WEIGHT). A phrase of the question found in the thesaurus ("security review")
 * lends its synonyms ("infosec") to each of its words, splitting the weight between them so a document
 * saying "infosec" scores as one synonym, yet covers both words.
 */
export function expandQuery(text: string, options: ExpansionOptions = {}): WeightedQuery {
  const sequence = analyze(text);
  const concepts = new Map<string, QueryConcept>();
  for (const term of sequence) {
    if (!concepts.has(term))
      concepts.set(term, { term, alternatives: [{ terms: [term], weight: 1, via: 'literal' }] });
  }
  if (options.thesaurus) addSynonyms(sequence, concepts, options.thesaurus);
  return { concepts: [...concepts.values()] };
}

function addSynonyms(sequence: string[], concepts: Map<string, QueryConcept>, thesaurus: Thesaurus): void {
  for (let start = 0; start < sequence.length; ) {
    let matched = 1;
    // The longest phrase of the thesaurus starting here: "security review" before "security".
    for (let length = Math.min(thesaurus.longestPhrase, sequence.length - start); length >= 1; length--) {
      const span = sequence.slice(start, start + length);
      const synonyms = thesaurus.synonymsOf(span.join(' '));
      if (synonyms.length === 0) continue;
      const covered = [...new Set(span)];
      for (const terms of synonyms) {
        // "Churn at renewal": renewal is asked for in its own right, not as a stand-in for churn.
        if (terms.every((term) => concepts.has(term))) continue;
        for (const term of covered) {
          addAlternative(concepts.get(term), {
            terms,
            weight: SYNONYM_WEIGHT / covered.length,
            via: 'synonym',
          });
        }
      }
      matched = length;
      break;
    }
    start += matched;
  }
}

/** Adds the alternative unless the concept has it already, keeping the higher weight. */
function addAlternative(concept: QueryConcept | undefined, alternative: QueryAlternative): void {
  if (!concept) return;
  const key = alternative.terms.join(' ');
  const known = concept.alternatives.find((existing) => existing.terms.join(' ') === key);
  if (!known) concept.alternatives.push(alternative);
  else if (known.weight < alternative.weight && known.via !== 'literal') known.weight = alternative.weight;
}

/**
 * Reference customers offered inside an answer. The reference desk lives in the nudges; the answer
 * reaches it through `ReferenceFinder`, which the composition root provides, so core answers never
 * import the nudges.
 */

/** One reference customer as an answer shows it. */
export interface SuggestedReference {
  id: number;
  account: string;
  industry: string;
  products: string[];
  useCases: string[];
  /** Whether it can take a call now, limits, cooldown and pauses considered. */
  available: boolean;
  /** Why not now, e.g. "limit reached (3 of 3 in 90 days, frees up 2026-12-01)"; null when available. */
  notNow: string | null;
  /** When it can take a call again, if the desk knows; null when available or paused. */
  availableFrom: Date | null;
}

/** The references part of an answer: what was looked for and the best matches, available first. */
export interface AnswerReferences {
  criteria: string;
  matches: SuggestedReference[];
  /** How many more matched than are shown. */
  more: number;
}

/** The reference desk's matches for free-text criteria (industry, products, use cases), available first. */
export type ReferenceFinder = (request: {
  workspaceId: string;
  criteria: string;
}) => Promise<SuggestedReference[]>;

/** Enough to choose from without burying the answer; the references command lists them all. */
export const MAX_SUGGESTED_REFERENCES = 5;

/** "not available until 2026-12-01: limit reached (…)", or "not available (paused: …)" when no date is known. */
export function notAvailableText(reference: SuggestedReference): string {
  const why = reference.notNow ?? '';
  if (!reference.availableFrom) return why ? `not available (${why})` : 'not available';
  const until = `not available until ${reference.availableFrom.toISOString().slice(0, 10)}`;
  return why ? `${until}: ${why}` : until;
}

/** "Reference customers for “SAP manufacturer”: 1 of 3 can take a call now" */
export function referencesHeadline(references: AnswerReferences, criteria: string): string {
  const available = references.matches.filter((match) => match.available).length;
  const total = references.matches.length + references.more;
  const what = criteria ? `Reference customers for “${criteria}”` : 'Reference customers';
  return `${what}: ${available} of ${total} can take a call now`;
}

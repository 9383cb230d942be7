/** How many cited sources a rep reads: success means a relevant entry among them. */
export const TOP_K = 3;

/** One labelled question: the externalIds of the entries that answer it; none means "nothing heard" is right. */
export interface LabelledCase {
  question: string;
  relevant: readonly string[];
  note?: string;
}

/** What an answer said, as far as scoring needs: whether something was heard and what it cited, best first. */
export interface GivenAnswer {
  heard: boolean;
  /** The cited sources' externalIds in rank order (null for an entry without one). */
  cited: ReadonlyArray<string | null>;
  /** With "nothing heard": the externalIds of the entries shown as closest, not an answer. */
  closest?: ReadonlyArray<string | null>;
}

export type Problem =
  /** Answerable, but the answer said "nothing heard". */
  | 'nothing-heard'
  /** Answerable and heard, but no relevant entry among the first TOP_K sources. */
  | 'not-in-top-3'
  /** An irrelevant source in the first TOP_K ranks above a relevant one cited further down. */
  | 'irrelevant-above-relevant'
  /** Nothing answers it, but the answer claimed to have heard something. */
  | 'heard-unanswerable';

export interface QuestionResult {
  question: string;
  note: string | null;
  relevant: string[];
  heard: boolean;
  cited: Array<string | null>;
  /** The entries shown as closest when nothing was heard. */
  closest: Array<string | null>;
  answerable: boolean;
  /** 1-based rank of the first relevant cited source; null when none is cited. */
  firstRelevantRank: number | null;
  problems: Problem[];
}

export interface AnswerMetrics {
  questions: number;
  answerable: number;
  unanswerable: number;
  /** Share of answerable questions with a relevant entry among the first TOP_K cited sources. */
  successAt3: number | null;
  /** Mean reciprocal rank of the first relevant cited source, over answerable questions (0 when none). */
  mrr: number | null;
  /** Share of answerable questions answered "nothing heard". */
  falseNothingRate: number | null;
  /** Share of unanswerable questions answered "nothing heard". */
  correctNothingRate: number | null;
  /**
   * Of the answerable questions answered "nothing heard", the share whose closest entries (shown as
   * not an answer) held a relevant one: the rep still saw it.
   */
  closestHeldAnswer: number | null;
  /** Answers with an irrelevant source in the first TOP_K ranked above a relevant one. */
  irrelevantAboveRelevant: number;
  /** Share of cited sources that are relevant, over answerable questions that cited something. */
  citedPrecision: number | null;
}

export interface EvaluationReport {
  total: AnswerMetrics;
  byNote: Array<{ note: string } & AnswerMetrics>;
  /** Every question with at least one problem, in input order. */
  misses: QuestionResult[];
  results: QuestionResult[];
}

/** Scores one answer against its labels. */
export function scoreAnswer(labelled: LabelledCase, answer: GivenAnswer): QuestionResult {
  const relevant = new Set(labelled.relevant);
  const cited = [...answer.cited];
  const isRelevant = (id: string | null) => id !== null && relevant.has(id);
  const firstIndex = cited.findIndex(isRelevant);
  const answerable = relevant.size > 0;
  const problems: Problem[] = [];
  if (answerable) {
    if (!answer.heard) problems.push('nothing-heard');
    else if (firstIndex < 0 || firstIndex >= TOP_K) problems.push('not-in-top-3');
    const lastRelevant = cited.findLastIndex(isRelevant);
    const firstIrrelevantInTop = cited.slice(0, TOP_K).findIndex((id) => !isRelevant(id));
    if (firstIrrelevantInTop >= 0 && lastRelevant > firstIrrelevantInTop) {
      problems.push('irrelevant-above-relevant');
    }
  } else if (answer.heard) {
    problems.push('heard-unanswerable');
  }
  return {
    question: labelled.question,
    note: labelled.note ?? null,
    relevant: [...labelled.relevant],
    heard: answer.heard,
    cited,
    closest: [...(answer.closest ?? [])],
    answerable,
    firstRelevantRank: firstIndex < 0 ? null : firstIndex + 1,
    problems,
  };
}

/** The metrics over any group of scored questions (one set, one note, several sets together). */
export function summarizeResults(results: readonly QuestionResult[]): AnswerMetrics {
  const answerable = results.filter((result) => result.answerable);
  const unanswerable = results.filter((result) => !result.answerable);
  const withCitations = answerable.filter((result) => result.cited.length > 0);
  return {
    questions: results.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    successAt3: share(answerable, (result) => inTopK(result)),
    mrr: mean(answerable, (result) => (result.firstRelevantRank ? 1 / result.firstRelevantRank : 0)),
    falseNothingRate: share(answerable, (result) => !result.heard),
    correctNothingRate: share(unanswerable, (result) => !result.heard),
    closestHeldAnswer: share(
      answerable.filter((result) => !result.heard),
      (result) => result.closest.some((id) => id !== null && result.relevant.includes(id)),
    ),
    irrelevantAboveRelevant: results.filter((result) => result.problems.includes('irrelevant-above-relevant'))
      .length,
    citedPrecision: mean(withCitations, (result) => {
      const relevant = new Set(result.relevant);
      return result.cited.filter((id) => id !== null && relevant.has(id)).length / result.cited.length;
    }),
  };
}

/** Scores every answer against its labelled question (same order) and summarises, in total and per note. */
export function evaluateAnswers(
  labelled: readonly LabelledCase[],
  answers: readonly GivenAnswer[],
): EvaluationReport {
  if (labelled.length !== answers.length) {
    throw new Error(`${labelled.length} labelled questions but ${answers.length} answers`);
  }
  const results = labelled.map((question, index) => scoreAnswer(question, answers[index] as GivenAnswer));
  const notes = [...new Set(results.flatMap((result) => (result.note === null ? [] : [result.note])))];
  return {
    total: summarizeResults(results),
    byNote: notes.map((note) => ({
      note,
      ...summarizeResults(results.filter((result) => result.note === note)),
    })),
    misses: results.filter((result) => result.problems.length > 0),
    results,
  };
}

function inTopK(result: QuestionResult): boolean {
  return result.heard && result.firstRelevantRank !== null && result.firstRelevantRank <= TOP_K;
}

function share<T>(items: readonly T[], test: (item: T) => boolean): number | null {
  return items.length === 0 ? null : items.filter(test).length / items.length;
}

function mean<T>(items: readonly T[], value: (item: T) => number): number | null {
  return items.length === 0 ? null : items.reduce((sum, item) => sum + value(item), 0) / items.length;
}

import type { FieldSummary, Statement } from './answer-types.ts';
import type { SourceEntry } from './select-sources.ts';

export interface WrittenAnswer {
  /** False when none of the sources answers the question: the answer is then "nothing heard". */
  answers: boolean;
  field: Statement[];
  objective: Statement[];
}

/** The previous turn of a thread the question follows up in: context, never a source. */
export interface EarlierTurn {
  question: string;
  answer: string;
}

export interface WriterInput {
  question: string;
  sources: SourceEntry[];
  summary: FieldSummary;
  earlier?: EarlierTurn;
}

/** Writes an answer's statements from the selected sources only; implemented by a chat model. */
export interface AnswerWriter {
  readonly model: string;
  write(input: WriterInput): Promise<WrittenAnswer>;
}

/**
 * Keeps only citations of sources the answer actually has, and only statements left with one.
 * A model may invent a source number; that claim then has nothing behind it and goes.
 */
export function keepCitedStatements(statements: Statement[], sources: SourceEntry[]): Statement[] {
  const known = new Set(sources.map(({ source }) => source.n));
  return statements.flatMap((statement) => {
    const citations = [...new Set(statement.citations)].filter((n) => known.has(n));
    const text = statement.text.trim();
    return citations.length > 0 && text ? [{ text, citations }] : [];
  });
}

/**
 * The sources the statements cite, renumbered 1, 2, … in their rank order, with the statements'
 * citations renumbered to match: a source the writer found no use for is not credited.
 */
export function onlyCitedSources(
  statements: { field: Statement[]; objective: Statement[] },
  sources: SourceEntry[],
): { sources: SourceEntry[]; field: Statement[]; objective: Statement[] } {
  const cited = new Set([...statements.field, ...statements.objective].flatMap((s) => s.citations));
  const kept = sources.filter(({ source }) => cited.has(source.n));
  const renumbered = new Map(kept.map(({ source }, index) => [source.n, index + 1]));
  const renumber = (list: Statement[]) =>
    list.map((statement) => ({
      text: statement.text,
      citations: statement.citations.map((n) => renumbered.get(n) as number).sort((a, b) => a - b),
    }));
  return {
    sources: kept.map(({ source, entry }) => ({
      entry,
      source: { ...source, n: renumbered.get(source.n) as number },
    })),
    field: renumber(statements.field),
    objective: renumber(statements.objective),
  };
}

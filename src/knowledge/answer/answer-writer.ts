import type { FieldSummary, Statement } from './answer-types.ts';
import type { SourceEntry } from './select-sources.ts';

export interface WrittenAnswer {
  field: Statement[];
  objective: Statement[];
}

/** Writes an answer's statements from the selected sources only; implemented by a chat model. */
export interface AnswerWriter {
  readonly model: string;
  write(input: { question: string; sources: SourceEntry[]; summary: FieldSummary }): Promise<WrittenAnswer>;
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

import { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import { valueAt } from '../../records/value-at.ts';
import { ImportProblems } from '../import/import-problems.ts';

const questionText = z
  .string('must be the question as text')
  .trim()
  .min(1, 'must not be empty')
  .refine((value) => !value.includes('\0'), 'must not contain a NUL byte (\\0)');

/** A line of `ask --questions`: only `question` is read; other fields (ids, labels) are ignored. */
export const askQuestionLine = z.looseObject({ question: questionText });

/** A line of `eval`: the question and the externalIds of the entries that answer it (none: "nothing heard"). */
export const labelledQuestionLine = z.looseObject({
  question: questionText,
  relevant: z.array(
    z.string('must list externalIds as text').trim().min(1, 'must not contain an empty externalId'),
    'must be a list of externalIds, [] when nothing in the knowledge base answers the question',
  ),
  note: z.string('must be text').optional(),
});

export type AskQuestionLine = z.output<typeof askQuestionLine>;
export type LabelledQuestion = z.output<typeof labelledQuestionLine>;

export interface QuestionLine<T> {
  line: number;
  value: T;
}

/**
 * Parses a JSON Lines file of questions, blank lines skipped. Every line is checked first and any
 * problem rejects the whole file, naming each line and field, so a run never answers half a file.
 */
export function parseQuestionLines<T>(file: string, text: string, schema: z.ZodType<T>): QuestionLine<T>[] {
  const problems = new ImportProblems(file);
  const questions: QuestionLine<T>[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const source = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (source.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      problems.add({ line, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.add({
        line,
        message: 'must be a JSON object such as {"question": "What are you hearing about SSO?"}',
      });
      return;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length > 0 ? issue.path.join('.') : undefined;
        const missing = issue.path.length > 0 && valueAt(value, issue.path) === undefined;
        problems.add({ line, field, message: missing ? 'is required' : issue.message });
      }
      return;
    }
    questions.push({ line, value: parsed.data });
  });
  if (questions.length === 0 && problems.count === 0) {
    problems.add({ message: 'has no questions; write one JSON object per line, such as {"question": "…"}' });
  }
  if (problems.count > 0) {
    throw new EarshotError({ code: 'invalid_input', message: problems.toError().message });
  }
  return questions;
}

import type { z } from 'zod';
import { parseQuestionLines, type QuestionLine } from '../knowledge/evaluation/question-lines.ts';
import { openImportFile } from '../knowledge/import/open-import-file.ts';

/** Reads and validates a whole JSON Lines file of questions before anything is answered. */
export async function readQuestionFile<T>(file: string, schema: z.ZodType<T>): Promise<QuestionLine<T>[]> {
  const handle = await openImportFile(file);
  const text = await handle.readFile('utf8').finally(() => handle.close());
  return parseQuestionLines(file, text, schema);
}

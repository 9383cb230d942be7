import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryInputSchema } from '../../../src/knowledge/entry.ts';
import {
  labelledQuestionLine,
  parseQuestionLines,
} from '../../../src/knowledge/evaluation/question-lines.ts';

const EVAL_DIR = path.resolve(import.meta.dirname, '../../../eval');
const NOTES = new Set([
  'direct',
  'paraphrase',
  'plural',
  'derivation',
  'abbreviation',
  'typo',
  'filler',
  'topic',
  'industry',
  'account',
  'number',
  ...['es', 'fr', 'de', 'pt'].flatMap((language) => [language, `${language}-en`]),
  'unanswerable',
  'unanswerable-generic',
]);
// Development sets: the directories with a knowledge base of their own (demo/ labels the demo's).
const sets = readdirSync(EVAL_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(EVAL_DIR, entry.name, 'knowledge.jsonl')))
  .map((entry) => entry.name);

const read = (set: string, file: string) => readFileSync(path.join(EVAL_DIR, set, file), 'utf8');
const questions = (set: string, part: string) =>
  parseQuestionLines(`${set}/${part}.jsonl`, read(set, `${part}.jsonl`), labelledQuestionLine).map(
    ({ value }) => value,
  );

describe('the development sets under eval/', () => {
  it('hold at least two sets, 150 questions and 50 unanswerable ones, half of those sharing a word with the KB', () => {
    expect(sets.length).toBeGreaterThanOrEqual(2);
    const all = sets.flatMap((set) => [...questions(set, 'tune'), ...questions(set, 'holdout')]);
    const unanswerable = all.filter((question) => question.relevant.length === 0);
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(unanswerable.length).toBeGreaterThanOrEqual(50);
    expect(unanswerable.filter((q) => q.note === 'unanswerable-generic').length * 2).toBeGreaterThanOrEqual(
      unanswerable.length,
    );
  });

  describe.each(sets)('%s', (set) => {
    const entries = read(set, 'knowledge.jsonl')
      .split('\n')
      .filter(Boolean)
      .map((line) => entryInputSchema.parse(JSON.parse(line)));
    const ids = new Set(entries.map((entry) => entry.externalId));

    it('is a valid import file with a unique externalId on every entry', () => {
      expect(entries.every((entry) => entry.externalId)).toBe(true);
      expect(ids.size).toBe(entries.length);
    });

    it('labels only entries of its own knowledge base, and only with known notes', () => {
      for (const part of ['tune', 'holdout']) {
        for (const question of questions(set, part)) {
          expect(
            question.relevant.filter((id) => !ids.has(id)),
            question.question,
          ).toEqual([]);
          expect(NOTES.has(question.note ?? ''), `${question.question}: note ${question.note}`).toBe(true);
          const unanswerable = question.note?.startsWith('unanswerable') ?? false;
          expect(question.relevant.length === 0, question.question).toBe(unanswerable);
        }
      }
    });

    it('splits about half and half, with no question in both parts', () => {
      const tune = questions(set, 'tune').map((question) => question.question);
      const holdout = questions(set, 'holdout').map((question) => question.question);
      expect(tune.filter((question) => holdout.includes(question))).toEqual([]);
      expect(Math.abs(tune.length - holdout.length)).toBeLessThanOrEqual(2);
    });
  });
});

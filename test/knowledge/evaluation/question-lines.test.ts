import { describe, expect, it } from 'vitest';
import {
  askQuestionLine,
  labelledQuestionLine,
  parseQuestionLines,
} from '../../../src/knowledge/evaluation/question-lines.ts';

describe('reading question files', () => {
  it('keeps line numbers, skips blank lines and ignores fields it does not use', () => {
    const text = '\uFEFF{"question": "Any word on SSO?", "id": 7}\n\n{"question": "  P&L impact? "}\n';
    expect(parseQuestionLines('q.jsonl', text, askQuestionLine)).toEqual([
      { line: 1, value: { question: 'Any word on SSO?', id: 7 } },
      { line: 3, value: { question: 'P&L impact?' } },
    ]);
  });

  it('rejects the whole file, naming every bad line and field', () => {
    const text = [
      '{"question": "fine", "relevant": []}',
      '{"question": "", "relevant": ["a"]}',
      '{"relevant": ["a"]}',
      '{"question": "labels?", "relevant": "a"}',
      'not json',
      '["a list"]',
    ].join('\n');
    expect(() => parseQuestionLines('eval.jsonl', text, labelledQuestionLine)).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        message: expect.stringMatching(
          /eval\.jsonl has 5 problems[\s\S]*line 2: field "question": must not be empty[\s\S]*line 3: field "question": is required[\s\S]*line 4: field "relevant": must be a list of externalIds[\s\S]*line 5: not valid JSON[\s\S]*line 6: must be a JSON object/,
        ),
      }),
    );
  });

  it('says an empty file has no questions', () => {
    expect(() => parseQuestionLines('empty.jsonl', '\n\n', askQuestionLine)).toThrow(/has no questions/);
  });
});

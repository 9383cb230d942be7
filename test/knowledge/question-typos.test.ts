import { describe, expect, it } from 'vitest';
import { mendQuestionWords } from '../../src/knowledge/answer/question-typos.ts';

const nothingKnown = () => false;
const mend = (question: string) => mendQuestionWords(question, nothingKnown);

describe('misspelt framing and function words', () => {
  it('mends a letter dropped, two swapped, a neighbouring key or one too many', () => {
    expect(mend('what are we heraing from healthcare prospects?')).toBe(
      'what are we hearing from healthcare prospects?',
    );
    expect(mend('Anythong on e-invoicing mandates?')).toBe('Anything on e-invoicing mandates?');
    expect(mend('how are our hospitality deaks going?')).toBe('how are our hospitality deals going?');
    expect(mend('What are we hearing from ihnsurance companies?')).toBe(
      'What are we hearing from insurance companies?',
    );
    expect(mend("What's the statis with Brightpath Insurance?")).toBe(
      "What's the status with Brightpath Insurance?",
    );
    expect(mend('Any rcent wins?')).toBe('Any recent wins?');
    expect(mend('whats new? it doesnt sync')).toBe("what's new? it doesn't sync");
  });

  it('leaves names, acronyms, words the entries use, far keys and other languages alone', () => {
    expect(mend('Where are we with Keszler and Thigs Inc?')).toBe('Where are we with Keszler and Thigs Inc?');
    expect(mend('any news on DEAS?')).toBe('any news on DEAS?');
    expect(mendQuestionWords('any heraing aids?', (word) => word === 'heraing')).toBe('any heraing aids?');
    // "d" is nowhere near "m" on a keyboard: "coding" is a word, not a slip for "coming".
    expect(mend('any coding standards?')).toBe('any coding standards?');
    expect(mend('Any dead deals?')).toBe('Any dead deals?');
    // Short real words a slip from a question word, and another form of the same word.
    expect(mend('when they head up into BC')).toBe('when they head up into BC');
    expect(mend('who staffs our booth at the expo?')).toBe('who staffs our booth at the expo?');
    expect(mend('What are telecom prospects asking?')).toBe('What are telecom prospects asking?');
    expect(mend('¿Qué sabeos de Tecnomar?')).toBe('¿Qué sabeos de Tecnomar?');
  });
});

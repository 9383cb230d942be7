import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/knowledge/answer/excerpt.ts';

describe('quoting the best sentence of an entry', () => {
  it('quotes the sentence that shares most words with the question', () => {
    const body =
      'Kessler opened with onboarding. Then they asked whether SAP S/4HANA is supported. Lunch was fine.';
    expect(excerpt(body, 'SAP S/4HANA support')).toBe('Then they asked whether SAP S/4HANA is supported.');
  });

  it('reads Markdown list items as sentences and skips tables', () => {
    const body =
      '# Deal desk\n\n| Discount | Approver |\n|---|---|\n- Renewal uplift is capped at 7% a year.\n- A 3-year price lock needs annual prepayment.';
    expect(excerpt(body, 'price lock')).toBe('A 3-year price lock needs annual prepayment.');
  });

  it('shortens a long sentence at a word boundary', () => {
    const quote = excerpt(`${'word '.repeat(100)}end.`, 'word');
    expect(quote.length).toBeLessThanOrEqual(241);
    expect(quote.endsWith('…')).toBe(true);
  });
});

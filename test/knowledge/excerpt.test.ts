import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/knowledge/answer/excerpt.ts';
import { readingUnits, splitSentences } from '../../src/knowledge/answer/sentences.ts';

describe('quoting the sentence of an entry that answers the question', () => {
  it('quotes the sentence that shares most words with the question', () => {
    const body =
      'Kessler opened with onboarding. Then they asked whether SAP S/4HANA is supported. Lunch was fine.';
    expect(excerpt(body, 'SAP S/4HANA support')).toBe('Then they asked whether SAP S/4HANA is supported.');
  });

  it('reads Markdown list items as sentences and skips tables and headings', () => {
    const body =
      '# Deal desk\n\n| Discount | Approver |\n|---|---|\n- Renewal uplift is capped at 7% a year.\n- A 3-year price lock needs annual prepayment.';
    expect(excerpt(body, 'price lock')).toBe('A 3-year price lock needs annual prepayment.');
    expect(excerpt(body, 'deal desk discount approver')).not.toMatch(/Deal desk|Approver/);
  });

  it('keeps abbreviations, initials and decimals inside their sentence', () => {
    expect(
      splitSentences(
        'We compared e.g. Ledgerline and Paybridge. The U.S. team, led by J. Ortiz, saw 3.5 pts of churn vs. last year. Dr. Lee agreed.',
      ),
    ).toEqual([
      'We compared e.g. Ledgerline and Paybridge.',
      'The U.S. team, led by J. Ortiz, saw 3.5 pts of churn vs. last year.',
      'Dr. Lee agreed.',
    ]);
    expect(splitSentences('Ask for form No. 7 first. Then wait!')).toEqual([
      'Ask for form No. 7 first.',
      'Then wait!',
    ]);
  });

  it('never quotes a line ending in a colon on its own', () => {
    const body = 'Kessler asked for three things:\n- Okta SSO\n- a SOC 2 report\n- net-60 payment terms';
    const quote = excerpt(body, 'Kessler SOC 2 report');
    expect(quote).toBe('Kessler asked for three things: Okta SSO; a SOC 2 report; net-60 payment terms.');
    expect(readingUnits(body).every((unit) => !unit.text.endsWith(':'))).toBe(true);

    expect(excerpt('Pricing notes:\nThey want 20% off the first year.', 'pricing first year')).toBe(
      'Pricing notes: They want 20% off the first year.',
    );
    expect(excerpt('Pricing notes:\n\nThey want 20% off the first year.', 'pricing first year')).toBe(
      'Pricing notes: They want 20% off the first year.',
    );
  });

  it('quotes a very short sentence with the one after it', () => {
    const body =
      "For SSO objections, skip the slide. I can connect a trial tenant to the buyer's Okta sandbox in about 30 minutes.\n\nAsk for the IT lead.";
    expect(excerpt(body, 'SSO objections')).toBe(
      "For SSO objections, skip the slide. I can connect a trial tenant to the buyer's Okta sandbox in about 30 minutes.",
    );
  });

  it('never quotes an introduction whose table or heading it introduced was left out', () => {
    const body =
      'Discounts off list need approval as follows:\n\n| Discount | Approver |\n|---|---|\n| up to 15% | AE |\n\n- Add-ons such as the SSO pack can be discounted within the same thresholds.';
    expect(excerpt(body, 'discount approval SSO pack')).toBe(
      'Add-ons such as the SSO pack can be discounted within the same thresholds.',
    );
    expect(readingUnits(body).map((unit) => unit.text)).toEqual([
      'Add-ons such as the SSO pack can be discounted within the same thresholds.',
    ]);
  });

  it('quotes the sentence with the duration when asked how long', () => {
    const body =
      'The NetSuite connector got praise from the controller during the NetSuite demo. A NetSuite rollout usually takes 6-8 weeks end to end. Training is separate.';
    expect(excerpt(body, 'NetSuite rollout', { question: 'How long does a NetSuite rollout take?' })).toBe(
      'A NetSuite rollout usually takes 6-8 weeks end to end.',
    );
  });

  it('adds the next sentence when that is where the asked-for number is', () => {
    const body =
      'NetSuite rollouts are our bread and butter. Most customers go live in six weeks. Lunch was catered.';
    expect(excerpt(body, 'NetSuite rollouts', { question: 'How long do NetSuite rollouts take?' })).toBe(
      'NetSuite rollouts are our bread and butter. Most customers go live in six weeks.',
    );
    // Without a question asking for a duration, the one sentence is enough.
    expect(excerpt(body, 'NetSuite rollouts')).toBe('NetSuite rollouts are our bread and butter.');
  });

  it('prefers the amount when asked how much, and a name when asked which', () => {
    const pricing =
      'Ledgerline pricing came up on every call with Harborview this month. Ledgerline quoted $31k a year, against our $46k.';
    expect(excerpt(pricing, 'Ledgerline quote', { question: 'How much did Ledgerline quote?' })).toBe(
      'Ledgerline quoted $31k a year, against our $46k.',
    );
    const rival =
      'Competitors keep coming up in manufacturing deals. The competitor we lose manufacturing deals to most is Ledgerline.';
    expect(
      excerpt(rival, 'competitor lose manufacturing deals', {
        question: 'Which competitor do we lose manufacturing deals to?',
      }),
    ).toBe('The competitor we lose manufacturing deals to most is Ledgerline.');
  });

  it('weighs rare words over common ones', () => {
    const body = 'The customer liked the demo. The customer wants Okta.';
    const weights = new Map([
      ['custom', 0.1],
      ['demo', 0.2],
      ['okta', 3],
    ]);
    expect(excerpt(body, 'customer demo okta', { weights })).toBe('The customer wants Okta.');
    expect(excerpt(body, 'customer demo okta')).toMatch(/^The customer liked the demo\./);
  });

  it('shortens a long sentence at a clause boundary, with an ellipsis, keeping the answering clause', () => {
    const body = `The first call covered onboarding, ${'training plans for every regional team, '.repeat(6)}the AP automation roadmap, and finally Okta SSO, which is a hard requirement for their CISO.`;
    const quote = excerpt(body, 'Okta SSO requirement');
    expect(quote.length).toBeLessThanOrEqual(280);
    expect(quote).toMatch(/^….*Okta SSO, which is a hard requirement for their CISO\.$/);
    expect(quote).not.toMatch(/\s…|[,;:]…/);
  });

  it('cuts a sentence with no clause boundary at a word, as a last resort', () => {
    const quote = excerpt(`${'word '.repeat(100)}end.`, 'word');
    expect(quote.length).toBeLessThanOrEqual(280);
    expect(quote.endsWith('word…')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { askedAbout, askedFor, holdsAskedFor } from '../../src/knowledge/answer/asked-for.ts';

describe('askedFor: what kind of fact a question wants', () => {
  it.each([
    'How much does Arcbill cost?',
    'What discount did Harborview get?',
    'What is the price of the enterprise plan?',
    'What does it cost per seat?',
    'What are the fees for ACH?',
    '¿Cuánto cuesta Arcbill?',
    'Was kostet die Lizenz?',
    'What does Clausewise Consulting charge?',
    'what does print-and-mail cost per document?',
    'What does the mobile app cost?',
    "what's mercy ridge's contract worth?",
    'How much was the Harborview deal worth?',
    '¿Cuánto vale el contrato de Banco Solaria?',
  ])('a request for the figure wants a price: %s', (question) => {
    expect(askedFor(question)).toContain('price');
  });

  it.each([
    'any pushback on pricing?',
    'What are you hearing about discounts?',
    'what pricing objections come up?',
    'and their pricing?',
    'Do we charge for SSO?',
    'Is it worth fighting Gusto for tiny companies?',
  ])('a question about the topic does not, so entries without a figure still answer it: %s', (question) => {
    expect(askedFor(question)).not.toContain('price');
    expect(askedFor(question)).not.toContain('amount');
  });

  it('asks for a duration, a percentage or a name where the question does', () => {
    expect(askedFor('How long does a NetSuite rollout take?')).toEqual(['duration']);
    expect(askedFor('What is our win rate against Brex?')).toContain('percent');
    expect(askedFor('Which competitors come up in healthcare?')).toEqual(['name']);
  });

  it('does not count a number inside a name or a year as the amount asked for', () => {
    expect(holdsAskedFor('The agent has covered Windows 7 since 2024.', ['amount'])).toBe(0);
    expect(holdsAskedFor('List price is $40 per seat.', ['amount'])).toBe(1);
  });

  it('wants how a decision came out when asked what someone ended up doing or went with', () => {
    expect(askedFor('What did Lumora end up doing?')).toEqual(['outcome']);
    expect(askedFor('did maison verlaine go with us or gorgias?')).toEqual(['outcome']);
    expect(holdsAskedFor('Lumora went with DocuSign CLM.', ['outcome'])).toBe(1);
    expect(holdsAskedFor('Maison Verlaine a choisi Gorgias.', ['outcome'])).toBe(1);
    expect(holdsAskedFor('They will decide by the end of June.', ['outcome'])).toBe(0);
  });

  it('counts a number a sentence opens with a hedge, which is no name', () => {
    expect(holdsAskedFor('About 40 customers run the integration.', ['count'])).toBe(1);
    expect(holdsAskedFor('Nearly 12 hospitals asked for it.', ['count'])).toBe(1);
  });

  it('wants reasons for "why" asked of customers in general, and the story itself for a named deal', () => {
    for (const question of [
      'Why do customers cancel?',
      'What are the top reasons deals stall?',
      '¿Por qué cancelan los clientes?',
    ])
      expect(askedFor(question), question).toEqual(['reason']);
    expect(askedFor('Why did we lose Quillon to Rippling?')).toEqual([]);
    const reasons = 'Customers left because the mobile app was slow, and due to price rises at renewal.';
    expect(holdsAskedFor(reasons, ['reason'])).toBe(1);
    expect(holdsAskedFor('Meridian wants to know if data ever leaves the US.', ['reason'])).toBe(0);
  });

  it('finds the date asked for in the month names of the other languages too', () => {
    const when = askedFor('Quand Ferrovia prendra-t-elle sa décision ?');
    expect(when).toEqual(['date']);
    expect(holdsAskedFor('Ferrovia : le comité décide en janvier.', when)).toBe(1);
    expect(holdsAskedFor('La junta decide en marzo.', askedFor('¿Cuándo decide la junta?'))).toBe(1);
    expect(
      holdsAskedFor('Der Vorstand entscheidet im März.', askedFor('Wann entscheidet der Vorstand?')),
    ).toBe(1);
    expect(holdsAskedFor('O comitê decide depois do piloto.', askedFor('Quando o comitê decide?'))).toBe(0);
    // Opened with ¿, as Spanish questions are.
    expect(askedFor('¿Quién firma los descuentos?')).toEqual(['name']);
  });

  it('wants what something is priced on when asked how it is priced, and a figure when asked how much', () => {
    expect(askedFor('How do we price API access?')).toEqual(['pricing']);
    expect(askedFor('How is the Word add-in priced?')).toEqual(['pricing']);
    const basis = 'API access is billed per user, on top of the platform fee.';
    expect(holdsAskedFor(basis, askedFor('How do we price API access?'))).toBe(1);
    expect(holdsAskedFor(basis, askedFor('How much does API access cost per user?'))).toBe(0);
    expect(holdsAskedFor('API access is $4 per user.', askedFor('How much does API access cost?'))).toBe(1);
  });

  it('wants money for a price, where any number may do for another amount', () => {
    expect(askedFor('How much storage comes with Pro?')).toEqual(['amount']);
    expect(askedFor('What are the per-transaction fees on fuel cards?')).toEqual(['price']);
    // What a rival quoted or bid is a price, not the story of the deal.
    expect(askedFor('What did Absorb quote Ironwood?')).toEqual(['price']);
    expect(askedFor('What does Ironclad bid on a typical deal?')).toEqual(['price']);
    expect(askedFor('what did Arcadia pay for its contract?')).toEqual(['price']);
    const story = 'Ironwood got a Cornerstone quote and walked away; they now compare us with Absorb.';
    expect(holdsAskedFor(story, askedFor('What did Absorb quote Ironwood?'))).toBe(0);
    const signed = 'Trellis signed Pro with Spark AI: 2,800 active learners for 3 years.';
    expect(holdsAskedFor(signed, askedFor('How much does Spark AI cost?'))).toBe(0);
    expect(holdsAskedFor('Pro includes 500 GB.', askedFor('How much storage comes with Pro?'))).toBe(0.5);
    expect(
      holdsAskedFor('Spark AI is $2 per learner a month.', askedFor('How much does Spark AI cost?')),
    ).toBe(1);
    // Most of Europe writes the currency after the figure.
    expect(
      holdsAskedFor('Die TSE kostet 4,90 € pro Kasse und Monat.', askedFor('Was kostet die TSE pro Kasse?')),
    ).toBe(1);
  });

  it('names what the fact is about: what is counted, the first word of what is priced', () => {
    expect(askedAbout('how many hosts does Parcelway run?')).toBe('hosts');
    expect(askedAbout('what does the wearables integration cost?')).toBe('wearables');
    expect(askedAbout('How much do logs cost per GB?')).toBe('logs');
    expect(askedAbout('How much does it cost?')).toBeNull();
  });
});

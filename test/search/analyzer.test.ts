import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/knowledge/search/analyzer.ts';

describe('analyze', () => {
  it('maps inflections and capitalization of a word to the same term', () => {
    expect(analyze('Pricing')).toEqual(analyze('prices'));
    expect(analyze('integrations')).toEqual(analyze('Integration'));
  });

  it('keeps compliance and product names that mix letters and digits', () => {
    expect(analyze('SOC2, GDPR and O365 came up')).toEqual(expect.arrayContaining(['soc2', 'gdpr', 'o365']));
  });

  it('drops function words, so a question keeps only what it is about', () => {
    expect(analyze('What are they saying about the')).toEqual(analyze('saying'));
    expect(analyze('is it that we were there')).toEqual([]);
  });

  it('keeps numbers and amounts whole', () => {
    const terms = analyze('2,000 seats at $40k, version 3.5');
    expect(terms).toEqual(expect.arrayContaining(['2000', '40k', '3.5']));
  });

  it('treats curly and straight apostrophes alike and ignores possessives', () => {
    expect(analyze('Acme’s CFO doesn’t sign')).toEqual(analyze("Acme's CFO doesn't sign"));
    expect(analyze("Acme's")).toEqual(analyze('Acme'));
  });

  it('folds accents on Latin letters and full-width forms', () => {
    expect(analyze('Café résumé')).toEqual(analyze('cafe resume'));
    expect(analyze('ＳＯＣ２')).toEqual(['soc2']);
  });

  it('splits unspaced scripts into words so part of a sentence can match', () => {
    const sentence = analyze('客户关心数据安全');
    expect(sentence.length).toBeGreaterThan(1);
    expect(sentence).toEqual(expect.arrayContaining(analyze('安全')));
  });

  it('keeps IT and US when written as the names they are', () => {
    expect(analyze('IT asked about US data residency')).toEqual(expect.arrayContaining(['it', 'us']));
    expect(analyze('it is up to us')).toEqual([]);
  });
});

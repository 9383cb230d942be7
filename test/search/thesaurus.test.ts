import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/knowledge/search/analyzer.ts';
import { expandQuery } from '../../src/knowledge/search/query-expansion.ts';
import { SALES_THESAURUS } from '../../src/knowledge/search/sales-thesaurus.ts';
import { builtInThesaurus, phraseKey, Thesaurus } from '../../src/knowledge/search/thesaurus.ts';

const alternativesOf = (text: string, thesaurus = builtInThesaurus()) =>
  Object.fromEntries(
    expandQuery(text, { thesaurus }).concepts.map((concept) => [
      concept.term,
      concept.alternatives.map((alternative) => `${alternative.terms.join(' ')}/${alternative.via}`),
    ]),
  );

describe('the sales thesaurus', () => {
  it('puts each phrase in one group, and no phrase is only common words or one generic word', () => {
    const groupOf = new Map<string, number>();
    SALES_THESAURUS.forEach((group, index) => {
      for (const phrase of group) {
        const key = phraseKey(phrase);
        expect(key, phrase).not.toBe('');
        // A multi-word phrase must not shrink to one word: "add-on" would be "add".
        if (phrase.split(' ').length > 1) expect(key.split(' ').length, phrase).toBeGreaterThan(1);
        if (groupOf.has(key)) expect(groupOf.get(key), `${phrase} is in two groups`).toBe(index);
        groupOf.set(key, index);
      }
    });
    expect(SALES_THESAURUS.length).toBeGreaterThanOrEqual(30);
  });
});

describe('expanding a question', () => {
  it('adds the synonyms of a word at a lower weight than the word itself', () => {
    const [concept] = expandQuery('churn', { thesaurus: builtInThesaurus() }).concepts;
    expect(concept?.alternatives[0]).toEqual({ terms: analyze('churn'), weight: 1, via: 'literal' });
    const synonyms = concept?.alternatives.slice(1) ?? [];
    expect(synonyms.map((alternative) => alternative.terms.join(' '))).toEqual(
      expect.arrayContaining([phraseKey('retention'), phraseKey('cancel')]),
    );
    for (const synonym of synonyms) expect(synonym.weight).toBeLessThan(1);
  });

  it('recognises a phrase of the question and lends its synonyms to each of its words', () => {
    const alternatives = alternativesOf('security review timeline');
    expect(alternatives[phraseKey('security')]).toContain(`${phraseKey('infosec')}/synonym`);
    expect(alternatives[phraseKey('review')]).toContain(`${phraseKey('infosec')}/synonym`);
    expect(alternatives[phraseKey('timeline')]).toContain(`${phraseKey('deadline')}/synonym`);
  });

  it('finds a hyphenated phrase written apart or joined: "go live" and "golive" are "go-live"', () => {
    const synonyms = alternativesOf('rollout')[phraseKey('rollout')];
    expect(synonyms).toContain('go live/synonym');
    expect(synonyms).toContain(`${phraseKey('golive')}/synonym`);
    // Apart only where both halves are words: "lock-in" is not "lock".
    expect(alternativesOf('commitment')[phraseKey('commitment')]).not.toContain('lock/synonym');
  });

  it('reads a connection lost in other words as offline: "when the wifi dies"', () => {
    expect(alternativesOf('card payments when the wifi dies')[phraseKey('wifi')]).toContain(
      `${phraseKey('offline')}/synonym`,
    );
  });

  it('reads common sales abbreviations as the words entries spell out: PEPM, TCO, MFA', () => {
    expect(alternativesOf("What's the PEPM for Plus?")[phraseKey('pepm')]).toContain(
      `${phraseKey('per employee per month')}/synonym`,
    );
    expect(alternativesOf('TCO versus Datadog')[phraseKey('tco')]).toContain(
      `${phraseKey('total cost of ownership')}/synonym`,
    );
    expect(alternativesOf('do we enforce MFA')[phraseKey('mfa')]).toContain(
      `${phraseKey('two-factor')}/synonym`,
    );
  });

  it('does not offer a word the question asks about in its own right as a stand-in for another', () => {
    const alternatives = alternativesOf('churn at renewal');
    expect(alternatives[phraseKey('churn')]).not.toContain(`${phraseKey('renewal')}/synonym`);
    expect(alternatives[phraseKey('churn')]).toContain(`${phraseKey('retention')}/synonym`);
  });

  it('finds a phrase whose joined form no entry uses: "sign off" finds entries on approval', () => {
    // The entries say "sign" and "approves", never "signoff", so the question is read as "sign".
    const known = new Set(['sign', 'approv', 'price', 'cut', 'discount']);
    const vocabulary = { knows: (term: string) => known.has(term), similarTerms: () => [] };
    const concepts = expandQuery('Who can sign off on a bigger price cut?', {
      thesaurus: builtInThesaurus(),
      vocabulary,
    }).concepts;
    const sign = concepts.find((concept) => concept.term === 'sign');
    expect(sign?.alternatives).toContainEqual(
      expect.objectContaining({ terms: [phraseKey('approval')], via: 'synonym' }),
    );
    expect(concepts.map((concept) => concept.term)).not.toContain('signoff');
  });

  it("joins a workspace's pair to the built-in group of either phrase", () => {
    const thesaurus = new Thesaurus(SALES_THESAURUS, [{ term: 'bake-off', synonym: 'pilot' }]);
    const alternatives = alternativesOf('bake-off', thesaurus);
    const [concept] = Object.values(alternatives);
    expect(concept).toEqual(
      expect.arrayContaining([`${phraseKey('pilot')}/synonym`, `${phraseKey('trial')}/synonym`]),
    );
  });
});

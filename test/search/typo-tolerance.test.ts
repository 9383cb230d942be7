import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/knowledge/search/analyzer.ts';
import { type IndexedDoc, LexicalIndex } from '../../src/knowledge/search/lexical-index.ts';
import { expandQuery } from '../../src/knowledge/search/query-expansion.ts';
import { builtInThesaurus } from '../../src/knowledge/search/thesaurus.ts';

const doc = (id: number, body: string): IndexedDoc => ({
  id,
  title: '',
  body,
  kind: 'chatter',
  stage: null,
  topics: [],
  createdAt: new Date('2026-10-01'),
  audience: null,
});

const index = new LexicalIndex();
[
  'NetSuite sync took two weeks',
  'the alert storm kept waking the on-call',
  'approval chains of three levels',
  'Datadog was cheaper per host',
  'a bank wants a pilot',
  'we sent the contract',
].forEach((body, i) => {
  index.upsert(doc(i + 1, body));
});

/** The ids an index finds for a question, expanded with the thesaurus and the index's own vocabulary. */
const searchIn = (searched: LexicalIndex) => (question: string) =>
  searched
    .search(expandQuery(question, { thesaurus: builtInThesaurus(), vocabulary: searched }), { limit: 5 })
    .map((hit) => hit.id);
const found = searchIn(index);

describe('typo tolerance', () => {
  it('finds entries through a misspelt word: one edit up to seven letters, two from eight, a swap counting one', () => {
    expect(found('Netsiute')).toEqual([1]); // eight letters, a swap
    expect(found('alret storm')[0]).toBe(2); // five letters, a swap
    expect(found('approvel')).toEqual([3]); // eight letters, two edits from the stem
    expect(found('Datadgo')).toEqual([4]);
  });

  it('leaves short words, and words two edits off below eight letters, alone', () => {
    expect(found('bnak')).toEqual([]);
    expect(found('Datdgo')).toEqual([]);
    // Eight letters, but its stem "ident" is five: two edits would reach "sent".
    expect(found('identity')).toEqual([]);
  });

  it('keeps the first letter: a word that differs there is another word, not a slip', () => {
    const firms = new LexicalIndex();
    firms.upsert(doc(1, 'the reseller partners asked for margin'));
    firms.upsert(doc(2, 'Clearwater wants a pilot'));
    const search = searchIn(firms);
    expect(search('gartner')).toEqual([]); // one edit from "partner", as typed and as stemmed
    expect(search('Klearwater')).toEqual([]);
    expect(search('partnres')).toEqual([1]);
    expect(search('Clearwtaer')).toEqual([2]);
  });

  it('marks a corrected match as such and counts it at a discount', () => {
    const [hit] = index.search(expandQuery('Netsiute', { vocabulary: index }), { limit: 1 });
    expect(hit?.concepts[0]).toMatchObject({
      term: analyze('Netsiute')[0],
      via: 'typo',
      matchedBy: analyze('NetSuite'),
    });
    expect(hit?.concepts[0]?.weight).toBeLessThan(1);
    expect(hit?.coverage).toBeCloseTo(1);
  });

  it('does not correct a real word the thesaurus knows, only because no entry uses it', () => {
    // No entry here says "quote", but it is a real word: it finds its synonyms, not look-alikes.
    const query = expandQuery('quote', { thesaurus: builtInThesaurus(), vocabulary: index });
    expect(query.concepts[0]?.alternatives.some((alternative) => alternative.via === 'typo')).toBe(false);
  });
});

describe('typo tolerance as the index changes', () => {
  it('knows words added after its first use, and forgets words no entry holds any more', () => {
    const changing = new LexicalIndex();
    for (let id = 1; id <= 3000; id++) changing.upsert(doc(id, `note ${id} about the Ledgerline quote`));
    expect(changing.similarTerms('ledgerlnie', 2, 3).map((similar) => similar.term)).toEqual(['ledgerlin']);
    // Enough removals to compact the index, which renumbers its terms.
    for (let id = 1; id <= 3000; id++) changing.remove(id);
    changing.upsert(doc(5000, 'Stackwell undercut us'));
    expect(changing.similarTerms('ledgerlnie', 2, 3)).toEqual([]);
    expect(changing.similarTerms('stackwlel', 2, 3).map((similar) => similar.term)).toEqual(['stackwel']);
  });

  it('corrects a long word as typed when its stem is far from the right one', () => {
    const more = new LexicalIndex();
    more.upsert(doc(1, 'wage garnishments are remitted every pay run'));
    more.upsert(doc(2, 'we lost Quillon to Rippling on price'));
    const search = searchIn(more);
    // "garnishmnets" stems to "garnishmnet", four edits from "garnish"; "ripling" to "ripl", too short.
    expect(search('garnishmnets')).toEqual([1]);
    expect(search('Ripling')).toEqual([2]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/knowledge/search/analyzer.ts';
import { decodeSnapshot, encodeSnapshot } from '../../src/knowledge/search/index-snapshot.ts';
import { type IndexedDoc, LexicalIndex } from '../../src/knowledge/search/lexical-index.ts';
import type { WeightedQuery } from '../../src/knowledge/search/weighted-query.ts';

function doc(id: number, body: string, overrides: Partial<IndexedDoc> = {}): IndexedDoc {
  return {
    id,
    title: '',
    body,
    kind: 'chatter',
    stage: null,
    topics: [],
    createdAt: new Date('2026-10-01'),
    audience: null,
    ...overrides,
  };
}

function indexOf(docs: IndexedDoc[]): LexicalIndex {
  const index = new LexicalIndex();
  for (const entry of docs) index.upsert(entry);
  return index;
}

/** Chatter that mentions pricing, so "pricing" is a common term. */
function pricingChatter(firstId: number, count: number): IndexedDoc[] {
  return Array.from({ length: count }, (_, i) => doc(firstId + i, `pricing came up again on call ${i}`));
}

const ids = (index: LexicalIndex, query: string, limit = 10) =>
  index.search(query, { limit }).map((hit) => hit.id);

describe('LexicalIndex ranking', () => {
  it('ranks the document with the rare query term above one with only the common term', () => {
    const index = indexOf([
      ...pricingChatter(1, 20),
      doc(100, 'Ledgerline asked for a renewal discount'),
      doc(101, 'pricing pricing pricing everywhere'),
    ]);
    expect(ids(index, 'Ledgerline pricing')[0]).toBe(100);
  });

  it('ranks a title match above the same word buried in a long body', () => {
    const index = indexOf([
      ...pricingChatter(1, 10),
      doc(50, 'notes from the quarterly review with several accounts and a long list of asks including sso'),
      doc(51, 'notes from the quarterly review with several accounts and a long list of asks', {
        title: 'SSO',
        kind: 'tip',
      }),
    ]);
    expect(ids(index, 'sso')).toEqual([51, 50]);
  });

  it('returns best first with equal scores ordered by id, whatever the insertion order', () => {
    const texts = [
      [7, 'okta sso rollout'],
      [3, 'okta sso rollout'],
      [5, 'okta sso rollout'],
      [9, 'okta mention only'],
    ] as const;
    const forward = indexOf(texts.map(([id, text]) => doc(id, text)));
    const backward = indexOf([...texts].reverse().map(([id, text]) => doc(id, text)));
    expect(ids(forward, 'okta sso')).toEqual([3, 5, 7, 9]);
    expect(ids(backward, 'okta sso')).toEqual([3, 5, 7, 9]);
    expect(forward.search('okta sso', { limit: 10 })).toEqual(forward.search('okta sso', { limit: 10 }));
  });

  it('returns at most limit hits, and none for a query of only stopwords', () => {
    const index = indexOf(pricingChatter(1, 30));
    expect(index.search('pricing', { limit: 5 })).toHaveLength(5);
    expect(index.search('what are they', { limit: 5 })).toEqual([]);
    expect(index.search('pricing', { limit: 0 })).toEqual([]);
  });
});

describe('LexicalIndex updates', () => {
  it('replaces a document on upsert: old words stop matching, new ones match, size is unchanged', () => {
    const index = indexOf([doc(1, 'Okta SSO was the blocker'), doc(2, 'budget approved by the CFO')]);
    index.upsert(doc(1, 'Ledgerline pricing was the blocker'));
    expect(index.size).toBe(2);
    expect(ids(index, 'okta')).toEqual([]);
    expect(ids(index, 'ledgerline')).toEqual([1]);
  });

  it('scores after updates exactly as an index built from the final documents', () => {
    const finalDocs = [
      doc(1, 'gdpr review took six weeks'),
      doc(2, 'gdpr and soc2 asked by legal'),
      doc(3, 'soc2'),
    ];
    const updated = indexOf([
      doc(1, 'soc2 soc2 soc2 report requested'),
      doc(2, 'gdpr'),
      doc(4, 'soc2 gdpr gdpr'),
    ]);
    for (const entry of finalDocs) updated.upsert(entry);
    updated.remove(4);
    const fresh = indexOf(finalDocs);
    expect(updated.search('gdpr soc2', { limit: 10 })).toEqual(fresh.search('gdpr soc2', { limit: 10 }));
  });

  it('stays consistent through enough updates and removals to reclaim space', () => {
    const updated = new LexicalIndex();
    for (const round of ['alpha', 'bravo', 'charlie', 'delta']) {
      for (let id = 1; id <= 1500; id++) updated.upsert(doc(id, `${round} note ${id % 7} security review`));
    }
    for (let id = 1001; id <= 1500; id++) updated.remove(id);
    const fresh = indexOf(
      Array.from({ length: 1000 }, (_, i) => doc(i + 1, `delta note ${(i + 1) % 7} security review`)),
    );
    expect(updated.size).toBe(1000);
    expect(updated.search('note 3 security', { limit: 50 })).toEqual(
      fresh.search('note 3 security', { limit: 50 }),
    );
    expect(ids(updated, 'alpha')).toEqual([]);
  });

  it('answers the same after giving back its growth room, and keeps taking changes', () => {
    const words = ['renewal', 'pricing', 'security', 'pilot', 'budget', 'champion', 'legal'];
    const text = (id: number) => `${words[id % 7]} ${words[(id * 3) % 7]} came up on call ${id % 11}`;
    const trimmed = indexOf(Array.from({ length: 3000 }, (_, i) => doc(i + 1, text(i + 1))));
    trimmed.trim();
    for (let id = 1; id <= 200; id++) trimmed.upsert(doc(id, `procurement ${text(id)}`));
    for (let id = 2901; id <= 3000; id++) trimmed.remove(id);
    trimmed.upsert(doc(5000, 'procurement asked for a security review'));

    const finalDocs = Array.from({ length: 2900 }, (_, i) =>
      doc(i + 1, i < 200 ? `procurement ${text(i + 1)}` : text(i + 1)),
    );
    const fresh = indexOf([...finalDocs, doc(5000, 'procurement asked for a security review')]);
    for (const query of ['procurement security', 'pricing pilot call 3', 'legal champion']) {
      expect(trimmed.search(query, { limit: 20 })).toEqual(fresh.search(query, { limit: 20 }));
    }
  });

  it('loaded from a snapshot, takes additions, replacements and enough removals to compact, as a fresh index', () => {
    const words = ['renewal', 'pricing', 'security', 'pilot', 'budget', 'champion', 'legal'];
    const text = (id: number) => `${words[id % 7]} ${words[(id * 5) % 7]} raised on call ${id % 13}`;
    const built = indexOf(Array.from({ length: 3000 }, (_, i) => doc(i + 1, text(i + 1))));
    const packed = encodeSnapshot({
      workspaceId: 'acme',
      index: built,
      lastSeq: 1n,
      workspaceCreated: '0',
      accounts: { version: '', accounts: [] },
      entryIndustries: [],
      entryRoles: [],
    });
    const decoded = decodeSnapshot(Buffer.concat(packed.chunks), 'acme');
    if (!('snapshot' in decoded)) throw new Error(decoded.unusable);
    const loaded = decoded.snapshot.index;
    loaded.upsert(doc(4000, 'procurement wants a security review'));
    for (let id = 1; id <= 100; id++) loaded.upsert(doc(id, `procurement ${text(id)}`));
    for (let id = 1501; id <= 3000; id++) loaded.remove(id);

    const fresh = indexOf([
      ...Array.from({ length: 1500 }, (_, i) =>
        doc(i + 1, i < 100 ? `procurement ${text(i + 1)}` : text(i + 1)),
      ),
      doc(4000, 'procurement wants a security review'),
    ]);
    expect(loaded.size).toBe(1501);
    for (const query of ['procurement security', 'pricing pilot call 3', 'legal champion', 'renewal']) {
      expect(loaded.search(query, { limit: 20 })).toEqual(fresh.search(query, { limit: 20 }));
    }
  });

  it('matches a fresh index after heavy churn on a varied vocabulary', () => {
    const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
    // Deterministic pseudo-random words, skewed so some terms have long posting lists.
    const words = (seed: number) =>
      Array.from({ length: 25 }, (_, i) => vocabulary[((seed * 7919 + i * 104729) % 3001) ** 2 % 3000]).join(
        ' ',
      );
    const churned = new LexicalIndex();
    for (let id = 1; id <= 6000; id++) churned.upsert(doc(id, words(id)));
    for (let id = 1; id <= 6000; id += 2) churned.upsert(doc(id, words(id + 50_000)));
    for (let id = 3; id <= 6000; id += 3) churned.remove(id);
    const fresh = new LexicalIndex();
    for (let id = 1; id <= 6000; id++) {
      if (id % 3 !== 0) fresh.upsert(doc(id, words(id % 2 === 1 ? id + 50_000 : id)));
    }
    expect(churned.size).toBe(fresh.size);
    for (const query of [words(17).slice(0, 30), words(50_001).slice(0, 40), 'w1 w2 w3 w2s']) {
      expect(churned.search(query, { limit: 20 })).toEqual(fresh.search(query, { limit: 20 }));
    }
  });

  it('scores topics, account and industry the same after compaction as when freshly built', () => {
    const tagged = (id: number, round: string) =>
      doc(id, `${round} call notes ${id % 5}`, {
        topics: id % 2 ? ['retention'] : [],
        account: id % 3 ? 'Harborview Health' : null,
        industries: id % 3 ? ['healthcare'] : [],
        stage: id % 4 ? 'explore' : null,
      });
    const churned = new LexicalIndex();
    for (const round of ['first', 'second', 'third'])
      for (let id = 1; id <= 2000; id++) churned.upsert(tagged(id, round));
    const fresh = indexOf(Array.from({ length: 2000 }, (_, i) => tagged(i + 1, 'third')));
    for (const query of ['retention healthcare', 'harborview exploring', 'notes 3 retention']) {
      expect(churned.search(query, { limit: 30 })).toEqual(fresh.search(query, { limit: 30 }));
    }
    expect(ids(fresh, 'retention healthcare', 2000)).toHaveLength(2000 - Math.floor(2000 / 6));
  });

  it('rejects a document it cannot represent without losing the version it holds', () => {
    const index = indexOf([doc(1, 'renewal at risk')]);
    const broken = { ...doc(1, 'new text'), kind: 'gossip' } as unknown as IndexedDoc;
    expect(() => index.upsert(broken)).toThrow(RangeError);
    expect(ids(index, 'renewal')).toEqual([1]);
  });

  it('forgets a removed document and reports whether there was one', () => {
    const index = indexOf([doc(1, 'renewal at risk'), doc(2, 'renewal signed')]);
    expect(index.remove(1)).toBe(true);
    expect(index.remove(1)).toBe(false);
    expect(index.has(1)).toBe(false);
    expect(index.size).toBe(1);
    expect(ids(index, 'renewal risk')).toEqual([2]);
    expect(() => index.meta(1)).toThrow();
  });
});

describe('LexicalIndex filters', () => {
  it('applies the filter before the limit, so rarer matches are not crowded out', () => {
    const index = indexOf([
      ...Array.from({ length: 30 }, (_, i) => doc(i + 1, 'pricing pricing pricing objection')),
      doc(40, 'a long tip that mentions pricing once among many other words about rollout', { kind: 'tip' }),
      doc(41, 'another tip with pricing in a longer body of text about the negotiation', { kind: 'tip' }),
    ]);
    const hits = index.search('pricing', { limit: 2, filter: (meta) => meta.kind === 'tip' });
    expect(hits.map((hit) => hit.id).sort()).toEqual([40, 41]);
  });

  it('gives the filter the metadata of the document', () => {
    const createdAt = new Date('2026-03-04T05:06:07Z');
    const index = indexOf([
      doc(8, 'sso', {
        kind: 'expert',
        stage: 'evaluate',
        topics: ['identity'],
        industries: ['healthcare'],
        roles: ['CISO'],
        createdAt,
        audience: 'G1',
      }),
    ]);
    const seen: unknown[] = [];
    index.search('sso', { limit: 1, filter: (meta) => seen.push(meta) > 0 });
    const expected = {
      id: 8,
      kind: 'expert',
      stage: 'evaluate',
      topics: ['identity'],
      industries: ['healthcare'],
      roles: ['CISO'],
      createdAt,
      audience: 'G1',
    };
    expect(seen).toEqual([expected]);
    expect(index.meta(8)).toEqual(expected);
  });
  it("keeps each document's audience through replacement and compaction", () => {
    const index = new LexicalIndex();
    for (let id = 1; id <= 3000; id++)
      index.upsert(doc(id, 'renewal', { audience: id % 2 ? `G${id}` : null }));
    index.upsert(doc(1, 'renewal', { audience: null }));
    index.upsert(doc(2, 'renewal', { audience: 'G2' }));
    for (let id = 3; id <= 2000; id++) index.remove(id); // enough dead slots to compact
    expect(index.meta(1).audience).toBeNull();
    expect(index.meta(2).audience).toBe('G2');
    expect(index.meta(2001).audience).toBe('G2001');
    expect(index.meta(2002).audience).toBeNull();
    const restricted = index.search('renewal', { limit: 5000, filter: (meta) => meta.audience !== null });
    expect(restricted).toHaveLength(1 + 500);
  });
});

describe('LexicalIndex coverage', () => {
  const index = indexOf([
    ...pricingChatter(1, 20),
    doc(30, 'Ledgerline pricing for hospital SSO deals'),
    doc(31, 'pricing was discussed'),
    doc(32, 'Ledgerline hospital deal'),
  ]);
  const hit = (query: string, id: number) =>
    index.search(query, { limit: 50 }).find((found) => found.id === id);

  it('is 1 for a document holding every term of the question', () => {
    expect(hit('Ledgerline pricing hospital SSO', 30)?.coverage).toBeCloseTo(1);
  });

  it('is low for a document matching only the most common term of a four-term question', () => {
    const weak = hit('Ledgerline pricing hospital SSO', 31);
    const partial = hit('Ledgerline pricing hospital SSO', 32);
    expect(weak?.coverage).toBeLessThan(0.2);
    expect(partial?.coverage).toBeGreaterThan(0.4);
    expect(partial?.coverage).toBeLessThan(1);
  });

  it('counts question terms nobody mentioned, so an unheard topic scores low', () => {
    expect(hit('pricing kubernetes', 31)?.coverage).toBeLessThan(0.3);
  });

  it('lists the matched terms in question order', () => {
    expect(hit('hospital SSO Ledgerline', 32)?.matchedTerms).toEqual(['hospit', 'ledgerlin']);
  });
});

describe('LexicalIndex weighted queries', () => {
  // The analysed form of "retention", whatever the stemmer makes of it.
  const retention = analyze('retention')[0] as string;
  const index = indexOf([
    ...pricingChatter(1, 20),
    doc(40, 'churn is up at renewal time'),
    doc(41, 'retention worries at renewal time'),
    doc(42, 'the proof came late'),
    doc(45, 'a new concept for the dashboard'),
    doc(43, 'a proof of concept in two weeks', { title: 'POC plan' }),
    doc(44, 'renewal signed', { topics: ['retention'] }),
  ]);
  const churn: WeightedQuery = {
    concepts: [
      {
        term: 'churn',
        alternatives: [
          { terms: ['churn'], weight: 1, via: 'literal' },
          { terms: [retention], weight: 0.5, via: 'synonym' },
        ],
      },
      { term: 'renew', alternatives: [{ terms: ['renew'], weight: 1, via: 'literal' }] },
    ],
  };
  const pilot: WeightedQuery = {
    concepts: [
      {
        term: 'pilot',
        alternatives: [
          { terms: ['pilot'], weight: 1, via: 'literal' },
          { terms: ['proof', 'concept'], weight: 0.5, via: 'synonym' },
        ],
      },
    ],
  };

  it('finds a document through a synonym, below one holding the literal word', () => {
    const churnOnly = { concepts: churn.concepts.slice(0, 1) };
    const hits = index.search(churnOnly, { limit: 10 }).map((hit) => hit.id);
    expect(hits[0]).toBe(40);
    expect(hits.sort()).toEqual([40, 41, 44]);
  });

  it('counts a concept matched through a synonym as covered, and says how it was matched', () => {
    const hit = index.search(churn, { limit: 10 }).find((found) => found.id === 44);
    expect(hit?.coverage).toBeCloseTo(1);
    expect(hit?.matchedTerms).toEqual(['renew']);
    expect(
      hit?.concepts.map(({ term, via, matchedBy, weight, fields }) => ({
        term,
        via,
        matchedBy,
        weight,
        fields,
      })),
    ).toEqual([
      { term: 'churn', via: 'synonym', matchedBy: [retention], weight: 0.5, fields: ['meta'] },
      { term: 'renew', via: 'literal', matchedBy: ['renew'], weight: 1, fields: ['body'] },
    ]);
    expect(hit?.fields.meta).toBeGreaterThan(0);
    expect(hit?.fields.title).toBe(0);
    expect((hit?.fields.body ?? 0) + (hit?.fields.meta ?? 0)).toBeCloseTo(hit?.score ?? 0);
  });

  it('gives a concept nobody mentions literally the rarity of what stands for it', () => {
    const hits = index.search(churn, { limit: 10 });
    const [churnIdf, renewIdf] = hits[0]?.concepts.map((concept) => concept.idf) ?? [];
    // "churn" is in one document and "renewal" in three: the rarer word weighs more.
    expect(churnIdf).toBeGreaterThan(renewIdf ?? Infinity);
  });

  it('matches a phrase synonym only where the document holds all of its words', () => {
    expect(index.search(pilot, { limit: 10 }).map((hit) => hit.id)).toEqual([43]);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { IndexPersistence } from '../../src/knowledge/search/index-persistence.ts';
import { SNAPSHOT_FORMAT } from '../../src/knowledge/search/index-snapshot.ts';
import { expandQuery } from '../../src/knowledge/search/query-expansion.ts';
import { FileSnapshotStore, type SnapshotStore } from '../../src/knowledge/search/snapshot-store.ts';
import { TableSnapshotStore } from '../../src/knowledge/search/table-snapshot-store.ts';
import { WorkspaceIndexCache } from '../../src/knowledge/search/workspace-index-cache.ts';
import { captureLogs } from '../helpers/capture-logs.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const QUERIES = [
  'pricing pushback',
  'SSO onboarding',
  'renewal risk at Harborview',
  'healthcare',
  'tips for the decide stage',
  'CFO budget',
  'Salesforce integración',
  'prcing', // a typo: corrected from the index's vocabulary
];

const TOPICS = ['Pricing', 'Security', 'Onboarding', 'Integrations'];
const ACCOUNTS = ['Harborview Health', 'Ledgerline', 'Acme Retail', null];
const SENTENCES = [
  'Buyer pushed back on pricing and asked for a multi-year discount',
  'SSO setup blocked onboarding until IT approved the SAML connector',
  'Renewal risk: champion left and the new CFO is reviewing the budget',
  'Los clientes preguntan por la integración con Salesforce antes de comprar',
  'Security review wanted SOC 2 evidence and a data processing agreement',
  'Demo of the reporting dashboard landed well with the operations team',
];

/** Forty entries of every kind, with topics, accounts, stages, roles and an audience or two. */
async function seedCorpus(db: Database, workspaceId = 'acme') {
  for (let i = 0; i < 40; i++) {
    await seedEntry(db, {
      workspaceId,
      title: `${SENTENCES[i % SENTENCES.length]?.split(' ').slice(0, 4).join(' ')} ${i}`,
      body: `${SENTENCES[i % SENTENCES.length]} (note ${i}, ${SENTENCES[(i * 7) % SENTENCES.length]})`,
      kind: (['chatter', 'tip', 'research', 'expert', 'demo'] as const)[i % 5],
      stage: i % 3 === 0 ? 'decide' : undefined,
      topics: [TOPICS[i % TOPICS.length] as string],
      account: ACCOUNTS[i % ACCOUNTS.length] ?? undefined,
      industry: i % 4 === 0 ? 'Healthcare' : undefined,
      roles: i % 5 === 0 ? ['CFO'] : [],
      audience: i % 13 === 0 ? 'slack:G0PRIVATE' : null,
    });
  }
}

/** What a user would get back: for each question, the ids and scores of the top hits, and the facets. */
async function answers(cache: WorkspaceIndexCache, workspaceId = 'acme') {
  const { index, thesaurus, industries, roles } = await cache.open(workspaceId);
  return {
    size: index.size,
    industries: [...industries].sort(),
    roles: [...roles].sort(),
    hits: QUERIES.map((query) =>
      index
        .search(expandQuery(query, { thesaurus, vocabulary: index }), { limit: 10 })
        .map((hit) => [hit.id, Number(hit.score.toFixed(9))]),
    ),
  };
}

describe.each(DATABASE_KINDS)('a saved search index on %s', (kind) => {
  let db: Database;
  let dir: string;
  let store: SnapshotStore;
  let logs: ReturnType<typeof captureLogs>;
  /** Caches that save in the background: each test's saves finish before its directory is removed. */
  let saving: WorkspaceIndexCache[] = [];
  /** A cache that saves after every change, as a new process would be. */
  const persisted = () => {
    const cache = new WorkspaceIndexCache(db, undefined, 250, new IndexPersistence(store, logs.logger), 1);
    saving.push(cache);
    return cache;
  };
  const fresh = () => new WorkspaceIndexCache(db);
  const loaded = () => logs.lines.filter((line) => line.msg === 'search index loaded').length;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-index-'));
    store = kind === 'pglite' ? new FileSnapshotStore(dir) : new TableSnapshotStore(db);
    logs = captureLogs();
    await seedCorpus(db);
  });

  afterEach(async () => {
    await Promise.all(saving.map((cache) => cache.flush()));
    saving = [];
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function saveOnce() {
    const builder = persisted();
    await builder.open('acme');
    await builder.flush();
    expect(await store.read('acme')).not.toBeNull();
  }

  it('is loaded by a new process and answers exactly as an index built from the database', async () => {
    await saveOnce();
    const reader = persisted();
    expect(await answers(reader)).toEqual(await answers(fresh()));
    expect(loaded()).toBe(1);
  });

  it('catches up with entries added, edited, unpublished and moved to a private audience after it was saved', async () => {
    await saveOnce();
    const added = await seedEntry(db, { title: 'Quokka pricing objection', body: 'Zebrafish budget freeze' });
    const [edited, unpublished, hidden] = await db.query<{ id: number }>(
      'SELECT id FROM entries WHERE workspace_id = $1 ORDER BY id LIMIT 3',
      ['acme'],
    );
    await db.query("UPDATE entries SET body = 'Platypus renewal pushback' WHERE id = $1", [edited?.id]);
    await db.query("UPDATE entries SET status = 'archived' WHERE id = $1", [unpublished?.id]);
    await db.query("UPDATE entries SET audience = 'slack:G0OTHER' WHERE id = $1", [hidden?.id]);

    const reader = persisted();
    const state = await reader.open('acme');
    expect(loaded()).toBe(1);
    expect(state.index.search('zebrafish', { limit: 5 }).map((hit) => hit.id)).toEqual([added.id]);
    expect(state.index.search('platypus', { limit: 5 }).map((hit) => hit.id)).toEqual([edited?.id]);
    expect(state.index.has(unpublished?.id as number)).toBe(false);
    expect(state.index.meta(hidden?.id as number).audience).toBe('slack:G0OTHER');
    expect(await answers(reader)).toEqual(await answers(fresh()));
  });

  it('is rebuilt, with the right answers, when it is damaged', async () => {
    await saveOnce();
    const bytes = Buffer.from((await store.read('acme')) as Uint8Array);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] as number) ^ 0xff;
    await store.write('acme', [bytes]);

    expect(await answers(persisted())).toEqual(await answers(fresh()));
    expect(loaded()).toBe(0);
    expect(logs.lines.map((line) => line.why)).toContainEqual(expect.stringMatching(/damaged.*checksum/));
  });

  it('is rebuilt when it was made by another version of the analysis or another snapshot format', async () => {
    await saveOnce();
    const original = Buffer.from((await store.read('acme')) as Uint8Array);
    const headerEnd = 16 + original.readUInt32LE(8);
    const header = original.subarray(16, headerEnd).toString();
    const fingerprint = /"fingerprint":"([0-9a-f]+)"/.exec(header)?.[1] as string;
    for (const changed of [
      header.replace(fingerprint, 'f'.repeat(fingerprint.length)),
      header.replace(`"format":${SNAPSHOT_FORMAT}`, '"format":0'),
    ]) {
      const bytes = Buffer.from(original);
      bytes.write(changed, 16);
      bytes.writeUInt32LE(crc32(bytes.subarray(8)), 4);
      await store.write('acme', [bytes]);
      logs.lines.length = 0;
      const rebuilt = persisted();
      expect(await answers(rebuilt)).toEqual(await answers(fresh()));
      // Its own save must land before the next altered snapshot is written over it.
      await rebuilt.flush();
      expect(loaded()).toBe(0);
      expect(logs.lines.map((line) => line.why)).toContainEqual(
        expect.stringMatching(/another version of the analysis|format 0/),
      );
    }
  });

  it('is not used for a workspace deleted and made again under the same id', async () => {
    await saveOnce();
    await db.query('DELETE FROM workspaces WHERE id = $1', ['acme']);
    const again = await seedEntry(db, { title: 'Fresh start', body: 'Wombat onboarding' });

    const state = await persisted().open('acme');
    expect(state.index.size).toBe(1);
    expect(state.index.search('wombat', { limit: 5 }).map((hit) => hit.id)).toEqual([again.id]);
  });
});

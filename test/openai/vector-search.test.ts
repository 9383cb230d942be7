import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { embedEntries, prepareVectorStore } from '../../src/knowledge/search/embed-entries.ts';
import { PgVectorRanker } from '../../src/knowledge/search/vector-ranker.ts';
import { createOpenAIClient } from '../../src/openai/openai-client.ts';
import { OpenAIEmbedder } from '../../src/openai/openai-embedder.ts';
import { captureLogs } from '../helpers/capture-logs.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../helpers/fake-openai.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

let fake: FakeOpenAI;
let db: Database | undefined;

beforeEach(async () => {
  fake = await startFakeOpenAI();
});

afterEach(async () => {
  await db?.close();
  db = undefined;
  await fake.close();
});

function embedder(model = 'embed-test') {
  const config = {
    apiKey: 'sk-test-key',
    baseURL: fake.baseURL,
    chatModel: undefined,
    embeddingModel: model,
    timeoutMs: 5_000,
  };
  return new OpenAIEmbedder({
    client: createOpenAIClient(config, captureLogs().logger),
    model,
    timeoutMs: 5_000,
  });
}

async function insertEntry(
  database: Database,
  entry: { workspace?: string; kind?: string; title: string; body: string; status?: string },
): Promise<number> {
  const [row] = await database.query<{ id: number }>(
    `INSERT INTO entries (workspace_id, kind, title, body, status, updated_at)
     VALUES ($1, $2::"EntryKind", $3, $4, $5::"EntryStatus", now()) RETURNING id`,
    [entry.workspace ?? 'T1', entry.kind ?? 'chatter', entry.title, entry.body, entry.status ?? 'published'],
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

function embeddingRequests() {
  return fake.requests.filter((request) => request.path === '/v1/embeddings');
}

describe('vector search on PGlite', () => {
  let ids: Record<'sso' | 'security' | 'onboarding' | 'pending' | 'otherWorkspace', number>;

  beforeEach(async () => {
    db = await openTestDatabase('pglite');
    await db.query(`INSERT INTO workspaces (id) VALUES ('T1'), ('T2')`);
    ids = {
      sso: await insertEntry(db, {
        title: 'Acme balks at SSO pricing',
        body: 'Acme says single sign-on pricing is too high; they expect SSO included in the base plan.',
      }),
      security: await insertEntry(db, {
        kind: 'tip',
        title: 'Lead with the security review',
        body: 'Send the security questionnaire answers before the first call.',
      }),
      onboarding: await insertEntry(db, {
        kind: 'research',
        title: 'Onboarding survey',
        body: 'Customers finish onboarding faster with a kickoff workshop.',
      }),
      pending: await insertEntry(db, {
        title: 'SSO pricing complaint, unreviewed',
        body: 'Globex says SSO pricing for single sign-on is too high.',
        status: 'pending',
      }),
      otherWorkspace: await insertEntry(db, {
        workspace: 'T2',
        title: 'SSO pricing at Initech',
        body: 'Initech says single sign-on pricing is too high.',
      }),
    };
  });

  it('ranks the entry that means the same as the question first, best first', async () => {
    const { logger, warnings } = captureLogs();
    expect(await prepareVectorStore(db as Database, logger)).toEqual({ pgvector: expect.any(String) });
    expect(warnings()).toEqual([]);
    const embed = embedder();

    expect(await embedEntries({ db: db as Database, embedder: embed, workspaceId: 'T1' })).toEqual({
      embedded: 3,
    });

    const ranker = new PgVectorRanker({ db: db as Database, embedder: embed, logger });
    const hits = await ranker.rank({
      workspaceId: 'T1',
      query: 'Are buyers pushing back on single sign-on pricing?',
      limit: 10,
      allowed: () => true,
    });
    expect(hits[0]?.id).toBe(ids.sso);
    expect(new Set(hits.map((hit) => hit.id))).toEqual(new Set([ids.sso, ids.security, ids.onboarding]));
    const [best, next] = hits;
    expect((best?.similarity ?? 0) - (next?.similarity ?? 1)).toBeGreaterThan(0.2);
    const similarities = hits.map((hit) => hit.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
  });

  it('leaves out entries the caller does not allow, and keeps to the limit', async () => {
    await prepareVectorStore(db as Database, captureLogs().logger);
    const embed = embedder();
    await embedEntries({ db: db as Database, embedder: embed, workspaceId: 'T1' });
    const ranker = new PgVectorRanker({ db: db as Database, embedder: embed, logger: captureLogs().logger });

    const hits = await ranker.rank({
      workspaceId: 'T1',
      query: 'SSO pricing too high',
      limit: 1,
      allowed: (id) => id !== ids.sso,
    });

    expect(hits).toHaveLength(1);
    expect(hits[0]?.id).not.toBe(ids.sso);
  });

  it('stops returning an entry once it is no longer published', async () => {
    await prepareVectorStore(db as Database, captureLogs().logger);
    const embed = embedder();
    await embedEntries({ db: db as Database, embedder: embed, workspaceId: 'T1' });
    await db?.query(`UPDATE entries SET status = 'archived' WHERE id = $1`, [ids.sso]);
    const ranker = new PgVectorRanker({ db: db as Database, embedder: embed, logger: captureLogs().logger });

    const hits = await ranker.rank({
      workspaceId: 'T1',
      query: 'SSO pricing',
      limit: 10,
      allowed: () => true,
    });

    expect(hits.map((hit) => hit.id)).not.toContain(ids.sso);
  });

  it('embeds only new or changed entries, or all of them for a new model', async () => {
    await prepareVectorStore(db as Database, captureLogs().logger);
    const embed = embedder();
    await embedEntries({ db: db as Database, embedder: embed, workspaceId: 'T1' });
    const requestsBefore = embeddingRequests().length;

    expect(await embedEntries({ db: db as Database, embedder: embed, workspaceId: 'T1' })).toEqual({
      embedded: 0,
    });
    expect(embeddingRequests()).toHaveLength(requestsBefore);

    await db?.query(
      `UPDATE entries SET body = 'Reps hear that onboarding workshops close deals faster.' WHERE id = $1`,
      [ids.security],
    );
    expect(await embedEntries({ db: db as Database, embedder: embed, workspaceId: 'T1' })).toEqual({
      embedded: 1,
    });
    const ranker = new PgVectorRanker({ db: db as Database, embedder: embed, logger: captureLogs().logger });
    const hits = await ranker.rank({
      workspaceId: 'T1',
      query: 'questionnaire',
      limit: 10,
      allowed: () => true,
    });
    expect(hits[0]?.similarity ?? 0).toBeLessThan(0.2);

    expect(
      await embedEntries({ db: db as Database, embedder: embedder('embed-next'), workspaceId: 'T1' }),
    ).toEqual({
      embedded: 3,
    });
  });

  it('embeds just the entries asked for', async () => {
    await prepareVectorStore(db as Database, captureLogs().logger);

    const result = await embedEntries({
      db: db as Database,
      embedder: embedder(),
      workspaceId: 'T1',
      ids: [ids.sso],
    });

    expect(result).toEqual({ embedded: 1 });
    expect(embeddingRequests().map((request) => (request.body as { input: string[] }).input)).toEqual([
      [
        'Acme balks at SSO pricing\n\nAcme says single sign-on pricing is too high; they expect SSO included in the base plan.',
      ],
    ]);
  });

  it('finds nothing by meaning, and says so once, while the embeddings service is down', async () => {
    await prepareVectorStore(db as Database, captureLogs().logger);
    const embed = embedder();
    await embedEntries({ db: db as Database, embedder: embed, workspaceId: 'T1' });
    const { logger, warnings } = captureLogs();
    const ranker = new PgVectorRanker({ db: db as Database, embedder: embed, logger });
    fake.fail({ kind: 'server_error' }, { times: 2 });

    const hits = await ranker.rank({
      workspaceId: 'T1',
      query: 'SSO pricing',
      limit: 10,
      allowed: () => true,
    });

    expect(hits).toEqual([]);
    expect(warnings().map((line) => line.msg)).toEqual([
      'could not embed the search query; searching by words only',
    ]);
  });

  it('can be prepared again, as every start does', async () => {
    await prepareVectorStore(db as Database, captureLogs().logger);
    await embedEntries({ db: db as Database, embedder: embedder(), workspaceId: 'T1' });

    await expect(prepareVectorStore(db as Database, captureLogs().logger)).resolves.not.toBeNull();
    expect(await embedEntries({ db: db as Database, embedder: embedder(), workspaceId: 'T1' })).toEqual({
      embedded: 0,
    });
  });
});

// Runs where the suite has the PostgreSQL server (TEST_DATABASE_URL, as in CI).
const SERVER = DATABASE_KINDS.filter((kind) => kind === 'postgres');

describe.each(SERVER)('vector search on a %s server without pgvector', (kind) => {
  it('is turned off with one warning that says how to turn it on', async () => {
    db = await openTestDatabase(kind);
    const { logger, warnings } = captureLogs();

    await expect(prepareVectorStore(db, logger)).resolves.toBeNull();

    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]?.msg).toMatch(/vector search is off.*lexical.*install pgvector/);
  });
});

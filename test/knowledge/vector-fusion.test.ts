import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { createEarshot, type Earshot } from '../../src/main.ts';
import { captureLogs } from '../helpers/capture-logs.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../helpers/fake-openai.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

describe.each(DATABASE_KINDS)('search with an embedding model on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let openai: FakeOpenAI;
  let logs: ReturnType<typeof captureLogs>;

  beforeEach(async () => {
    openai = await startFakeOpenAI();
    db = await openTestDatabase(kind);
    logs = captureLogs();
    const config = loadConfig({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: openai.baseURL,
      OPENAI_EMBEDDING_MODEL: 'embed-test',
    });
    earshot = await createEarshot({ config, logger: logs.logger, db });
  });
  afterEach(async () => {
    await earshot.close();
    await openai.close();
  });

  const embeddedTexts = () =>
    openai.requests
      .filter((request) => request.path.endsWith('/embeddings'))
      .flatMap((request) => (request.body as { input: string[] | string }).input);

  it('fuses vector and word search where pgvector exists, and says once that it searches by words where not', async () => {
    const pending = await seedEntry(db, {
      title: 'Okta',
      body: 'Harborview wants Okta SSO before signing.',
      status: 'pending',
    });
    await seedEntry(db, { title: 'Pricing', body: 'Kessler pushed back on per-invoice pricing.' });

    await earshot.entries.setStatus('acme', pending.id, 'published');
    const hits = await earshot.search.search({ workspaceId: 'acme', query: 'Okta SSO', limit: 5 });

    expect(hits[0]?.entry.title).toBe('Okta');
    const vectorOff = logs.warnings().filter((line) => /vector search is off/.test(line.msg));
    if (kind === 'pglite') {
      // Published after start, so embedded when the index first saw it, before the search used vectors.
      expect(embeddedTexts().some((text) => text.includes('Harborview wants Okta SSO'))).toBe(true);
      expect(hits[0]?.similarity).toBeGreaterThan(0);
      expect(vectorOff).toEqual([]);
    } else {
      expect(vectorOff).toHaveLength(1);
      expect(embeddedTexts()).toEqual([]);
      expect(hits[0]?.similarity).toBeUndefined();
    }
  });

  it('still answers by words when the embedding service fails', async () => {
    await seedEntry(db, { title: 'Okta', body: 'Harborview wants Okta SSO before signing.' });
    openai.fail({ kind: 'server_error' }, { route: 'embeddings', times: 100 });
    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are you hearing about Okta SSO?',
    });
    expect(answer.heard).toBe(true);
    expect(answer.sources[0]?.title).toBe('Okta');
  });
});

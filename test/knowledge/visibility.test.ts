import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Entry } from '../../src/knowledge/entry.ts';
import { KnowledgeSearch } from '../../src/knowledge/search/knowledge-search.ts';
import { PgVectorRanker } from '../../src/knowledge/search/vector-ranker.ts';
import { WorkspaceIndexCache } from '../../src/knowledge/search/workspace-index-cache.ts';
import type { Earshot } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { type FakeOpenAI, fakeEmbedding, startFakeOpenAI } from '../helpers/fake-openai.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

/** The private Slack channel the secret entry was captured in, as audiences store it. */
const PRIVATE = 'slack:G_PRIVATE';

/**
 * Where a request can come from that is not the private Slack channel G_PRIVATE: a platform and that
 * platform's own channel id; no platform is the command line.
 */
const ELSEWHERE = [
  ['a public channel', 'slack', 'C_PUBLIC'],
  ['another private channel', 'slack', 'G_OTHER'],
  ['a DM', 'slack', 'D_1'],
  ['a Teams conversation with the same id', 'teams', 'G_PRIVATE'],
  ['the command line, naming the channel', 'cli', 'G_PRIVATE'],
  ['the command line', undefined, undefined],
] as const;

const viewerOf = (platform: string | undefined, channel: string | undefined) =>
  (platform === 'slack' || platform === 'teams') && channel
    ? { conversationKey: `${platform}:${channel}` }
    : undefined;

const seedOktaEntries = async (db: Database) => ({
  secret: await seedEntry(db, {
    title: 'Harborview SSO',
    body: 'Harborview wants Okta SSO before signing.',
    author: 'Maya',
    account: 'Harborview',
    audience: PRIVATE,
  }),
  open: await seedEntry(db, {
    title: 'Kessler SSO',
    body: 'Kessler asked whether Okta SSO is in the base plan.',
    author: 'Dan',
    account: 'Kessler',
  }),
});

describe.each(DATABASE_KINDS)('entries from a private conversation on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
  });
  afterEach(() => earshot.close());

  const ask = (question: string, platform?: string, channel?: string) =>
    earshot.ask({ workspaceId: 'acme', question, platform, channel });

  it('are cited in that conversation, beside entries the whole workspace may see', async () => {
    await seedOktaEntries(db);
    const answer = await ask('What are you hearing about Okta SSO?', 'slack', 'G_PRIVATE');
    expect(answer.sources.map((source) => source.title).sort()).toEqual(['Harborview SSO', 'Kessler SSO']);
    expect(answer.field.summary).toMatchObject({ entries: 2, reps: 2, accounts: 2 });
  });

  it.each(ELSEWHERE)('are never found, cited or counted from %s', async (_where, platform, channel) => {
    const { secret } = await seedOktaEntries(db);

    const answer = await ask('What are you hearing about Okta SSO?', platform, channel);
    expect(answer.sources.map((source) => source.title)).toEqual(['Kessler SSO']);
    expect(answer.field.summary).toMatchObject({ entries: 1, reps: 1, accounts: 1 });
    expect(JSON.stringify(answer)).not.toContain('Harborview');

    const onlyPrivate = await ask('What are you hearing about Harborview?', platform, channel);
    expect(onlyPrivate.heard).toBe(false);
    expect(onlyPrivate.sources).toEqual([]);

    const viewer = viewerOf(platform, channel);
    const hits = await earshot.search.search({
      workspaceId: 'acme',
      query: 'Harborview Okta',
      limit: 10,
      viewer,
    });
    expect(hits.map((hit) => hit.entry.id)).not.toContain(secret.id);
  });

  it('fill the limit when filters and visibility both narrow the results', async () => {
    // More strong matches than the rankers' candidate pool, all private to someone else.
    for (let i = 0; i < 110; i++) {
      await seedEntry(db, {
        kind: 'tip',
        body: `Pricing, pricing: open with the pricing calculator (${i}).`,
        audience: 'slack:G_OTHER',
      });
    }
    const weakTip = (audience: string | null) =>
      seedEntry(db, {
        kind: 'tip',
        body: 'A longer tip about the rollout plan that mentions pricing only once among many words.',
        audience,
      });
    const publicTips = [await weakTip(null), await weakTip(null)];
    const privateTips = [await weakTip(PRIVATE), await weakTip(PRIVATE)];
    await seedEntry(db, { kind: 'chatter', body: 'Pricing pricing pricing again.' });

    const search = (conversationKey?: string) =>
      earshot.search.search({
        workspaceId: 'acme',
        query: 'pricing',
        limit: 4,
        filters: { kinds: ['tip'] },
        viewer: conversationKey ? { conversationKey } : undefined,
      });
    const ids = (entries: Entry[]) => entries.map((entry) => entry.id).sort();

    expect(ids((await search(PRIVATE)).map((hit) => hit.entry))).toEqual(
      ids([...publicTips, ...privateTips]),
    );
    expect(ids((await search()).map((hit) => hit.entry))).toEqual(ids(publicTips));
  });
});

// pgvector exists only in PGlite here; on the server search is by words alone (see vector-fusion.test.ts).
describe('entries from a private conversation in vector search on pglite', () => {
  let db: Database;
  let earshot: Earshot;
  let openai: FakeOpenAI;

  beforeEach(async () => {
    openai = await startFakeOpenAI();
    db = await openTestDatabase('pglite');
    earshot = await testEarshot(db, {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: openai.baseURL,
      OPENAI_EMBEDDING_MODEL: 'embed-test',
    });
  });
  afterEach(async () => {
    await earshot.close();
    await openai.close();
  });

  it('are never ranked by meaning for another conversation', async () => {
    const { secret, open } = await seedOktaEntries(db);
    const question = 'What are you hearing about Okta SSO?';
    // Answering syncs the index, which embeds both entries.
    const asked = await earshot.ask({
      workspaceId: 'acme',
      question,
      platform: 'slack',
      channel: 'C_PUBLIC',
    });
    expect(asked.sources).toHaveLength(1);

    // The vector ranker's own output, before fusion and before the rows are read back.
    const ranker = new PgVectorRanker({
      db,
      embedder: { model: 'embed-test', embed: async (texts) => texts.map((text) => fakeEmbedding(text)) },
      logger: earshot.logger,
    });
    let ranked: number[] = [];
    const search = new KnowledgeSearch({
      indexes: new WorkspaceIndexCache(db),
      store: earshot.entries,
      vector: {
        rank: async (options) => {
          const hits = await ranker.rank(options);
          ranked = hits.map((hit) => hit.id);
          return hits;
        },
      },
    });
    const rankFor = async (viewer?: { conversationKey: string }) => {
      await search.search({ workspaceId: 'acme', query: 'Okta SSO', limit: 5, viewer });
      return ranked;
    };

    expect((await rankFor({ conversationKey: PRIVATE })).sort()).toEqual([secret.id, open.id].sort());
    for (const [where, platform, channel] of ELSEWHERE) {
      expect(await rankFor(viewerOf(platform, channel)), where).toEqual([open.id]);
    }
  });
});

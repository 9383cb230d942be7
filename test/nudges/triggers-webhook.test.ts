import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { importAccounts } from '../../src/nudges/accounts/import-accounts.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { openTestDatabase } from '../helpers/test-database.ts';
import { ACCOUNTS_CSV, tempFile } from './nudge-fixtures.ts';

const TOKEN = 'test-webhook-token-0123456789abcdef';
// Posted as people type it (a bare Slack team id); stored platform-qualified.
const W = 'T0SALES';
const WORKSPACE = 'slack:T0SALES';
const funding = {
  type: 'funding',
  account: { domain: 'acme.com' },
  title: 'Acme Robotics raised a $40M Series B',
  url: 'https://news.example.com/acme-series-b',
  occurredAt: '2026-11-21T09:00:00Z',
};

interface Reply {
  error?: string;
  message?: string;
  issues?: Array<{ field: string; message: string }>;
  [field: string]: unknown;
}
const replyOf = async (response: Response): Promise<Reply> => (await response.json()) as Reply;

describe('POST /hooks/triggers', () => {
  let db: Database;
  let earshot: Earshot;
  let server: EarshotServer;
  let url: string;

  const start = async (env: Record<string, string>) => {
    db = await openTestDatabase('pglite');
    const clock = new FakeClock('2026-11-22T15:00:00Z');
    earshot = await testEarshot(db, env, { clock });
    await importAccounts({
      db,
      clock,
      workspaceId: WORKSPACE,
      file: await tempFile('accounts.csv', ACCOUNTS_CSV),
    });
    server = await startServer(earshot, { port: 0 });
    url = `http://127.0.0.1:${server.port}/hooks/triggers`;
  };
  const post = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  afterEach(async () => {
    await server.close();
    await earshot.close();
  });

  describe('with EARSHOT_WEBHOOK_TOKEN set', () => {
    beforeEach(() => start({ EARSHOT_WEBHOOK_TOKEN: TOKEN }));

    it('stores valid events, matches them and says what happened', async () => {
      const response = await post({
        workspace: W,
        events: [funding, { ...funding, account: { name: 'Nobody Inc' }, title: 'Nobody raised' }],
      });
      expect(response.status).toBe(202);
      expect(await replyOf(response)).toMatchObject({
        received: 2,
        stored: 2,
        matched: 1,
        alertsQueued: 1,
        unmatched: [{ title: 'Nobody raised', account: { name: 'Nobody Inc' } }],
      });
      expect(await db.prisma.triggerEvent.count()).toBe(2);
    });

    it('refuses requests without the right bearer token and stores nothing', async () => {
      for (const headers of [{}, { authorization: 'Bearer wrong-token' }, { authorization: TOKEN }] as Array<
        Record<string, string>
      >) {
        const response = await post({ workspace: W, events: [funding] }, headers);
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
        expect((await replyOf(response)).message).toMatch(/Authorization: Bearer/);
      }
      expect(await db.prisma.triggerEvent.count()).toBe(0);
    });

    it('answers 400 naming the bad field, and stores none of the batch', async () => {
      const response = await post({
        workspace: W,
        events: [
          funding,
          { ...funding, type: 'ipo', occurredAt: 'last tuesday' },
          { ...funding, account: {} },
        ],
      });
      expect(response.status).toBe(400);
      const body = await replyOf(response);
      const issues = body.issues ?? [];
      expect(body.error).toBe('invalid_body');
      expect(issues.map((issue) => issue.field)).toEqual([
        'events[1].type',
        'events[1].occurredAt',
        'events[2].account',
      ]);
      expect(body.message).toMatch(
        /events\[1\]\.type: must be one of funding, exec_hire, job_change, expansion, news/,
      );
      expect(body.message).toMatch(/events\[1\]\.occurredAt: must be an ISO date/);
      expect(await db.prisma.triggerEvent.count()).toBe(0);
    });

    it('says which required fields are missing, and refuses bodies that are not JSON', async () => {
      const missing = await post({ events: [{ type: 'news', account: { domain: 'acme.com' } }] });
      expect(missing.status).toBe(400);
      const fields = ((await replyOf(missing)).issues ?? []).map(
        (issue) => `${issue.field}: ${issue.message}`,
      );
      expect(fields).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^workspace: is required/),
          expect.stringMatching(/^events\[0\]\.title: is required/),
          expect.stringMatching(/^events\[0\]\.occurredAt: is required/),
        ]),
      );
      const notJson = await post('{"workspace": ');
      expect(notJson.status).toBe(400);
      expect((await replyOf(notJson)).error).toBe('invalid_json');
    });

    it('accepts only POST', async () => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(405);
    });
  });

  describe('without EARSHOT_WEBHOOK_TOKEN', () => {
    beforeEach(() => start({}));

    it('is switched off and says how to turn it on', async () => {
      const response = await post({ workspace: W, events: [funding] });
      expect(response.status).toBe(404);
      expect((await replyOf(response)).message).toMatch(/EARSHOT_WEBHOOK_TOKEN/);
      expect(await db.prisma.triggerEvent.count()).toBe(0);
    });
  });
});

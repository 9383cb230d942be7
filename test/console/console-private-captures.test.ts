import { readFile } from 'node:fs/promises';
import { webApi } from '@slack/bolt';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/knowledge/entry.ts';
import { ensureWorkspace } from '../../src/knowledge/workspaces/ensure-workspace.ts';
import { InstalledWorkspace } from '../../src/slack/installed-workspace.ts';
import { SlackPeopleDirectory } from '../../src/slack/slack-people.ts';
import { SlackProactiveSender } from '../../src/slack/slack-proactive.ts';
import { SlackTokens } from '../../src/slack/slack-tokens.ts';
import { launchChromium, seriousViolations } from '../helpers/browser.ts';
import {
  addSlackPerson,
  type ConsoleServer,
  signInWith,
  startConsoleServer,
} from '../helpers/console-server.ts';
import { seedEntry } from '../helpers/seed.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';

const ORG = SLACK_IDS.workspaceId;
const INSIDER = 'ines@acme.test'; // a curator in the private channel
const OUTSIDER = 'otto@acme.test'; // a curator who is not
const REP = 'rick@acme.test'; // in the channel, but no curator

describe('the console: private captures, by chat’s rule', () => {
  let browser: Browser;
  let server: ConsoleServer;
  let api: FakeSlackApi;
  let published: Entry;
  let pending: Entry;
  let fromTeams: Entry;
  const pages = new Map<string, Page>();

  const signedIn = async (email: string) => {
    const known = pages.get(email);
    if (known) return known;
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signInWith(page, await server.signInUrl(email, ORG));
    pages.set(email, page);
    return page;
  };
  const open = async (email: string, path: string) => {
    const page = await signedIn(email);
    const response = await page.goto(`${server.origin}/console${path}`);
    return { page, status: response?.status(), text: (await page.locator('main').textContent()) ?? '' };
  };

  beforeAll(async () => {
    api = await startFakeSlackApi({
      channels: {
        G0DEALS: { name: 'deals-umbrella', is_private: true, members: ['U0IN', 'U0REP', 'U_BOT'] },
      },
    });
    [browser, server] = await Promise.all([launchChromium(), startConsoleServer()]);
    const client = new webApi.WebClient('xoxb-test-token', {
      slackApiUrl: api.url,
      retryConfig: { retries: 0 },
      logLevel: webApi.LogLevel.ERROR,
    });
    const tokens = new SlackTokens({
      store: null,
      fixed: { installed: new InstalledWorkspace(client), token: 'xoxb-test-token', client },
      organizations: server.earshot.organizations,
      clientOptions: {},
    });
    server.earshot.messengers.register({
      sender: new SlackProactiveSender(tokens),
      directory: new SlackPeopleDirectory(tokens),
    });
    await ensureWorkspace(server.db, ORG);
    await addSlackPerson(server.earshot, 'U0IN', INSIDER, ORG);
    await addSlackPerson(server.earshot, 'U0OUT', OUTSIDER, ORG);
    await addSlackPerson(server.earshot, 'U0REP', REP, ORG);
    await server.earshot.curators.add(ORG, { kind: 'slackUser', id: 'U0IN' });
    await server.earshot.curators.add(ORG, { kind: 'slackUser', id: 'U0OUT' });

    await seedEntry(server.db, { workspaceId: ORG, kind: 'tip', title: 'Lead with the ROI calculator' });
    published = await seedEntry(server.db, {
      workspaceId: ORG,
      kind: 'tip',
      title: 'Umbrella layoffs are coming',
      audience: 'slack:G0DEALS',
      channel: 'deals-umbrella',
    });
    pending = await seedEntry(server.db, {
      workspaceId: ORG,
      title: 'Umbrella CFO is leaving',
      status: 'pending',
      audience: 'slack:G0DEALS',
    });
    fromTeams = await seedEntry(server.db, {
      workspaceId: ORG,
      kind: 'tip',
      title: 'Teams deal room secret',
      audience: 'teams:19:secret@thread.v2',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await api?.close();
  });

  it('shows a curator who is in the conversation its captures: knowledge, review queue, entry page, edit', async () => {
    const knowledge = await open(INSIDER, '');
    expect(knowledge.text).toContain('Umbrella layoffs are coming');
    expect(knowledge.text).toContain('Lead with the ROI calculator');
    // Teams cannot say who is in a conversation outside it: its private captures stay there.
    expect(knowledge.text).not.toContain('Teams deal room secret');

    const review = await open(INSIDER, '/review');
    expect(review.text).toContain('Umbrella CFO is leaving');

    const entry = await open(INSIDER, `/entries/${published.id}`);
    expect(entry.status).toBe(200);
    expect(entry.text).toContain('private to the conversation it was captured in');
    expect(await entry.page.getByRole('link', { name: /^Edit/ }).count()).toBe(1);
    expect(await seriousViolations(entry.page)).toEqual([]);
    expect((await open(INSIDER, `/entries/${published.id}/edit`)).status).toBe(200);
    expect((await open(INSIDER, `/entries/${fromTeams.id}`)).status).toBe(404);

    // Slack was asked who is in the conversation once; every later click used what it said.
    expect(api.callsTo('conversations.members')).toHaveLength(1);
  });

  it('lets the member-curator approve its capture from the review queue', async () => {
    const { page } = await open(INSIDER, '/review');
    await page.getByRole('button', { name: 'Approve Umbrella CFO is leaving' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Approved 1 entry.');
    expect((await server.earshot.entries.get(ORG, pending.id)).status).toBe('published');
  });

  it('merges a private capture only into one from the same conversation', async () => {
    const { page, status } = await open(INSIDER, `/entries/${pending.id}/merge`);
    expect(status).toBe(200);
    const offered = await page.locator('main select option').allTextContents();
    expect(offered.join('\n')).toContain('Umbrella layoffs are coming');
    expect(offered.join('\n')).not.toContain('Lead with the ROI calculator');
  });

  it('never shows it to a curator outside the conversation, nor to a member inside it', async () => {
    for (const email of [OUTSIDER, REP]) {
      const knowledge = await open(email, '');
      expect(knowledge.text).toContain('Lead with the ROI calculator');
      expect(knowledge.text).not.toContain('Umbrella');
      for (const path of [`/entries/${published.id}`, `/entries/${pending.id}`]) {
        const refused = await open(email, path);
        expect(refused.status).toBe(404);
        expect(refused.text).not.toContain('Umbrella');
      }
    }
    expect((await open(OUTSIDER, `/entries/${published.id}/edit`)).status).toBe(404);
    expect((await open(OUTSIDER, `/entries/${published.id}/merge`)).status).toBe(404);
    expect((await open(REP, `/entries/${published.id}/edit`)).status).toBe(403);
    const review = await open(OUTSIDER, '/review');
    expect(review.text).not.toContain('Umbrella');
  });

  it('leaves private captures out of the export, even for the member-curator', async () => {
    const { page } = await open(INSIDER, '');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSONL' }).click(),
    ]);
    const titles = (await readFile((await download.path()) as string, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).title);
    expect(titles).toContain('Lead with the ROI calculator');
    expect(titles.filter((title: string) => /Umbrella|Teams/.test(title))).toEqual([]);
  });
});

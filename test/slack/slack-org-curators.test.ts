import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { seedEntry } from '../helpers/seed.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { blockActionBody, slashCommandBody } from '../helpers/slack/slack-interaction-payloads.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const INSTALLATION = SLACK_IDS.workspaceId;
const ALICE = 'U_ALICE';
const BOB = 'U_BOB';
const ENV_CURATOR = 'U_ENVY';
const DEFAULT_CHANNEL = 'C_DEFAULT';
const CURATORS_CHANNEL = 'C_CURATORS';
const homeView = { type: 'home', id: 'VHOME', callback_id: '', blocks: [] } as never;
const slackUser = (id: string) => ({ kind: 'slackUser' as const, id });

describe.each(
  DATABASE_KINDS,
)("an organization's own curators and curators' channel in Slack (%s)", (kind) => {
  let db: Database;
  let clock: FakeClock;
  let harness: SlackHarness;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    clock = new FakeClock('2026-11-26T12:00:00Z');
    harness = await startSlackHarness(
      db,
      { EARSHOT_CURATORS: ENV_CURATOR, EARSHOT_CURATOR_CHANNEL: DEFAULT_CHANNEL },
      {},
      { clock },
    );
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  /** Posts a slash command; resolves with what Earshot answered, in the ack or on the response_url. */
  const command = async (options: Parameters<typeof slashCommandBody>[0]) => {
    const earlier = new Set(harness.slack.callsTo('response_url'));
    const response = await harness.post(
      slashCommandBody({ ...options, response_url: harness.slack.responseUrl() }),
    );
    const ack = response.json as { text?: string } | null;
    if (ack?.text) return ack.text;
    const reply = await harness.slack.waitForCall('response_url', (call) => !earlier.has(call));
    return String(reply.args.text);
  };

  /** The organization the Slack workspace's requests use now. */
  const organization = () => harness.earshot.organizations.ofInstallation(INSTALLATION);

  /** A new pending entry; `user` presses Approve on it. True when it was published, false when refused. */
  const approves = async (user: string): Promise<boolean> => {
    const entry = await seedEntry(db, { workspaceId: await organization(), status: 'pending' });
    const refusals = () =>
      harness.slack
        .callsTo('chat.postMessage')
        .filter((call) => call.args.channel === user && /only Earshot curators/.test(String(call.args.text)));
    const refusedBefore = refusals().length;
    await harness.post(
      blockActionBody({
        action_id: 'earshot_curate_approve',
        value: JSON.stringify({ e: entry.id }),
        user,
        view: homeView,
      }),
    );
    return vi.waitFor(async () => {
      const { status } = await harness.earshot.entries.get(await organization(), entry.id);
      if (status === 'published') return true;
      if (refusals().length > refusedBefore) return false;
      throw new Error(`no decision yet on entry ${entry.id}`);
    });
  };

  it('lets only curators of the organization approve; EARSHOT_CURATORS only where it names none of its own', async () => {
    const globex = await harness.earshot.organizations.create('Globex');

    // The workspace's organization names no curators: the environment's apply.
    expect(await approves(ENV_CURATOR)).toBe(true);
    expect(await approves(ALICE)).toBe(false);

    // A curator of Globex is nobody in this workspace's organization, which still has the default.
    await harness.earshot.curators.add(globex.id, slackUser(ALICE));
    expect(await approves(ALICE)).toBe(false);
    expect(await approves(ENV_CURATOR)).toBe(true);

    // Once the organization names its own, the default no longer applies to it.
    await harness.earshot.curators.add(await organization(), slackUser(BOB));
    expect(await approves(BOB)).toBe(true);
    expect(await approves(ENV_CURATOR)).toBe(false);

    // Linked to Globex, the workspace is curated by Globex's curators and, merged in, its own.
    await harness.earshot.organizations.link(globex.id, INSTALLATION);
    expect(await organization()).toBe(globex.id);
    expect(await approves(ALICE)).toBe(true);
    expect(await approves(BOB)).toBe(true);
    expect(await approves(ENV_CURATOR)).toBe(false);
  });

  it('lets only curators of the organization watch a channel once it has any', async () => {
    const watch = (user: string) => command({ text: 'watch', user_id: user });
    const other = await harness.earshot.organizations.create('Other Co');
    await harness.earshot.curators.add(other.id, slackUser(ALICE));
    await harness.earshot.curators.add(await organization(), slackUser(BOB));
    expect(await watch(ALICE)).toMatch(/^Sorry, only curators can change what Earshot watches/);
    expect(await watch(ENV_CURATOR)).toMatch(/^Sorry, only curators/);
    expect(await watch(BOB)).toMatch(/^Earshot now keeps tips/);
  });

  it("routes unanswered questions to the organization's Slack curators' channel, else EARSHOT_CURATOR_CHANNEL", async () => {
    const routeToCurators = async (question: string) => {
      const answer = await harness.earshot.ask({ workspaceId: await organization(), question });
      await harness.post(
        blockActionBody({
          action_id: 'earshot_route_to_curators',
          value: JSON.stringify({ q: answer.questionId }),
          response_url: harness.slack.responseUrl(question),
        }),
      );
      const posted = await harness.slack.waitForCall('chat.postMessage', (call) =>
        String(call.args.text).includes(question),
      );
      return posted.args.channel;
    };
    expect(await routeToCurators('What about carbon accounting?')).toBe(DEFAULT_CHANNEL);

    await harness.earshot.curators.setChannel(await organization(), 'slack', CURATORS_CHANNEL);
    // Another platform's channel is that platform's alone.
    await harness.earshot.curators.setChannel(await organization(), 'teams', '19:curators@thread.tacv2');
    expect(await routeToCurators('What about scope 3 emissions?')).toBe(CURATORS_CHANNEL);

    await harness.earshot.curators.setChannel(await organization(), 'slack', null);
    expect(await routeToCurators('What about water usage?')).toBe(DEFAULT_CHANNEL);
  });

  it("gives the organization's curators' channel the curators' digest, even when it subscribed before it became theirs", async () => {
    await harness.earshot.curators.add(await organization(), slackUser(BOB));
    const subscribe = (channel: string) =>
      command({
        text: 'digest weekly mon 09:00 Europe/Berlin',
        user_id: BOB,
        channel_id: channel,
        channel_name: channel.toLowerCase(),
      });
    expect(await subscribe(CURATORS_CHANNEL)).toContain('Weekly digest here');
    await harness.earshot.curators.setChannel(await organization(), 'slack', CURATORS_CHANNEL);
    expect(await subscribe(DEFAULT_CHANNEL)).toContain('Weekly digest here');

    clock.set('2026-11-30T08:00:00Z');
    await harness.earshot.digests.scheduler.sync();
    const posted = (channel: string) => {
      const call = harness.slack
        .callsTo('chat.postMessage')
        .find((candidate) => candidate.args.channel === channel);
      if (!call) throw new Error(`no digest in ${channel}`);
      return JSON.stringify(call.args.blocks);
    };
    await vi.waitFor(() => posted(CURATORS_CHANNEL));
    await vi.waitFor(() => posted(DEFAULT_CHANNEL));
    expect(posted(CURATORS_CHANNEL)).toContain('For curators: includes content gaps');
    // The organization has a Slack channel of its own: EARSHOT_CURATOR_CHANNEL is just a channel here.
    expect(posted(DEFAULT_CHANNEL)).not.toContain('For curators');
  });
});

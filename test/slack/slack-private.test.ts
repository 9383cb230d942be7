import type { types } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { buildDigest } from '../../src/digest/build-digest.ts';
import { digestText } from '../../src/digest/digest-text.ts';
import { seedEntry } from '../helpers/seed.ts';
import {
  appMention,
  eventCallbackBody,
  messageEvent,
  reactionAdded,
} from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { blockActionBody, slashCommandBody } from '../helpers/slack/slack-interaction-payloads.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { blockText } from '../slack-blocks/answers.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;
const ALICE = SLACK_IDS.userId;
const LINK = 'https://docs.example.com/soc2-report';
const PRIVATE_TEXT = `Secretco will sign if we match Ledgerline, see <${LINK}|Secretco 40% discount memo>`;
const PUBLIC_TEXT = `Secretco will sign if we match Ledgerline, see <${LINK}|our SOC 2 report>`;
/** The private message's label, channel, author and permalink: none may leave the deal room. */
const PRIVATE_MARKS = ['40% discount memo', 'deal-room', 'Zed Hidden', 'U_ZED', 'G_DEALS'];

const IN_DM = 'what are you hearing about Harborview churning next quarter?';
const IN_ROOM = 'what are you hearing about a 40% discount for Secretco?';
const IN_SECRET_C = 'what are you hearing about the Globex layoffs?';
const IN_OPEN = 'what are you hearing about SCIM provisioning?';

/** Work after Slack's ack can take a while on a busy machine. */
const WAIT = { timeout: 10_000 };

const shown = (blocks: unknown) => ((blocks ?? []) as types.KnownBlock[]).map(blockText).join('\n');

describe.each(DATABASE_KINDS)('private conversations in Slack (%s)', (kind) => {
  let db: Database;
  let harness: SlackHarness;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    harness = await startSlackHarness(
      db,
      { EARSHOT_CURATORS: ALICE },
      {
        channels: {
          C_FIELD: { name: 'field-intel' },
          C_CURATORS: { name: 'curators' },
          G_DEALS: { name: 'deal-room', is_private: true },
          // A private channel with a new-style C id: only conversations.info tells.
          C_SECRET: { name: 'secret-project', is_private: true },
        },
        users: { U_MAYA: { real_name: 'Maya Okafor' }, U_ZED: { real_name: 'Zed Hidden' } },
        messages: [
          { channel: 'G_DEALS', ts: '1763000000.000050', user: 'U_ZED', text: PRIVATE_TEXT },
          { channel: 'C_FIELD', ts: '1763000000.000100', user: 'U_MAYA', text: PUBLIC_TEXT },
        ],
      },
    );
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  const entries = () => db.prisma.entry.findMany({ where: { workspaceId: TEAM }, orderBy: { id: 'asc' } });
  const react = (channel: string, ts: string) =>
    harness.post(eventCallbackBody(reactionAdded({ item: { type: 'message', channel, ts } })));

  it('keeps a deal-room capture out of the answer when the same link is captured in the open', async () => {
    await react('G_DEALS', '1763000000.000050');
    await vi.waitFor(async () => expect(await entries()).toHaveLength(1), WAIT);
    await react('C_FIELD', '1763000000.000100');
    await vi.waitFor(async () => expect(await entries()).toHaveLength(2), WAIT);
    expect(await entries()).toMatchObject([
      { audience: 'slack:G_DEALS', sourceChannel: '#deal-room', sourceAuthor: 'Zed Hidden' },
      { audience: null, sourceChannel: '#field-intel', sourceAuthor: 'Maya Okafor' },
    ]);
    await db.prisma.entry.updateMany({ data: { status: 'published', createdAt: new Date() } });

    await harness.post(
      eventCallbackBody(
        appMention({ text: `<@${SLACK_IDS.botUserId}> what are you hearing about Secretco?` }),
      ),
    );
    const update = await harness.slack.waitForCall('chat.update');
    const answer = JSON.stringify(update.args);
    expect(answer).toContain('our SOC 2 report');
    for (const mark of PRIVATE_MARKS) expect(answer).not.toContain(mark);

    // What `earshot digest show` prints for the week.
    const week = digestText(
      await buildDigest(
        { db },
        {
          workspaceId: TEAM,
          from: new Date(Date.now() - 86_400_000),
          to: new Date(Date.now() + 60_000),
          forCurators: true,
          limits: 'full',
        },
      ),
    );
    expect(week).toContain('our SOC 2 report');
    for (const mark of PRIVATE_MARKS) expect(week).not.toContain(mark);
  });

  it("counts questions asked in DMs and private channels in the curators' digest, quoting them only where asked", async () => {
    const answered = (channel: string) =>
      harness.slack.waitForCall('chat.update', (call) => call.args.channel === channel);
    await harness.post(
      eventCallbackBody(messageEvent({ channel: 'D_ALICE', channel_type: 'im', text: IN_DM })),
    );
    await answered('D_ALICE');
    await harness.post(
      eventCallbackBody(
        appMention({ channel: 'C_SECRET', text: `<@${SLACK_IDS.botUserId}> ${IN_SECRET_C}` }),
      ),
    );
    await answered('C_SECRET');
    await harness.post(eventCallbackBody(appMention({ text: `<@${SLACK_IDS.botUserId}> ${IN_OPEN}` })));
    await answered(SLACK_IDS.channelId);
    await harness.post(
      slashCommandBody({
        text: IN_ROOM,
        channel_id: 'G_DEALS',
        response_url: harness.slack.responseUrl('room'),
      }),
    );
    await harness.slack.waitForCall('response_url');
    await vi.waitFor(
      async () => expect(await db.prisma.question.count({ where: { answered: false } })).toBe(4),
      WAIT,
    );

    const digestIn = async (channel: string) => {
      const subscribed = await harness.post(
        slashCommandBody({
          text: 'digest weekly mon 09:00 UTC for curators',
          channel_id: channel,
          response_url: harness.slack.responseUrl(`subscribe-${channel}`),
        }),
      );
      expect(subscribed.status).toBe(200);
      await vi.waitFor(
        async () =>
          expect(
            await harness.earshot.digests.status({
              platform: 'slack',
              workspaceId: TEAM,
              conversationId: channel,
            }),
          ).not.toBeNull(),
        WAIT,
      );
      const run = await harness.earshot.digests.postNow(
        { platform: 'slack', workspaceId: TEAM, conversationId: channel },
        { timeZone: 'UTC' },
      );
      expect(run.status).toBe('posted');
      const posted = harness.slack
        .callsTo('chat.postMessage')
        .filter(
          (call) => call.args.channel === channel && String(call.args.text).startsWith('Earshot digest'),
        );
      return `${posted.at(-1)?.args.text}\n${shown(posted.at(-1)?.args.blocks)}`;
    };

    const curators = await digestIn('C_CURATORS');
    expect(curators).toContain(IN_OPEN);
    expect(curators).toContain('4 unanswered questions');
    expect(curators).toContain('3 asked in private conversations (not shown here)');
    for (const secret of [IN_DM, IN_ROOM, IN_SECRET_C, 'Harborview', 'Secretco', 'Globex']) {
      expect(curators).not.toContain(secret);
    }

    const dm = await digestIn('D_ALICE');
    expect(dm).toContain(IN_DM);
    expect(dm).toContain('2 asked in private conversations (not shown here)');
    expect(dm).not.toContain(IN_ROOM);
    expect(dm).not.toContain(IN_SECRET_C);
  });

  it('will not share an answer drawn from a private channel anywhere else', async () => {
    await seedEntry(db, {
      workspaceId: TEAM,
      title: 'Secretco discount',
      body: 'Secretco gets 40% off to beat Ledgerline, keep it quiet.',
      audience: 'slack:G_DEALS',
    });
    const reply = harness.slack.responseUrl('ask');
    await harness.post(
      slashCommandBody({
        text: 'what are you hearing about Secretco and Ledgerline?',
        channel_id: 'G_DEALS',
        response_url: reply,
      }),
    );
    const answer = await harness.slack.waitForCall('response_url');
    expect(JSON.stringify(answer.args)).toContain('40% off');
    const buttons = (
      (answer.args.blocks ?? []) as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>
    ).flatMap((block) => block.elements ?? []);
    const value = buttons.find((button) => button.action_id === 'earshot_share')?.value ?? '';
    expect(JSON.parse(value)).toMatchObject({ q: expect.any(Number) });

    await harness.post(
      blockActionBody({
        action_id: 'earshot_share',
        value,
        channel: 'C_FIELD',
        response_url: harness.slack.responseUrl('share-elsewhere'),
      }),
    );
    await harness.slack.waitForCall('response_url', (call) =>
      /private to another conversation/.test(String(call.args.text)),
    );

    await harness.post(
      blockActionBody({
        action_id: 'earshot_share',
        value,
        channel: 'G_DEALS',
        response_url: harness.slack.responseUrl('share-here'),
      }),
    );
    const posted = await harness.slack.waitForCall(
      'chat.postMessage',
      (call) => call.args.channel === 'G_DEALS',
    );
    expect(JSON.stringify(posted.args)).toContain('40% off');
    expect(
      harness.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'C_FIELD'),
    ).toEqual([]);
  });
});

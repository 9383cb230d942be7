import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { eventCallbackBody, messageEvent, reactionAdded } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { slashCommandBody } from '../helpers/slack/slack-interaction-payloads.ts';
import { openTestDatabase } from '../helpers/test-database.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;
const INTEL =
  'The CFO at Harborview told me they are evaluating Ledgerline because our pricing is 30% higher.';
const TIP =
  'Pro tip: open with the duplicate-invoice report, it works every time with skeptical controllers.';

describe('capturing from Slack', () => {
  let db: Database;
  let harness: SlackHarness;

  beforeEach(async () => {
    db = await openTestDatabase('pglite');
    harness = await startSlackHarness(
      db,
      { EARSHOT_CURATORS: SLACK_IDS.userId },
      {
        channels: {
          C_FIELD: { name: 'field-intel' },
          G_DEALS: { name: 'deal-room', is_private: true },
        },
        users: { U_MAYA: { real_name: 'Maya Okafor' } },
        messages: [
          { channel: 'C_FIELD', ts: '1763000000.000100', user: 'U_MAYA', text: INTEL },
          { channel: 'C_GENERAL', ts: '1763000000.000200', user: 'U_MAYA', text: INTEL },
          { channel: 'G_DEALS', ts: '1763000000.000300', user: 'U_MAYA', text: TIP },
        ],
      },
    );
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  const entries = () => db.prisma.entry.findMany({ where: { workspaceId: TEAM }, orderBy: { id: 'asc' } });
  const react = (channel: string, ts: string, user: string = SLACK_IDS.userId) =>
    harness.post(eventCallbackBody(reactionAdded({ user, item: { type: 'message', channel, ts } })));

  it('saves a message someone reacts to as a pending entry, attributed to its author, once however many react', async () => {
    await react('C_FIELD', '1763000000.000100');
    await harness.slack.waitForCall('chat.postEphemeral');
    await react('C_FIELD', '1763000000.000100', SLACK_IDS.otherUserId);
    await react('C_FIELD', '1763000000.000100', 'U_CAROL');

    await vi.waitFor(async () => expect(harness.slack.callsTo('conversations.replies')).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const saved = await entries();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      status: 'pending',
      kind: 'chatter',
      body: INTEL,
      sourceAuthor: 'Maya Okafor',
      sourceChannel: '#field-intel',
      contributor: 'U_MAYA',
      audience: null,
      createdAt: new Date(1763000000000),
    });
    expect(saved[0]?.sourceUrl).toMatch(/^https:\/\//);
    expect(harness.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
  });

  it('merges the same text cross-posted to another channel instead of storing it twice', async () => {
    await react('C_FIELD', '1763000000.000100');
    await harness.slack.waitForCall('chat.postEphemeral');
    await react('C_GENERAL', '1763000000.000200');
    await vi.waitFor(async () => expect(harness.slack.callsTo('conversations.replies')).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await entries()).toHaveLength(1);
  });

  it('keeps a message captured in a private channel to that channel', async () => {
    await react('G_DEALS', '1763000000.000300');
    await harness.slack.waitForCall('chat.postEphemeral');
    const [saved] = await entries();
    expect(saved).toMatchObject({ kind: 'tip', audience: 'slack:G_DEALS' });
  });

  it('ignores reactions with other emoji', async () => {
    await harness.post(
      eventCallbackBody(
        reactionAdded({
          reaction: 'thumbsup',
          item: { type: 'message', channel: 'C_FIELD', ts: '1763000000.000100' },
        }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harness.slack.callsTo('conversations.replies')).toEqual([]);
    expect(await entries()).toEqual([]);
  });

  it('in a watched channel keeps tips and intel, drops chit-chat, bots and joins, and follows edits and deletes', async () => {
    const ack = await harness.post(
      slashCommandBody({ text: 'watch', channel_id: 'C_FIELD', user_id: SLACK_IDS.userId }),
    );
    expect(ack.text).toMatch(/now keeps tips and field intel/);
    const say = (text: string, extra: Record<string, unknown> = {}) =>
      harness.post(eventCallbackBody(messageEvent({ channel: 'C_FIELD', user: 'U_MAYA', text, ...extra })));

    await say(INTEL, { ts: '1763000001.000100' });
    await say(TIP, { ts: '1763000001.000200' });
    await say('thanks all!', { ts: '1763000001.000300' });
    await say('lunch anyone?', { ts: '1763000001.000400' });
    await harness.post(
      eventCallbackBody(
        messageEvent({ subtype: 'bot_message', channel: 'C_FIELD', text: `Deploy bot: ${INTEL}` }),
      ),
    );
    await harness.post(
      eventCallbackBody(messageEvent({ subtype: 'channel_join', channel: 'C_FIELD', user: 'U_NEW' })),
    );
    await vi.waitFor(async () => expect(await entries()).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const kept = await entries();
    expect(kept.map((entry) => entry.kind)).toEqual(['chatter', 'tip']);
    expect(kept.every((entry) => entry.status === 'pending' && entry.contributor === 'U_MAYA')).toBe(true);

    const edited =
      'Pro tip: open with the duplicate-invoice report and the approval-time chart; controllers love both.';
    await harness.post(
      eventCallbackBody(
        messageEvent({
          subtype: 'message_changed',
          channel: 'C_FIELD',
          message: { ts: '1763000001.000200', text: edited, user: 'U_MAYA' },
        }),
      ),
    );
    await vi.waitFor(async () => expect((await entries())[1]?.body).toBe(edited));

    await harness.post(
      eventCallbackBody(
        messageEvent({ subtype: 'message_deleted', channel: 'C_FIELD', deleted_ts: '1763000001.000100' }),
      ),
    );
    await vi.waitFor(async () => expect((await entries())[0]?.status).toBe('archived'));
    expect((await entries()).map((entry) => entry.body).join(' ')).not.toContain('Harborview told me');
  });

  it('stops capturing after unwatch, and only curators may change watching', async () => {
    const refused = await harness.post(
      slashCommandBody({ text: 'watch', channel_id: 'C_FIELD', user_id: 'U_MALLORY' }),
    );
    expect(refused.text).toMatch(/only curators/);
    await harness.post(slashCommandBody({ text: 'watch', channel_id: 'C_FIELD' }));
    const stopped = await harness.post(slashCommandBody({ text: 'unwatch', channel_id: 'C_FIELD' }));
    expect(stopped.text).toMatch(/no longer captures/);
    await harness.post(eventCallbackBody(messageEvent({ channel: 'C_FIELD', user: 'U_MAYA', text: INTEL })));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await entries()).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { seedEntry } from '../helpers/seed.ts';
import { appMention, eventCallbackBody, messageEvent } from '../helpers/slack/slack-event-payloads.ts';
import { nextSlackTs, SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;
const HOUR_MS = 3_600_000;
const CHANNEL = SLACK_IDS.channelId;
const blocksText = (args: Record<string, unknown>) => JSON.stringify(args.blocks ?? []);
/** Long enough for an ignored reply to have been handled, had it been answered. */
const SETTLE_MS = 400;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

describe.each(DATABASE_KINDS)('follow-ups in Slack threads (%s)', (kind) => {
  let db: Database;
  let clock: FakeClock;
  let harness: SlackHarness;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    clock = new FakeClock('2026-12-01T12:00:00Z');
    harness = await startSlackHarness(db, {}, {}, { clock });
    await seedEntry(db, {
      workspaceId: TEAM,
      account: 'Mercy Health',
      body: 'Mercy Health, a healthcare network, will not sign until Okta SSO works with their EHR.',
    });
    await seedEntry(db, {
      workspaceId: TEAM,
      account: 'Shopwise',
      body: 'Shopwise retail wants Okta SSO before the renewal.',
    });
    await seedEntry(db, {
      workspaceId: TEAM,
      account: 'Brightline',
      body: 'Brightline compared Segment per-seat pricing with ours and found Segment cheaper.',
    });
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  /** Mentions Earshot at the top of a channel and waits for the answer; returns the thread's root ts. */
  async function askInChannel(text: string, channel: string = CHANNEL): Promise<string> {
    const mention = appMention({ channel, text: `<@${SLACK_IDS.botUserId}> ${text}` });
    const before = harness.slack.callsTo('chat.update').length;
    await harness.post(eventCallbackBody(mention));
    await harness.slack.waitForCall(
      'chat.update',
      () => harness.slack.callsTo('chat.update').length > before,
    );
    return mention.ts;
  }

  /** A reply in the thread without a mention; resolves with the answer shown, or null when none came. */
  async function reply(
    threadTs: string,
    text: string,
    options: { channel?: string; expectAnswer?: boolean } = {},
  ): Promise<string | null> {
    const on = harness;
    const before = on.slack.callsTo('chat.update').length;
    const posted = on.slack.callsTo('chat.postMessage').length;
    await on.post(
      eventCallbackBody(messageEvent({ channel: options.channel ?? CHANNEL, thread_ts: threadTs, text })),
    );
    if (options.expectAnswer === false) {
      await settle();
      expect(on.slack.callsTo('chat.postMessage')).toHaveLength(posted);
      return null;
    }
    const update = await on.slack.waitForCall(
      'chat.update',
      () => on.slack.callsTo('chat.update').length > before,
    );
    const placeholder = on.slack.callsTo('chat.postMessage')[posted];
    expect(placeholder?.args).toMatchObject({ channel: options.channel ?? CHANNEL, thread_ts: threadTs });
    return blocksText(on.slack.callsTo('chat.update')[before]?.args ?? update.args);
  }

  const loggedTexts = async () =>
    (await harness.earshot.questions.list({ workspaceId: TEAM })).map((question) => question.text);

  it('answers a reply without a mention, keeping the subject: "and in healthcare?" narrows', async () => {
    const root = await askInChannel('what are you hearing about Okta SSO?');
    const shown = (await reply(root, 'and in healthcare?')) ?? '';
    expect(shown).toContain('Mercy Health, a healthcare network');
    // The rep sees how the reply was read.
    expect(shown).toContain('Following up: “Okta SSO in healthcare”');
    // The healthcare account comes first; the retail one, if shown at all, after it.
    const retail = shown.indexOf('Shopwise retail');
    if (retail !== -1) expect(shown.indexOf('Mercy Health')).toBeLessThan(retail);
    expect(await loggedTexts()).toContain('Okta SSO in healthcare');
  });

  it('switches subject when the reply names a new one: "what about Segment?"', async () => {
    const root = await askInChannel('what are you hearing about Okta SSO?');
    const shown = await reply(root, 'what about Segment?');
    expect(shown).toContain('Segment per-seat pricing');
    expect(shown).not.toContain('Okta SSO');
    // And a mention in the thread uses the thread too: "their pricing" is Segment's.
    const mention = appMention({ thread_ts: root, text: `<@${SLACK_IDS.botUserId}> and their pricing?` });
    await harness.post(eventCallbackBody(mention));
    await harness.slack.waitForCall('chat.update', () => harness.slack.callsTo('chat.update').length >= 3);
    expect(await loggedTexts()).toContain('Segment pricing');
  });

  it('stops following up after five answers, and a mention then starts afresh', async () => {
    const root = await askInChannel('what are you hearing about Okta SSO?');
    for (const text of ['and in healthcare?', 'any more recent?', 'what about for retail?', 'anything else?'])
      await reply(root, text);
    await reply(root, 'and in EMEA?', { expectAnswer: false });
    const mention = appMention({ thread_ts: root, text: `<@${SLACK_IDS.botUserId}> and in healthcare?` });
    await harness.post(eventCallbackBody(mention));
    await harness.slack.waitForCall('chat.update', () => harness.slack.callsTo('chat.update').length >= 6);
    const texts = await loggedTexts();
    expect(texts).toContain('and in healthcare?');
    expect(texts).not.toContain('Okta SSO in EMEA');
  });

  it('stops following up after 24 idle hours', async () => {
    const root = await askInChannel('what are you hearing about Okta SSO?');
    clock.advance(23 * HOUR_MS);
    expect(await reply(root, 'and in healthcare?')).toContain('Mercy Health');
    clock.advance(25 * HOUR_MS);
    await reply(root, 'what about Segment?', { expectAnswer: false });
  });

  it('keeps the thread across a restart: a new Earshot on the same database follows up', async () => {
    const root = await askInChannel('what are you hearing about Okta SSO?');
    // The first Earshot stops serving; its database handle stays open for the second.
    await harness.close();
    harness = await startSlackHarness(db, {}, {}, { clock });
    const shown = await reply(root, 'and in healthcare?');
    expect(shown).toContain('Mercy Health, a healthcare network');
  });

  it("never uses a private channel's thread anywhere else", async () => {
    const root = await askInChannel('what are you hearing about Okta SSO?', 'G_PRIVATE');
    // The same thread ts in an open channel is another thread: nothing carries over, nothing answered.
    await reply(root, 'and in healthcare?', { expectAnswer: false });
    const shown = await reply(root, 'and in healthcare?', { channel: 'G_PRIVATE' });
    expect(shown).toContain('Mercy Health');
    const stored = await db.prisma.conversationThread.findMany({ where: { workspaceId: TEAM } });
    expect(stored).toEqual([
      expect.objectContaining({ conversationId: 'G_PRIVATE', audience: 'slack:G_PRIVATE' }),
    ]);
  });

  it('answers a reply Slack delivers twice (a retry) once', async () => {
    const root = await askInChannel('what are you hearing about Okta SSO?');
    const posted = harness.slack.callsTo('chat.postMessage').length;
    const body = eventCallbackBody(messageEvent({ thread_ts: root, text: 'and in healthcare?' }));
    await harness.post(body);
    await harness.post(body, { retryNum: 1, retryReason: 'http_timeout' });
    await harness.slack.waitForCall('chat.update', () => harness.slack.callsTo('chat.update').length >= 2);
    await settle();
    expect(harness.slack.callsTo('chat.postMessage')).toHaveLength(posted + 1);
  });

  it('holds a DM as one running conversation', async () => {
    await harness.post(
      eventCallbackBody(messageEvent({ channel: 'D_ALICE', channel_type: 'im', text: 'Okta SSO?' })),
    );
    await harness.slack.waitForCall('chat.update');
    await harness.post(
      eventCallbackBody(messageEvent({ channel: 'D_ALICE', channel_type: 'im', text: 'and in healthcare?' })),
    );
    const update = await harness.slack.waitForCall(
      'chat.update',
      () => harness.slack.callsTo('chat.update').length >= 2,
    );
    expect(update.args.channel).toBe('D_ALICE');
    expect(blocksText(update.args)).toContain('Mercy Health, a healthcare network');
    expect(await loggedTexts()).toContain('Okta SSO in healthcare');
    // A reply in the thread of an answer in the DM continues the same conversation, in that thread.
    const answerTs = String(update.args.ts);
    await harness.post(
      eventCallbackBody(
        messageEvent({
          channel: 'D_ALICE',
          channel_type: 'im',
          thread_ts: answerTs,
          text: 'and for retail?',
        }),
      ),
    );
    await harness.slack.waitForCall('chat.update', () => harness.slack.callsTo('chat.update').length >= 3);
    expect(harness.slack.callsTo('chat.postMessage')[2]?.args.thread_ts).toBe(answerTs);
    expect(await loggedTexts()).toContain('Okta SSO in healthcare for retail');
  });

  it('ignores other bots, its own posts, edits, small talk and threads it never answered', async () => {
    const root = await askInChannel('what are you hearing about Okta SSO?');
    const posted = harness.slack.callsTo('chat.postMessage').length;
    const events = [
      messageEvent({
        subtype: 'bot_message',
        thread_ts: root,
        text: 'and in healthcare?',
        bot_id: 'B_OTHER',
      }),
      messageEvent({ thread_ts: root, user: SLACK_IDS.botUserId, text: 'and in healthcare?' }),
      messageEvent({ thread_ts: root, text: 'and in healthcare?', bot_id: 'B_OTHER', user: 'U_OTHER_BOT' }),
      messageEvent({ subtype: 'message_changed', thread_ts: root, text: 'and in healthcare?' }),
      messageEvent({ thread_ts: root, text: "Thanks, I'll ping them tomorrow" }),
      messageEvent({ thread_ts: nextSlackTs(), text: 'and in healthcare?' }),
    ];
    for (const event of events) await harness.post(eventCallbackBody(event));
    await settle();
    expect(harness.slack.callsTo('chat.postMessage')).toHaveLength(posted);
  });
});

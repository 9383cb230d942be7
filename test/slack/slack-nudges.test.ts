import type { types } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { seedEntry } from '../helpers/seed.ts';
import type { RecordedCall, StoredMessage } from '../helpers/slack/fake-slack-api.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { blockActionBody } from '../helpers/slack/slack-interaction-payloads.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { seedAccount, seedReference } from './nudge-seeds.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;
const OWNER = 'U_ALICE';
const DAY = 86_400_000;

type Button = { text: { text: string }; action_id: string; value: string };

const buttonsOf = (blocks: unknown): Button[] =>
  (blocks as types.KnownBlock[]).flatMap((block) =>
    block.type === 'actions' ? (block.elements as unknown as Button[]) : [],
  );

describe.each(DATABASE_KINDS)('buying-trigger alerts in Slack (%s)', (kind) => {
  let db: Database;
  let harness: SlackHarness;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    harness = await startSlackHarness(db, { EARSHOT_QUIET_HOURS: 'off' });
    await seedAccount(db, TEAM, {
      name: 'Harborview Health',
      domain: 'harborview.example',
      industry: 'Healthcare',
      ownerEmail: 'alice@example.com',
    });
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  /** A trigger event comes in; the alert to the account owner is posted. */
  const alert = async (title: string) => {
    await harness.earshot.ingestTriggers({
      workspaceId: TEAM,
      source: 'webhook',
      events: [
        {
          type: 'funding',
          account: { domain: 'harborview.example' },
          title,
          url: 'https://news.example.com/harborview',
          occurredAt: new Date(Date.now() - DAY),
        },
      ],
    });
    const posted = await harness.slack.waitForCall('chat.postMessage', (call) =>
      JSON.stringify(call.args.blocks ?? '').includes(title),
    );
    const message = storedMessage(posted);
    // Sent means recorded as sent: a click before that would race the dispatcher's own update.
    const nudge = await vi.waitFor(async () => {
      const row = await db.prisma.nudge.findFirstOrThrow({ where: { trigger: { title } } });
      expect(row.status).toBe('sent');
      return row;
    });
    return { posted, message, nudge };
  };

  const storedMessage = (call: RecordedCall): StoredMessage => {
    const stored = harness.slack.messages.find(
      (message) => message.channel === call.args.channel && message.text === call.args.text,
    );
    if (!stored) throw new Error('the alert was not stored by the fake');
    return stored;
  };

  const click = (label: string, message: StoredMessage, user = OWNER) => {
    const button = buttonsOf(message.blocks).find((candidate) => candidate.text.text === label);
    if (!button) throw new Error(`no ${label} button`);
    return harness.post(
      blockActionBody({
        action_id: button.action_id,
        value: button.value,
        user,
        channel: message.channel,
        message: { ts: message.ts, text: message.text, blocks: message.blocks as never },
        response_url: harness.slack.responseUrl(`${label}-${user}`),
      }),
    );
  };

  const updateOf = (message: StoredMessage, outcome: RegExp) =>
    harness.slack.waitForCall(
      'chat.update',
      (call) => call.args.ts === message.ts && outcome.test(JSON.stringify(call.args.blocks)),
    );

  it('DMs the owner what happened, why it matters, what the field says and which references can talk', async () => {
    await seedEntry(db, {
      workspaceId: TEAM,
      kind: 'tip',
      title: 'After a funding round, lead with ROI',
      body: 'Freshly funded buyers have budget to scale; show the ROI calculator and pricing early.',
      url: 'https://wiki.example.com/tips/roi',
    });
    await seedReference(db, TEAM, { account: 'Mercy Health', products: ['Scheduling'] });
    await seedReference(db, TEAM, { account: 'Northwind Clinics', pausedReason: 'open P1 issue' });

    const { posted, nudge } = await alert('Harborview raises $40M Series C');

    // The owner was found by the account's email, and the alert went to their DM.
    expect(harness.slack.callsTo('users.lookupByEmail')[0]?.args.email).toBe('alice@example.com');
    expect(posted.args.channel).toBe(OWNER);
    expect(posted.args.text).toBe('Funding round at Harborview Health: Harborview raises $40M Series C');
    const blocks = JSON.stringify(posted.args.blocks);
    expect(blocks).toContain('Funding round: Harborview Health');
    expect(blocks).toContain('<https://news.example.com/harborview|Harborview raises $40M Series C>');
    expect(blocks).toContain('*Why it matters*');
    expect(blocks).toContain('<https://wiki.example.com/tips/roi|After a funding round, lead with ROI>');
    expect(blocks).toContain('*References in Healthcare available now*');
    expect(blocks).toContain('• *Mercy Health* — Scheduling');
    expect(blocks).not.toContain('Northwind');
    expect(
      buttonsOf(posted.args.blocks).map((button) => [button.text.text, JSON.parse(button.value)]),
    ).toEqual([
      ['Snooze 1 week', { n: nudge.id }],
      ['Dismiss', { n: nudge.id }],
      ['Helpful', { n: nudge.id }],
    ]);
    expect(nudge).toMatchObject({ status: 'sent', platform: 'slack', recipientId: OWNER });
  });

  it('records Helpful, then snoozes for a week and brings the alert back as a reminder', async () => {
    const { message, nudge } = await alert('Harborview opens a Denver office');

    await click('Helpful', message);
    const helped = await updateOf(message, /You marked this alert helpful/);
    expect(buttonsOf(helped.args.blocks).map((button) => button.text.text)).toEqual([
      'Snooze 1 week',
      'Dismiss',
    ]);
    expect((await db.prisma.nudge.findUniqueOrThrow({ where: { id: nudge.id } })).helpful).toBe(true);

    await click('Snooze 1 week', message);
    const snoozed = await updateOf(message, /Snoozed: Earshot brings this back on/);
    const row = await db.prisma.nudge.findUniqueOrThrow({ where: { id: nudge.id } });
    expect(row).toMatchObject({ status: 'pending', snoozeCount: 1 });
    expect(row.dueAt.getTime() - Date.now()).toBeGreaterThan(7 * DAY - 60_000);
    expect(JSON.stringify(snoozed.args.blocks)).toContain(`|${row.dueAt.toISOString().slice(0, 10)}>`);
    // Snoozed and already marked helpful: only Dismiss (which also cancels the reminder) is left.
    expect(buttonsOf(snoozed.args.blocks).map((button) => button.text.text)).toEqual(['Dismiss']);

    // A week later the alert comes back, marked as a reminder.
    await db.prisma.nudge.update({ where: { id: nudge.id }, data: { dueAt: new Date(Date.now() - 1000) } });
    harness.earshot.nudges.kick();
    const reminder = await harness.slack.waitForCall('chat.postMessage', (call) =>
      String(call.args.text).startsWith('Reminder:'),
    );
    expect(JSON.stringify(reminder.args.blocks)).toContain('Reminder · Funding round: Harborview Health');
  });

  it('dismisses an alert for good', async () => {
    const { message, nudge } = await alert('Harborview hires a new CFO');
    await click('Dismiss', message);
    const dismissed = await updateOf(message, /Dismissed/);
    expect(buttonsOf(dismissed.args.blocks)).toEqual([]);
    expect(JSON.stringify(dismissed.args.blocks)).toContain('Harborview hires a new CFO');
    expect((await db.prisma.nudge.findUniqueOrThrow({ where: { id: nudge.id } })).status).toBe('dismissed');
  });

  it('lets only the recipient use the buttons, and refuses a tampered one', async () => {
    const { message, nudge } = await alert('Harborview is in the news');

    await click('Dismiss', message, SLACK_IDS.otherUserId);
    const refusal = await harness.slack.waitForCall('response_url', (call) =>
      /someone else/.test(String(call.args.text)),
    );
    expect(refusal.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect((await db.prisma.nudge.findUniqueOrThrow({ where: { id: nudge.id } })).status).toBe('sent');

    await harness.post(
      blockActionBody({
        action_id: 'earshot_nudge_snooze',
        value: '{"n":"1 OR 1=1"}',
        user: OWNER,
        response_url: harness.slack.responseUrl('tampered'),
      }),
    );
    await harness.slack.waitForCall('response_url', (call) => /out of date/.test(String(call.args.text)));
    expect(harness.slack.callsTo('chat.update')).toEqual([]);
    expect((await db.prisma.nudge.findUniqueOrThrow({ where: { id: nudge.id } })).status).toBe('sent');
  });
});

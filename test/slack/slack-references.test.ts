import type { types } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { StoredMessage } from '../helpers/slack/fake-slack-api.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import {
  blockActionBody,
  plainTextValues,
  slashCommandBody,
  viewSubmissionBody,
} from '../helpers/slack/slack-interaction-payloads.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { seedApprovedRequest, seedReference } from './nudge-seeds.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;
const CHANNEL = SLACK_IDS.channelId;
const REP = SLACK_IDS.otherUserId;
const CURATOR = 'U_CAROL';
const OWNER = 'U_DANA';

type Button = { text: { text: string }; action_id: string; value: string };
type Reply = { response_type?: string; text: string; blocks?: types.KnownBlock[] };

/** Every button in some blocks, in order: accessories of sections and elements of actions blocks. */
function buttonsOf(blocks: unknown): Button[] {
  return ((blocks ?? []) as types.KnownBlock[]).flatMap((block) => {
    if (block.type === 'section' && block.accessory?.type === 'button') return [block.accessory as Button];
    return block.type === 'actions' ? (block.elements as unknown as Button[]) : [];
  });
}

describe.each(DATABASE_KINDS)('reference customers in Slack (%s)', (kind) => {
  let db: Database;
  let harness: SlackHarness;
  let mercy: { id: number };
  let lakeside: { id: number };
  let clicks = 0;

  beforeEach(async () => {
    clicks = 0;
    db = await openTestDatabase(kind);
    harness = await startSlackHarness(
      db,
      { EARSHOT_CURATORS: `${CURATOR},S0LEADS` },
      // Slack knows only its members' emails; anyone else is users_not_found.
      {
        onlyConfiguredEmails: true,
        users: { [OWNER]: { email: 'dana@example.com', real_name: 'Dana Ortiz' } },
      },
    );
    mercy = await seedReference(db, TEAM, {
      account: 'Mercy Health',
      products: ['Scheduling'],
      useCases: ['Patient intake'],
    });
    lakeside = await seedReference(db, TEAM, { account: 'Lakeside Care', maxRequestsPer90Days: 1 });
    await seedApprovedRequest(db, { id: lakeside.id, workspaceId: TEAM }, 10);
    await seedReference(db, TEAM, { account: 'Northwind Clinics', pausedReason: 'open P1 service issue' });
    await seedReference(db, TEAM, { account: 'Ledgerly', industry: 'Financial services' });
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  /** `/earshot …` as `user`; the list comes back as the ack itself. */
  const command = async (text: string, user: string = REP): Promise<Reply> => {
    const response = await harness.post(slashCommandBody({ text, user_id: user, channel_id: CHANNEL }));
    expect(response.status).toBe(200);
    return response.json as Reply;
  };

  /** Clicks a button; returns the trigger id, which names the form the click opens. */
  const click = async (
    button: Button,
    user: string,
    where: { channel?: string; message?: StoredMessage } = {},
  ) => {
    clicks += 1;
    const trigger = `trigger-${clicks}`;
    await harness.post(
      blockActionBody({
        action_id: button.action_id,
        value: button.value,
        user,
        trigger_id: trigger,
        channel: where.channel ?? CHANNEL,
        ...(where.message
          ? {
              message: {
                ts: where.message.ts,
                text: where.message.text,
                blocks: where.message.blocks as never,
              },
            }
          : {}),
        response_url: harness.slack.responseUrl(`${button.action_id}-${user}`),
      }),
    );
    return trigger;
  };

  /**
   * The form a click opened (by its trigger id), submitted by `user` with `values` by field: `note` fills
   * the form's note input, whatever reference it is for (`note-5`).
   */
  const submitForm = async (trigger: string, user: string, values: Record<string, string>) => {
    const opened = await harness.slack.waitForCall('views.open', (call) => call.args.trigger_id === trigger);
    const view = opened.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: Array<{ block_id?: string }>;
    };
    const inputId = (field: string) =>
      view.blocks
        .map((block) => block.block_id ?? '')
        .find((id) => id === field || id.startsWith(`${field}-`));
    const typed = Object.fromEntries(
      Object.entries(values).map(([field, value]) => [inputId(field) ?? field, { value }]),
    );
    return harness.post(
      viewSubmissionBody({
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        values: plainTextValues(typed),
        user,
      }),
    );
  };

  const dmTo = (user: string, pattern: RegExp) =>
    harness.slack.waitForCall(
      'chat.postMessage',
      (call) =>
        call.args.channel === user && pattern.test(`${call.args.text} ${JSON.stringify(call.args.blocks)}`),
    );

  const privateNote = (user: string, pattern: RegExp) =>
    harness.slack.waitForCall(
      'chat.postEphemeral',
      (call) => call.args.user === user && pattern.test(String(call.args.text)),
    );

  const messageIn = (channel: string) => {
    const message = harness.slack.messages.findLast((candidate) => candidate.channel === channel);
    if (!message) throw new Error(`no message in ${channel}`);
    return message;
  };

  it('lists available references first, says why the others cannot talk, and says so when nothing matches', async () => {
    const reply = await command('references healthcare');
    const text = JSON.stringify(reply.blocks);

    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe('References matching “healthcare”: 1 of 3 available now');
    expect(buttonsOf(reply.blocks).map((button) => button.text.text)).toEqual(['Request']);
    expect(JSON.parse(buttonsOf(reply.blocks)[0]?.value ?? '')).toEqual({ ref: mercy.id });
    expect(text.indexOf('Mercy Health')).toBeLessThan(text.indexOf('Not available now'));
    expect(text).toMatch(
      /Lakeside Care\* \(Healthcare\) — limit reached \(1 of 1 in 90 days, frees up \d{4}-\d\d-\d\d\)/,
    );
    expect(text).toContain('Northwind Clinics* (Healthcare) — paused: open P1 service issue');
    expect(text).not.toContain('Ledgerly');

    const none = await command('references aerospace');
    expect(none.text).toBe('No reference customers match “aerospace”.');
    expect(JSON.stringify(none.blocks)).toContain('`/earshot references` lists them all.');

    const all = await command('references');
    expect(all.text).toBe('All references: 2 of 4 available now');
  });

  it('acks with a holding note and sends the list afterwards when the check is slow', async () => {
    // Slack drops a command not acked within 3 s.
    harness.slack.respond('usergroups.users.list', async (_call, reply) => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      return reply();
    });
    const responseUrl = harness.slack.responseUrl('slow');
    const ack = await harness.post(
      slashCommandBody({ text: 'references healthcare', user_id: REP, response_url: responseUrl }),
    );
    expect(ack.json).toMatchObject({
      response_type: 'ephemeral',
      text: 'Checking which references can take a call…',
    });
    const list = await harness.slack.waitForCall('response_url');
    expect(list.args).toMatchObject({
      response_type: 'ephemeral',
      replace_original: true,
      text: 'References matching “healthcare”: 1 of 3 available now',
    });
  });

  it('runs the whole request: rep asks, owner approves with a note, rep hears, call done, cooldown', async () => {
    const [request] = buttonsOf((await command('references patient intake')).blocks);
    if (!request) throw new Error('no Request button');
    const submitted = await submitForm(await click(request, REP), REP, {
      note: 'Kessler Clinics wants to hear about intake <fast>',
    });
    expect(submitted.status).toBe(200);

    // The owner, found by the reference's email, gets Approve / Decline.
    const asked = await dmTo(OWNER, /asks to use \*Mercy Health\*/);
    expect(harness.slack.callsTo('users.lookupByEmail').map((call) => call.args.email)).toContain(
      'dana@example.com',
    );
    expect(JSON.stringify(asked.args.blocks)).toContain(
      'Kessler Clinics wants to hear about intake &lt;fast&gt;',
    );
    expect(JSON.stringify(asked.args.blocks)).toContain(`<@${REP}>`);
    expect(buttonsOf(asked.args.blocks).map((button) => button.text.text)).toEqual(['Approve', 'Decline']);
    await privateNote(
      REP,
      new RegExp(`Asked <@${OWNER}>, who owns \\*Mercy Health\\*, to approve your request`),
    );

    // Only the owner (or a curator) decides.
    const requestMessage = messageIn(OWNER);
    const [approve] = buttonsOf(requestMessage.blocks);
    if (!approve) throw new Error('no Approve button');
    await submitForm(await click(approve, REP, { channel: OWNER, message: requestMessage }), REP, {});
    await privateNote(REP, /Only Mercy Health's reference owner or a curator can do that/);
    expect((await db.prisma.referenceRequest.findFirstOrThrow({ where: { requestedBy: REP } })).status).toBe(
      'pending',
    );

    const approving = await click(approve, OWNER, { channel: OWNER, message: requestMessage });
    await submitForm(approving, OWNER, { note: 'I will intro you by email tomorrow' });
    const told = await dmTo(REP, /approved/);
    expect(String(told.args.text)).toContain('I will intro you by email tomorrow');
    const approved = await harness.slack.waitForCall(
      'chat.update',
      (call) => call.args.ts === requestMessage.ts,
    );
    expect(JSON.stringify(approved.args.blocks)).toContain(
      `*Approved* by <@${OWNER}>: “I will intro you by email tomorrow”`,
    );
    expect(buttonsOf(approved.args.blocks).map((button) => button.text.text)).toEqual(['Mark call done']);
    expect(await db.prisma.referenceRequest.findFirstOrThrow({ where: { requestedBy: REP } })).toMatchObject({
      status: 'approved',
      decidedBy: OWNER,
      ownerNote: 'I will intro you by email tomorrow',
      overrideBy: null,
    });

    const approvedMessage = messageIn(OWNER);
    const [done] = buttonsOf(approvedMessage.blocks);
    if (!done) throw new Error('no Mark call done button');
    await click(done, OWNER, { channel: OWNER, message: approvedMessage });
    const finished = await harness.slack.waitForCall(
      'chat.update',
      (call) => call.args.ts === requestMessage.ts && /marked done/.test(JSON.stringify(call.args.blocks)),
    );
    expect(JSON.stringify(finished.args.blocks)).toMatch(
      /Mercy Health is cooling down until \d{4}-\d\d-\d\d/,
    );
    expect(buttonsOf(finished.args.blocks)).toEqual([]);

    const after = await command('references healthcare');
    expect(after.text).toBe('References matching “healthcare”: 0 of 3 available now');
    expect(JSON.stringify(after.blocks)).toMatch(
      /Mercy Health\* \(Healthcare\) — cooling down until \d{4}-\d\d-\d\d/,
    );
  });

  it('tells the rep when a declined request comes back, and the reference stays available', async () => {
    const [request] = buttonsOf((await command('references scheduling')).blocks);
    if (!request) throw new Error('no Request button');
    await submitForm(await click(request, REP), REP, {});
    await dmTo(OWNER, /Mercy Health/);
    const requestMessage = messageIn(OWNER);
    const decline = buttonsOf(requestMessage.blocks).find((button) => button.text.text === 'Decline');
    if (!decline) throw new Error('no Decline button');
    const declining = await click(decline, OWNER, { channel: OWNER, message: requestMessage });
    await submitForm(declining, OWNER, { note: 'They are mid-renewal' });

    const told = await dmTo(REP, /declined/);
    expect(String(told.args.text)).toContain('They are mid-renewal');
    const updated = await harness.slack.waitForCall(
      'chat.update',
      (call) => call.args.ts === requestMessage.ts,
    );
    expect(buttonsOf(updated.args.blocks)).toEqual([]);
    expect((await command('references scheduling')).text).toBe(
      'References matching “scheduling”: 1 of 1 available now',
    );
  });

  it('lets only a curator override a limit, and records who and why', async () => {
    const repList = await command('references healthcare');
    expect(buttonsOf(repList.blocks).map((button) => button.text.text)).not.toContain(
      'Request anyway (override)',
    );
    expect(JSON.stringify(repList.blocks)).toContain('Only a curator can override a limit.');

    // A rep forging the override button is refused before any form opens.
    const forged = {
      text: { text: 'x' },
      action_id: 'earshot_reference_override',
      value: JSON.stringify({ ref: lakeside.id }),
    };
    await click(forged, REP);
    const refusal = await harness.slack.waitForCall('response_url', (call) =>
      /Lakeside Care can't take a call right now \(limit reached.*Only a curator can override/.test(
        String(call.args.text),
      ),
    );
    expect(refusal.args.response_type).toBe('ephemeral');
    expect(harness.slack.callsTo('views.open')).toEqual([]);

    // A rep forging the form itself is refused by the core, and nothing is recorded.
    await harness.post(
      viewSubmissionBody({
        callback_id: 'earshot_reference_override',
        private_metadata: JSON.stringify({ ref: lakeside.id, channel: CHANNEL }),
        values: plainTextValues({ [`reason-${lakeside.id}`]: { value: 'trust me' } }),
        user: REP,
      }),
    );
    await privateNote(REP, /Only a curator can override Lakeside Care's limit/);
    expect(await db.prisma.referenceRequest.count({ where: { requestedBy: REP } })).toBe(0);

    const curatorList = await command('references healthcare', CURATOR);
    expect(buttonsOf(curatorList.blocks).map((button) => button.text.text)).toEqual([
      'Request',
      'Request anyway (override)',
      'Request anyway (override)',
    ]);
    const lakesideOverride = buttonsOf(curatorList.blocks).find(
      (button) =>
        button.text.text === 'Request anyway (override)' && JSON.parse(button.value).ref === lakeside.id,
    );
    if (!lakesideOverride) throw new Error('no override button for Lakeside Care');
    const overriding = await click(lakesideOverride, CURATOR);

    // The form insists on a reason.
    const opened = await harness.slack.waitForCall(
      'views.open',
      (call) => call.args.trigger_id === overriding,
    );
    const view = opened.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(JSON.stringify(view.blocks)).toContain('limit reached');
    const missing = await harness.post(
      viewSubmissionBody({
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        values: plainTextValues({ [`note-${lakeside.id}`]: { value: 'Board call Friday' } }),
        user: CURATOR,
      }),
    );
    expect(missing.json).toEqual({
      response_action: 'errors',
      errors: { [`reason-${lakeside.id}`]: expect.any(String) },
    });

    await harness.post(
      viewSubmissionBody({
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        values: plainTextValues({
          [`note-${lakeside.id}`]: { value: 'Board call Friday' },
          [`reason-${lakeside.id}`]: { value: 'Last step before signature' },
        }),
        user: CURATOR,
      }),
    );
    const asked = await dmTo(OWNER, /Lakeside Care/);
    expect(JSON.stringify(asked.args.blocks)).toContain(
      `curator <@${CURATOR}> let this request past the reference's limits: “Last step before signature”`,
    );
    await privateNote(CURATOR, /Your override is recorded/);
    expect(
      await db.prisma.referenceRequest.findFirstOrThrow({ where: { requestedBy: CURATOR } }),
    ).toMatchObject({
      referenceId: lakeside.id,
      status: 'pending',
      overrideBy: CURATOR,
      overrideReason: 'Last step before signature',
      note: 'Board call Friday',
    });
  });

  it("tells the rep to contact the owner directly when the owner isn't in Slack", async () => {
    await seedReference(db, TEAM, {
      account: 'Gone Clinic',
      useCases: ['telehealth'],
      ownerEmail: 'left@elsewhere.example',
    });
    const [request] = buttonsOf((await command('references telehealth')).blocks);
    if (!request) throw new Error('no Request button');
    await submitForm(await click(request, REP), REP, {});
    await privateNote(
      REP,
      /Your request for \*Gone Clinic\* is recorded, but I couldn't reach its owner in Slack; contact left@elsewhere\.example directly\./,
    );
  });
});

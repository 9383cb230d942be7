import type { types } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { seedEntry } from '../helpers/seed.ts';
import { appMention, eventCallbackBody } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import {
  blockActionBody,
  plainTextValues,
  viewSubmissionBody,
} from '../helpers/slack/slack-interaction-payloads.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { seedApprovedRequest, seedReference } from './nudge-seeds.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;
const CHANNEL = SLACK_IDS.channelId;
const REP = SLACK_IDS.userId;
const OWNER = 'U_DANA';
const NOW = '2026-11-23T15:00:00Z';

type Button = { text: { text: string }; action_id: string; value: string };

function buttonsOf(blocks: unknown): Button[] {
  return ((blocks ?? []) as types.KnownBlock[]).flatMap((block) => {
    if (block.type === 'section' && block.accessory?.type === 'button') return [block.accessory as Button];
    return block.type === 'actions' ? (block.elements as unknown as Button[]) : [];
  });
}

describe.each(DATABASE_KINDS)('answers in Slack: references and freshness (%s)', (kind) => {
  let db: Database;
  let harness: SlackHarness;

  const start = async (env: Record<string, string> = {}) => {
    db = await openTestDatabase(kind);
    harness = await startSlackHarness(
      db,
      env,
      {
        onlyConfiguredEmails: true,
        users: { [OWNER]: { email: 'dana@example.com', real_name: 'Dana Ortiz' } },
      },
      { clock: new FakeClock(NOW) },
    );
  };
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  /** Mentions Earshot in the channel; returns the answer it put in place of its placeholder. */
  const ask = async (question: string) => {
    const mention = appMention({ text: `<@${SLACK_IDS.botUserId}> ${question}` });
    expect((await harness.post(eventCallbackBody(mention))).status).toBe(200);
    // One question per Earshot here: the answer is the one update in the channel.
    const update = await harness.slack.waitForCall('chat.update', (call) => call.args.channel === CHANNEL);
    return {
      ts: String(update.args.ts),
      text: String(update.args.text),
      blocks: update.args.blocks as types.KnownBlock[],
    };
  };

  it('offers available references first with Request, never an over-used one, and Request asks the owner', async () => {
    await start();
    const mercy = await seedReference(db, TEAM, { account: 'Mercy Health', useCases: ['Patient intake'] });
    const lakeside = await seedReference(db, TEAM, { account: 'Lakeside Care', maxRequestsPer90Days: 1 });
    await seedApprovedRequest(db, { id: lakeside.id, workspaceId: TEAM }, 10);
    await seedReference(db, TEAM, { account: 'Northwind Clinics', pausedReason: 'open P1 service issue' });
    await seedReference(db, TEAM, { account: 'Ledgerly', industry: 'Financial services' });

    // Nothing in the knowledge base answers it: the references ride on the "nothing heard" answer.
    const answer = await ask('any customer I can point a CFO to in healthcare?');
    const shown = JSON.stringify(answer.blocks);
    expect(shown).toContain('Reference customers for “CFO healthcare”: 1 of 3 can take a call now');
    expect(buttonsOf(answer.blocks).filter((button) => button.text.text === 'Request')).toEqual([
      expect.objectContaining({
        action_id: 'earshot_reference_request',
        value: JSON.stringify({ ref: mercy.id }),
      }),
    ]);
    expect(shown.indexOf('Mercy Health')).toBeLessThan(shown.indexOf('Lakeside Care'));
    expect(shown).toMatch(
      /Lakeside Care\* \(Healthcare\) — not available until \d{4}-\d\d-\d\d: limit reached \(1 of 1 in 90 days/,
    );
    expect(shown).toContain(
      'Northwind Clinics* (Healthcare) — not available (paused: open P1 service issue)',
    );
    expect(shown).not.toContain('Ledgerly');
    expect(answer.blocks.length).toBeLessThanOrEqual(50);

    // Request from the answer runs the reference list's own flow: a form, then the owner is asked.
    const [request] = buttonsOf(answer.blocks).filter((button) => button.text.text === 'Request');
    if (!request) throw new Error('no Request button');
    await harness.post(
      blockActionBody({
        action_id: request.action_id,
        value: request.value,
        user: REP,
        trigger_id: 'trigger-answer',
        channel: CHANNEL,
        message: { ts: answer.ts, text: answer.text, blocks: answer.blocks as never },
        response_url: harness.slack.responseUrl('answer-request'),
      }),
    );
    const opened = await harness.slack.waitForCall(
      'views.open',
      (call) => call.args.trigger_id === 'trigger-answer',
    );
    const view = opened.args.view as { callback_id: string; private_metadata: string };
    const submitted = await harness.post(
      viewSubmissionBody({
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        // The modal is the answer's own request form: one note input per reference.
        values: plainTextValues({ [`note-${mercy.id}`]: { value: 'Globex CFO wants a hospital peer' } }),
        user: REP,
      }),
    );
    expect(submitted.status).toBe(200);
    const asked = await harness.slack.waitForCall(
      'chat.postMessage',
      (call) => call.args.channel === OWNER && /Mercy Health/.test(JSON.stringify(call.args.blocks)),
    );
    expect(JSON.stringify(asked.args.blocks)).toContain('Globex CFO wants a hospital peer');
    expect(await db.prisma.referenceRequest.findFirstOrThrow({ where: { requestedBy: REP } })).toMatchObject({
      referenceId: mercy.id,
      status: 'pending',
    });
  });

  it('offers no references for questions that do not ask for them', async () => {
    await start();
    await seedReference(db, TEAM, { account: 'Mercy Health' });
    await seedEntry(db, {
      workspaceId: TEAM,
      kind: 'research',
      title: 'SSO reference architecture',
      body: 'The reference architecture for SSO puts Okta in front of every healthcare app.',
    });
    const answer = await ask('where is the reference architecture for SSO?');
    const shown = JSON.stringify(answer.blocks);
    expect(shown).toContain('The reference architecture for SSO');
    expect(shown).not.toContain('Reference customers');
    expect(shown).not.toContain('Mercy Health');
    expect(buttonsOf(answer.blocks).map((button) => button.action_id)).not.toContain(
      'earshot_reference_request',
    );
  });

  it('marks an entry past its review date, and leaves it out with EARSHOT_STALE_ENTRIES=exclude', async () => {
    const seed = async () => {
      await seedEntry(db, {
        workspaceId: TEAM,
        kind: 'tip',
        title: 'Okta SSO setup',
        body: 'Okta SSO takes a day to set up with the SAML wizard.',
        reviewBy: new Date('2026-03-10T00:00:00Z'),
      });
      await seedEntry(db, {
        workspaceId: TEAM,
        kind: 'tip',
        title: 'Okta SSO pricing',
        body: 'Okta SSO is included in the Enterprise plan.',
        reviewBy: new Date('2027-01-10T00:00:00Z'),
      });
    };
    await start();
    await seed();
    const marked = JSON.stringify((await ask('what are you hearing about Okta SSO?')).blocks);
    expect(marked).toMatch(/Okta SSO setup[^"]*⚠️ not reviewed since March/);
    expect(marked).not.toMatch(/Okta SSO pricing[^"]*not reviewed/);
    await harness.close();
    await harness.earshot.close();

    await start({ EARSHOT_STALE_ENTRIES: 'exclude' });
    await seed();
    const excluded = JSON.stringify((await ask('what are you hearing about Okta SSO?')).blocks);
    expect(excluded).toContain('Okta SSO is included in the Enterprise plan.');
    expect(excluded).not.toContain('SAML wizard');
    expect(excluded).not.toContain('Okta SSO setup');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { seedEntry } from '../helpers/seed.ts';
import { appHomeOpened, eventCallbackBody } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { blockActionBody, viewSubmissionBody } from '../helpers/slack/slack-interaction-payloads.ts';
import { openTestDatabase } from '../helpers/test-database.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;
const CURATOR = SLACK_IDS.userId;
const REP = SLACK_IDS.otherUserId;
const homeView = { type: 'home', id: 'VHOME', callback_id: '', blocks: [] } as never;

describe('curating in Slack', () => {
  let db: Database;
  let harness: SlackHarness;

  beforeEach(async () => {
    db = await openTestDatabase('pglite');
    // Curators: one user id, the members of a user group, and whoever's Slack profile has an email.
    harness = await startSlackHarness(
      db,
      { EARSHOT_CURATORS: `${CURATOR},S0CURATORS,dana@example.com` },
      {
        usergroups: { S0CURATORS: ['U_GROUPIE'] },
        channels: {
          G_DEALS: { name: 'deal-room', is_private: true, members: [CURATOR, REP] },
          G_SECRET: { name: 'exec-only', is_private: true, members: [REP] },
        },
      },
    );
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  const click = (actionId: string, entryId: number, user: string) =>
    harness.post(
      blockActionBody({ action_id: actionId, value: JSON.stringify({ e: entryId }), user, view: homeView }),
    );
  const statusOf = async (id: number) => (await harness.earshot.entries.get(TEAM, id)).status;

  it('shows curators the review queue on App Home, and reps only their own contributions', async () => {
    await seedEntry(db, {
      workspaceId: TEAM,
      title: 'Kessler wants SAP',
      status: 'pending',
      contributor: REP,
    });
    await harness.post(eventCallbackBody(appHomeOpened({ user: CURATOR })));
    const curatorHome = await harness.slack.waitForCall(
      'views.publish',
      (call) => call.args.user_id === CURATOR,
    );
    const curatorView = JSON.stringify(curatorHome.args.view);
    expect(curatorView).toContain('Review queue');
    expect(curatorView).toContain('Kessler wants SAP');
    expect(curatorView).toContain('earshot_curate_approve');

    await harness.post(eventCallbackBody(appHomeOpened({ user: REP })));
    const repHome = await harness.slack.waitForCall('views.publish', (call) => call.args.user_id === REP);
    const repView = JSON.stringify(repHome.args.view);
    expect(repView).not.toContain('earshot_curate_approve');
    expect(repView).toContain('Your contributions');
    expect(repView).toContain('Kessler wants SAP');
  });

  it('lets a curator (by id, user group or email) approve and reject, and politely refuses anyone else', async () => {
    const first = await seedEntry(db, { workspaceId: TEAM, status: 'pending' });
    const second = await seedEntry(db, { workspaceId: TEAM, status: 'pending' });
    const third = await seedEntry(db, { workspaceId: TEAM, status: 'pending' });

    await click('earshot_curate_approve', first.id, REP);
    const refusal = await harness.slack.waitForCall('chat.postMessage', (call) => call.args.channel === REP);
    expect(String(refusal.args.text)).toMatch(/only Earshot curators/);
    expect(await statusOf(first.id)).toBe('pending');

    await click('earshot_curate_approve', first.id, CURATOR);
    await harness.slack.waitForCall('views.publish', (call) => call.args.user_id === CURATOR);
    expect(await statusOf(first.id)).toBe('published');

    await click('earshot_curate_reject', second.id, 'U_GROUPIE');
    await harness.slack.waitForCall('views.publish', (call) => call.args.user_id === 'U_GROUPIE');
    expect(await statusOf(second.id)).toBe('rejected');

    // U_DANA's profile email is dana@example.com (the fake Slack derives it from the handle).
    await click('earshot_curate_reject', third.id, 'U_DANA');
    await harness.slack.waitForCall('views.publish', (call) => call.args.user_id === 'U_DANA');
    expect(await statusOf(third.id)).toBe('rejected');
  });

  it('edits an entry through the edit form', async () => {
    const entry = await seedEntry(db, {
      workspaceId: TEAM,
      title: 'Old title',
      body: 'Old body',
      status: 'pending',
    });
    await click('earshot_curate_edit', entry.id, CURATOR);
    const opened = await harness.slack.waitForCall('views.open');
    const view = opened.args.view as { private_metadata: string; callback_id: string };
    expect(view.callback_id).toBe('earshot_edit_modal');

    const values = {
      kind: { value: { type: 'static_select', selected_option: { value: 'tip' } } },
      title: { value: { type: 'plain_text_input', value: 'New title' } },
      body: { value: { type: 'plain_text_input', value: 'New body about SAP.' } },
      topics: { value: { type: 'plain_text_input', value: 'sap, integrations' } },
      stage: { value: { type: 'static_select', selected_option: { value: 'decide' } } },
      review_by: { value: { type: 'datepicker', selected_date: '2027-01-15' } },
    };
    const response = await harness.post(
      viewSubmissionBody({
        callback_id: 'earshot_edit_modal',
        private_metadata: view.private_metadata,
        values: values as never,
        user: CURATOR,
      }),
    );
    expect(response.status).toBe(200);
    await harness.slack.waitForCall('views.publish');
    expect(await harness.earshot.entries.get(TEAM, entry.id)).toMatchObject({
      kind: 'tip',
      title: 'New title',
      body: 'New body about SAP.',
      topics: ['sap', 'integrations'],
      stage: 'decide',
      reviewBy: new Date('2027-01-15T00:00:00Z'),
    });
  });

  it('merges a capture into an existing entry through the merge form', async () => {
    const target = await seedEntry(db, {
      workspaceId: TEAM,
      title: 'Harborview SSO',
      body: 'Harborview wants Okta SSO.',
    });
    const capture = await seedEntry(db, {
      workspaceId: TEAM,
      body: 'Harborview needs SCIM too.',
      status: 'pending',
    });
    await click('earshot_curate_merge', capture.id, CURATOR);
    const opened = await harness.slack.waitForCall('views.open');
    const view = opened.args.view as { private_metadata: string };
    expect(JSON.stringify(opened.args.view)).toContain('Harborview SSO');

    await harness.post(
      viewSubmissionBody({
        callback_id: 'earshot_merge_modal',
        private_metadata: view.private_metadata,
        values: {
          target: { value: { type: 'static_select', selected_option: { value: String(target.id) } } },
        } as never,
        user: CURATOR,
      }),
    );
    await harness.slack.waitForCall('views.publish');
    expect(await statusOf(capture.id)).toBe('archived');
    expect((await harness.earshot.entries.get(TEAM, target.id)).body).toContain('Harborview needs SCIM too.');
  });

  it('marks an entry due for review reviewed, or edits it, with a next review date after today', async () => {
    const due = await seedEntry(db, {
      workspaceId: TEAM,
      title: 'Pricing guardrails',
      body: 'Discounts over 20% need the CFO.',
      reviewBy: new Date('2026-03-10T00:00:00Z'),
    });
    const opened = async (actionId: string) => {
      await click(actionId, due.id, CURATOR);
      const call = await harness.slack.waitForCall(
        'views.open',
        (candidate) => (candidate.args.view as { callback_id: string }).callback_id === actionId,
      );
      return call.args.view as { private_metadata: string; blocks: Array<Record<string, unknown>> };
    };
    const submit = (callbackId: string, privateMetadata: string, values: Record<string, unknown>) =>
      harness.post(
        viewSubmissionBody({
          callback_id: callbackId,
          private_metadata: privateMetadata,
          values: values as never,
          user: CURATOR,
        }),
      );

    const reviewed = await opened('earshot_due_reviewed');
    expect(JSON.stringify(reviewed.blocks)).toContain('"type":"datepicker"');
    const date = (day: string) => ({ value: { type: 'datepicker', selected_date: day } });
    const past = await submit('earshot_due_reviewed', reviewed.private_metadata, {
      reviewBy: date('2020-01-01'),
    });
    expect(JSON.parse(past.text)).toEqual({
      response_action: 'errors',
      errors: { reviewBy: 'Pick a next review date after today.' },
    });
    await submit('earshot_due_reviewed', reviewed.private_metadata, { reviewBy: date('2099-02-21') });
    await harness.slack.waitForCall('views.publish');
    expect((await harness.earshot.entries.get(TEAM, due.id)).reviewBy).toEqual(
      new Date('2099-02-21T00:00:00Z'),
    );

    const edit = await opened('earshot_due_edit');
    await submit('earshot_due_edit', edit.private_metadata, {
      kind: { value: { type: 'static_select', selected_option: { value: 'expert' } } },
      title: { value: { type: 'plain_text_input', value: 'Pricing guardrails' } },
      body: { value: { type: 'plain_text_input', value: 'Discounts over 25% need the CFO.' } },
      review_by: date('2099-05-01'),
    });
    await vi.waitFor(async () =>
      expect(await harness.earshot.entries.get(TEAM, due.id)).toMatchObject({
        body: 'Discounts over 25% need the CFO.',
        reviewBy: new Date('2099-05-01T00:00:00Z'),
      }),
    );
  });

  it('shows a curator private captures only from conversations they are in', async () => {
    await seedEntry(db, {
      workspaceId: TEAM,
      title: 'Deal room intel',
      status: 'pending',
      audience: 'slack:G_DEALS',
    });
    await seedEntry(db, {
      workspaceId: TEAM,
      title: 'Exec-only intel',
      status: 'pending',
      audience: 'slack:G_SECRET',
    });
    await harness.post(eventCallbackBody(appHomeOpened({ user: CURATOR })));
    const home = JSON.stringify((await harness.slack.waitForCall('views.publish')).args.view);
    expect(home).toContain('Deal room intel');
    expect(home).not.toContain('Exec-only intel');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { messageShortcutBody, viewSubmissionBody } from '../helpers/slack/slack-interaction-payloads.ts';
import { openTestDatabase } from '../helpers/test-database.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const TIP =
  'Pro tip: open with the duplicate-invoice report, it works every time with skeptical controllers.';
const TS = '1763000000.000500';

const formValues = (fields: { kind?: string; title?: string; topics?: string; stage?: string }) => ({
  kind: { value: { type: 'static_select', selected_option: fields.kind ? { value: fields.kind } : null } },
  title: { value: { type: 'plain_text_input', value: fields.title ?? null } },
  topics: { value: { type: 'plain_text_input', value: fields.topics ?? null } },
  stage: { value: { type: 'static_select', selected_option: fields.stage ? { value: fields.stage } : null } },
});

describe('the "Save to Earshot" message shortcut', () => {
  let db: Database;
  let harness: SlackHarness;

  beforeEach(async () => {
    db = await openTestDatabase('pglite');
    harness = await startSlackHarness(
      db,
      {},
      {
        channels: { C_FIELD: { name: 'field-intel' } },
        users: { U_MAYA: { real_name: 'Maya Okafor' } },
        messages: [{ channel: 'C_FIELD', ts: TS, user: 'U_MAYA', text: TIP }],
      },
    );
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  it('opens a form prefilled from the message and saves a pending entry with what the user chose', async () => {
    const opened = await harness.post(
      messageShortcutBody({
        callback_id: 'earshot_save',
        channel: 'C_FIELD',
        message: { ts: TS, text: TIP, user: 'U_MAYA' },
      }),
    );
    expect(opened.status).toBe(200);
    const call = await harness.slack.waitForCall('views.open');
    const view = call.args.view as {
      private_metadata: string;
      blocks: Array<{ block_id: string; element: Record<string, unknown> }>;
    };
    const field = (id: string) => view.blocks.find((block) => block.block_id === id)?.element;
    expect(field('kind')?.initial_option).toMatchObject({ value: 'tip' });
    expect(field('title')?.initial_value).toBe(
      'Pro tip: open with the duplicate-invoice report, it works every time with skeptical…',
    );

    const saved = await harness.post(
      viewSubmissionBody({
        callback_id: 'earshot_save_modal',
        private_metadata: view.private_metadata,
        values: formValues({
          kind: 'tip',
          title: 'Open with the duplicate report',
          topics: 'AI-capture, roi',
          stage: 'evaluate',
        }) as never,
      }),
    );
    expect(saved.status).toBe(200);
    await harness.slack.waitForCall('chat.postEphemeral');
    const entries = await db.prisma.entry.findMany({ where: { workspaceId: SLACK_IDS.workspaceId } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'tip',
      title: 'Open with the duplicate report',
      topics: ['ai-capture', 'roi'],
      stage: 'evaluate',
      status: 'pending',
      body: TIP,
      sourceAuthor: 'Maya Okafor',
      contributor: 'U_MAYA',
    });
  });

  it('keeps the form open with a message when the title is empty, and saves nothing', async () => {
    const response = await harness.post(
      viewSubmissionBody({
        callback_id: 'earshot_save_modal',
        private_metadata: JSON.stringify({ channel: 'C_FIELD', ts: TS }),
        values: formValues({ kind: 'tip', title: '   ' }) as never,
      }),
    );
    expect(JSON.parse(response.text)).toEqual({
      response_action: 'errors',
      errors: { title: 'Give it a title.' },
    });
    expect(await db.prisma.entry.count()).toBe(0);
  });

  it('saves from a private channel Earshot is not in, keeping it private to that channel', async () => {
    harness.slack.failNext('conversations.info', { ok: false, error: 'channel_not_found' });
    harness.slack.failNext('chat.postEphemeral', { ok: false, error: 'not_in_channel' });
    await harness.post(
      messageShortcutBody({
        callback_id: 'earshot_save',
        channel: 'G_HIDDEN',
        message: { ts: '1763000009.000100', text: TIP, user: 'U_MAYA' },
      }),
    );
    const view = (await harness.slack.waitForCall('views.open')).args.view as { private_metadata: string };
    await harness.post(
      viewSubmissionBody({
        callback_id: 'earshot_save_modal',
        private_metadata: view.private_metadata,
        values: formValues({ kind: 'tip', title: 'Duplicate report opener' }) as never,
      }),
    );
    const dm = await harness.slack.waitForCall(
      'chat.postMessage',
      (call) => call.args.channel === SLACK_IDS.userId,
    );
    expect(String(dm.args.text)).toMatch(/^Saved to Earshot/);
    const [entry] = await db.prisma.entry.findMany({ where: { workspaceId: SLACK_IDS.workspaceId } });
    expect(entry).toMatchObject({ body: TIP, audience: 'slack:G_HIDDEN', status: 'pending' });
  });
});

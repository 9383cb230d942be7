import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { seedEntry } from '../helpers/seed.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import {
  blockActionBody,
  messageShortcutBody,
  viewSubmissionBody,
} from '../helpers/slack/slack-interaction-payloads.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;
const CURATOR = SLACK_IDS.userId;
const TS = '1763000000.000700';
const TEXT = 'Demo click path for IT admins: SSO first, then SCIM, then the audit log.';
const homeView = { type: 'home', id: 'VHOME', callback_id: '', blocks: [] } as never;

type Block = {
  block_id: string;
  element: { options?: Array<{ value: string }>; initial_value?: string } & Record<string, unknown>;
};

const saveValues = (fields: { industry?: string; roles?: string[] }) => ({
  kind: { value: { type: 'static_select', selected_option: { value: 'demo' } } },
  title: { value: { type: 'plain_text_input', value: 'IT admin click path' } },
  topics: { value: { type: 'plain_text_input', value: null } },
  stage: { value: { type: 'static_select', selected_option: { value: 'evaluate' } } },
  industry: { value: { type: 'plain_text_input', value: fields.industry ?? null } },
  roles: {
    value: {
      type: 'multi_static_select',
      selected_options: (fields.roles ?? []).map((value) => ({ value })),
    },
  },
});

describe.each(DATABASE_KINDS)('industry, roles and the demo kind in Slack forms (%s)', (kind) => {
  let db: Database;
  let harness: SlackHarness;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    harness = await startSlackHarness(
      db,
      { EARSHOT_CURATORS: CURATOR },
      {
        channels: { C_FIELD: { name: 'field-intel' } },
        users: { U_MAYA: { real_name: 'Maya Okafor' } },
        messages: [{ channel: 'C_FIELD', ts: TS, user: 'U_MAYA', text: TEXT }],
      },
    );
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  it('saves a demo with its industry and buyer roles from the save form', async () => {
    await harness.post(
      messageShortcutBody({
        callback_id: 'earshot_save',
        channel: 'C_FIELD',
        message: { ts: TS, text: TEXT, user: 'U_MAYA' },
      }),
    );
    const view = (await harness.slack.waitForCall('views.open')).args.view as {
      private_metadata: string;
      blocks: Block[];
    };
    const field = (id: string) => view.blocks.find((block) => block.block_id === id)?.element;
    expect(field('kind')?.options?.map((option) => option.value)).toContain('demo');
    expect(field('roles')?.options?.map((option) => option.value)).toEqual(
      expect.arrayContaining(['CFO', 'IT admin']),
    );
    expect(field('industry')).toBeDefined();

    const bad = await harness.post(
      viewSubmissionBody({
        callback_id: 'earshot_save_modal',
        private_metadata: view.private_metadata,
        values: saveValues({ industry: 'Healthcare; Retail', roles: ['IT admin'] }) as never,
      }),
    );
    expect(JSON.parse(bad.text)).toMatchObject({
      response_action: 'errors',
      errors: { industry: expect.stringContaining('must be a short industry name such as "healthcare"') },
    });
    expect(await db.prisma.entry.count()).toBe(0);

    await harness.post(
      viewSubmissionBody({
        callback_id: 'earshot_save_modal',
        private_metadata: view.private_metadata,
        values: saveValues({ industry: 'Healthcare', roles: ['IT admin', 'CISO'] }) as never,
      }),
    );
    await harness.slack.waitForCall('chat.postEphemeral');
    const [entry] = await db.prisma.entry.findMany({ where: { workspaceId: TEAM } });
    expect(entry).toMatchObject({
      kind: 'demo',
      industry: 'Healthcare',
      roles: ['IT admin', 'CISO'],
      status: 'pending',
    });
  });

  it('lets a curator change an entry’s industry and roles in the edit form, prefilled with the stored ones', async () => {
    const entry = await seedEntry(db, {
      workspaceId: TEAM,
      status: 'pending',
      industry: 'Retail',
      roles: ['CFO'],
    });
    await harness.post(
      blockActionBody({
        action_id: 'earshot_curate_edit',
        value: JSON.stringify({ e: entry.id }),
        user: CURATOR,
        view: homeView,
      }),
    );
    const view = (await harness.slack.waitForCall('views.open')).args.view as {
      private_metadata: string;
      blocks: Block[];
    };
    const field = (id: string) => view.blocks.find((block) => block.block_id === id)?.element;
    expect(field('industry')?.initial_value).toBe('Retail');
    expect(field('roles')?.initial_options).toEqual([
      { text: { type: 'plain_text', text: 'CFO' }, value: 'CFO' },
    ]);

    const response = await harness.post(
      viewSubmissionBody({
        callback_id: 'earshot_edit_modal',
        private_metadata: view.private_metadata,
        values: {
          kind: { value: { type: 'static_select', selected_option: { value: 'demo' } } },
          title: { value: { type: 'plain_text_input', value: 'Retail CFO demo' } },
          body: { value: { type: 'plain_text_input', value: entry.body } },
          topics: { value: { type: 'plain_text_input', value: null } },
          stage: { value: { type: 'static_select', selected_option: null } },
          industry: { value: { type: 'plain_text_input', value: ' Manufacturing ' } },
          roles: { value: { type: 'multi_static_select', selected_options: [{ value: 'VP Finance' }] } },
          review_by: { value: { type: 'datepicker', selected_date: null } },
        } as never,
        user: CURATOR,
      }),
    );
    expect(response.status).toBe(200);
    await harness.slack.waitForCall('views.publish');
    expect(await harness.earshot.entries.get(TEAM, entry.id)).toMatchObject({
      kind: 'demo',
      industry: 'Manufacturing',
      roles: ['VP Finance'],
    });
  });
});

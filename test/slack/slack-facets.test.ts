import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { seedEntry } from '../helpers/seed.ts';
import { appMention, eventCallbackBody } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { blockActionBody } from '../helpers/slack/slack-interaction-payloads.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;
const blocksText = (args: Record<string, unknown>) => JSON.stringify(args.blocks ?? []);

describe.each(DATABASE_KINDS)('facets in Slack questions (%s)', (kind) => {
  let db: Database;
  let harness: SlackHarness;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    harness = await startSlackHarness(db);
    await seedEntry(db, {
      workspaceId: TEAM,
      kind: 'tip',
      title: 'Healthcare CFO payback',
      body: 'Show the CFO the payback period on the ROI calculator.',
      industry: 'Healthcare',
      roles: ['CFO'],
      stage: 'decide',
    });
    await seedEntry(db, {
      workspaceId: TEAM,
      kind: 'tip',
      title: 'Retail payback',
      body: 'Retail buyers want the payback period per store.',
      industry: 'Retail',
      stage: 'decide',
    });
    await seedEntry(db, {
      workspaceId: TEAM,
      kind: 'tip',
      title: 'CISO trust package',
      body: 'Send the CISO the SOC 2 report and pen test summary in week one.',
      roles: ['CISO'],
      stage: 'evaluate',
    });
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  it('applies the stage, industry and role a mention names and says which', async () => {
    await harness.post(
      eventCallbackBody(
        appMention({
          text: `<@${SLACK_IDS.botUserId}> payback for a CFO in healthcare at the decide stage?`,
        }),
      ),
    );
    const update = await harness.slack.waitForCall('chat.update');
    const shown = blocksText(update.args);
    expect(shown).toContain('Filtered to: healthcare · CFO · decide stage');
    expect(shown).toContain('Show the CFO the payback period');
    expect(shown).not.toContain('per store');
  });

  it('offers to drop facets that find nothing, and the button answers the question without them', async () => {
    await harness.post(
      eventCallbackBody(
        appMention({ text: `<@${SLACK_IDS.botUserId}> payback for a CISO at the decide stage?` }),
      ),
    );
    const update = await harness.slack.waitForCall('chat.update');
    const shown = blocksText(update.args);
    expect(shown).toContain('Filtered to: CISO · decide stage');
    expect(shown).toContain('but there are answers without those filters');
    const value = shown
      .match(/"action_id":"earshot_drop_facets","value":"(\{[^}]*\})"/)?.[1]
      ?.replace(/\\"/g, '"');
    expect(value).toBeDefined();

    await harness.post(
      blockActionBody({
        action_id: 'earshot_drop_facets',
        value,
        response_url: harness.slack.responseUrl('drop'),
      }),
    );
    const reply = await harness.slack.waitForCall('response_url');
    expect(reply.args).toMatchObject({ replace_original: true });
    const again = blocksText(reply.args);
    expect(again).not.toContain('Filtered to');
    expect(again).toContain('payback period');
    const logged = await harness.earshot.questions.list({ workspaceId: TEAM });
    expect(logged.map((question) => question.answered).sort()).toEqual([false, true]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { seedEntry } from '../helpers/seed.ts';
import { appMention, eventCallbackBody } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { blockActionBody, slashCommandBody } from '../helpers/slack/slack-interaction-payloads.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const OTHER_TEAM = 'T0OTHER';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DATABASE_KINDS)('requests for another Slack workspace on %s', (kind) => {
  let db: Database;
  let harness: SlackHarness;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    harness = await startSlackHarness(db);
    // Knowledge of another workspace in the same database: this installation must never serve it.
    await seedEntry(db, {
      workspaceId: `slack:${OTHER_TEAM}`,
      body: 'Other team secret: Kessler pays full list price, no discount.',
    });
    await seedEntry(db, {
      workspaceId: OTHER_TEAM,
      body: 'Other team secret: Kessler pays full list price, no discount.',
    });
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  const webApiCalls = () => harness.slack.calls.filter((call) => call.method !== 'auth.test');

  it('acknowledges a correctly signed event for another team and ignores it, with one log line', async () => {
    const mention = appMention({ text: `<@${SLACK_IDS.botUserId}> what does Kessler pay?` });
    const response = await harness.post(
      eventCallbackBody(mention, { teamId: OTHER_TEAM, eventId: 'EvOther' }),
    );
    expect(response.status).toBe(200);
    await sleep(500);
    expect(webApiCalls()).toEqual([]);
    expect(await harness.earshot.questions.list({ workspaceId: `slack:${OTHER_TEAM}` })).toEqual([]);
    const ignored = harness.logs.lines.filter((line) => /does not serve/.test(String(line.msg)));
    expect(ignored).toHaveLength(1);
    expect(ignored[0]).toMatchObject({ platform: 'slack', workspace: OTHER_TEAM });
  });

  it('acks a slash command or button from another team without answering it', async () => {
    const responseUrl = harness.slack.responseUrl('command');
    const command = await harness.post(
      slashCommandBody({ team_id: OTHER_TEAM, text: 'what does Kessler pay?', response_url: responseUrl }),
    );
    expect(command.status).toBe(200);
    expect(command.text).not.toContain('Kessler');
    const button = await harness.post(
      blockActionBody({ action_id: 'earshot_feedback_helpful', value: '{"q":1}', team: OTHER_TEAM }),
    );
    expect(button.status).toBe(200);
    await sleep(500);
    expect(webApiCalls()).toEqual([]);
  });

  it('still answers its own workspace, from its own knowledge only', async () => {
    await seedEntry(db, {
      workspaceId: SLACK_IDS.workspaceId,
      body: 'Kessler negotiated a 12% discount off list price.',
    });
    const mention = appMention({
      text: `<@${SLACK_IDS.botUserId}> what discount off list price did Kessler get?`,
    });
    await harness.post(eventCallbackBody(mention, { eventId: 'EvOurs' }));
    const answer = await harness.slack.waitForCall('chat.update');
    expect(JSON.stringify(answer.args)).toContain('12% discount');
    expect(JSON.stringify(answer.args)).not.toContain('Other team secret');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { seedEntry } from '../helpers/seed.ts';
import { appMention, eventCallbackBody, messageEvent } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { blockActionBody, slashCommandBody } from '../helpers/slack/slack-interaction-payloads.ts';
import { openTestDatabase } from '../helpers/test-database.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;
const blocksText = (args: Record<string, unknown>) => JSON.stringify(args.blocks ?? []);

describe('asking Earshot in Slack', () => {
  let db: Database;
  let harness: SlackHarness;

  beforeEach(async () => {
    db = await openTestDatabase('pglite');
    harness = await startSlackHarness(db, { EARSHOT_CURATOR_CHANNEL: 'C_CURATORS' });
    await seedEntry(db, {
      workspaceId: TEAM,
      kind: 'chatter',
      author: 'Maya',
      account: 'Harborview',
      body: 'Harborview will not sign until Okta SSO works.',
      url: 'https://example.com/okta',
    });
    await seedEntry(db, {
      workspaceId: TEAM,
      kind: 'research',
      title: 'SSO survey',
      body: '41% of buyers require Okta SSO.',
    });
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  it('answers an @mention in its thread: a placeholder at once, then the cited answer', async () => {
    const mention = appMention({ text: `<@${SLACK_IDS.botUserId}> what are you hearing about Okta SSO?` });
    const response = await harness.post(eventCallbackBody(mention));
    expect(response.status).toBe(200);

    const placeholder = await harness.slack.waitForCall('chat.postMessage');
    expect(placeholder.args).toMatchObject({ channel: mention.channel, thread_ts: mention.ts });
    expect(String(placeholder.args.text)).toMatch(/Looking into/);
    const update = await harness.slack.waitForCall('chat.update');
    const shown = blocksText(update.args);
    expect(shown).toContain('What the field is hearing');
    expect(shown).toContain('Harborview will not sign until Okta SSO works.');
    expect(shown).toContain('<https://example.com/okta|[');
    expect(shown).toContain('Research and expert content');
    expect(shown).toContain('earshot_feedback_helpful');

    const [logged] = await harness.earshot.questions.list({ workspaceId: TEAM });
    expect(logged).toMatchObject({
      text: 'what are you hearing about Okta SSO?',
      askedBy: mention.user,
      answered: true,
    });
  });

  it('answers a direct message in the DM, not in a thread', async () => {
    const dm = messageEvent({ channel: 'D_ALICE', channel_type: 'im', text: 'Okta SSO?' });
    await harness.post(eventCallbackBody(dm));
    const update = await harness.slack.waitForCall('chat.update');
    expect(update.args.channel).toBe('D_ALICE');
    const [placeholder] = harness.slack.callsTo('chat.postMessage');
    expect(placeholder?.args.thread_ts).toBeUndefined();
  });

  it('answers /earshot help privately with what Earshot does and its commands', async () => {
    const ack = await harness.post(slashCommandBody({ text: 'help' }));
    expect(ack.status).toBe(200);
    const shown = ack.text;
    expect(shown).toContain('ephemeral');
    for (const feature of ['Ask what the field is hearing', 'Reference customers', 'Weekly digest']) {
      expect(shown).toContain(feature);
    }
    expect(shown).toContain('`/earshot references healthcare`');
    expect(harness.slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('answers /earshot privately, and "Share in channel" posts it for everyone', async () => {
    const responseUrl = harness.slack.responseUrl('command');
    const ack = await harness.post(
      slashCommandBody({ text: 'what are buyers saying about Okta SSO', response_url: responseUrl }),
    );
    expect(ack.status).toBe(200);
    expect(ack.text).toMatch(/Looking into/);

    const reply = await harness.slack.waitForCall('response_url');
    expect(reply.args).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const buttons = (
      JSON.parse(blocksText(reply.args)) as Array<{
        type: string;
        elements?: Array<{ action_id: string; value: string }>;
      }>
    ).flatMap((block) => block.elements ?? []);
    const share = buttons.find((button) => button.action_id === 'earshot_share');
    expect(share).toBeDefined();

    const shareUrl = harness.slack.responseUrl('share');
    await harness.post(
      blockActionBody({ action_id: 'earshot_share', value: share?.value, response_url: shareUrl }),
    );
    const posted = await harness.slack.waitForCall('chat.postMessage');
    expect(posted.args.channel).toBe(SLACK_IDS.channelId);
    expect(blocksText(posted.args)).toContain('Harborview will not sign until Okta SSO works.');
    expect(blocksText(posted.args)).toContain(`<@${SLACK_IDS.userId}> asked`);
    await harness.slack.waitForCall(
      'response_url',
      (call) => call.args.delete_original === true || call.args.delete_original === 'true',
    );
  });

  it('records Helpful / Not helpful with the question, one vote per person, and rejects a tampered button', async () => {
    const answer = await harness.earshot.ask({ workspaceId: TEAM, question: 'Okta SSO?' });
    const value = JSON.stringify({ q: answer.questionId });
    await harness.post(
      blockActionBody({
        action_id: 'earshot_feedback_not_helpful',
        value,
        response_url: harness.slack.responseUrl(),
      }),
    );
    await harness.slack.waitForCall('response_url');
    await harness.post(
      blockActionBody({
        action_id: 'earshot_feedback_helpful',
        value,
        response_url: harness.slack.responseUrl(),
      }),
    );
    await harness.slack.waitForCall('response_url', (call) => /glad it helped/.test(String(call.args.text)));
    const [logged] = await harness.earshot.questions.list({ workspaceId: TEAM });
    expect(logged).toMatchObject({ helpful: 1, notHelpful: 0 });

    await harness.post(
      blockActionBody({
        action_id: 'earshot_feedback_helpful',
        value: '{"q":"1; drop table"}',
        response_url: harness.slack.responseUrl('bad'),
      }),
    );
    const refusal = await harness.slack.waitForCall('response_url', (call) =>
      /out of date/.test(String(call.args.text)),
    );
    expect(refusal.args.response_type).toBe('ephemeral');
  });

  it('offers to route an unanswered question to the curators’ channel', async () => {
    const responseUrl = harness.slack.responseUrl('command');
    await harness.post(
      slashCommandBody({ text: 'what about carbon accounting?', response_url: responseUrl }),
    );
    const reply = await harness.slack.waitForCall('response_url');
    expect(blocksText(reply.args)).toContain('Nothing heard yet about');
    const route = blocksText(reply.args).match(
      /"action_id":"earshot_route_to_curators","value":"(\{[^}]*\})"/,
    );
    const value = route?.[1]?.replace(/\\"/g, '"');
    await harness.post(
      blockActionBody({
        action_id: 'earshot_route_to_curators',
        value,
        response_url: harness.slack.responseUrl('route'),
      }),
    );
    const routed = await harness.slack.waitForCall('chat.postMessage');
    expect(routed.args).toMatchObject({ channel: 'C_CURATORS' });
    expect(String(routed.args.text)).toContain('what about carbon accounting?');
  });

  it('sends proactive messages (alerts, digests) through the Slack port', async () => {
    const sender = harness.server.proactive.slack;
    expect(sender?.platform).toBe('slack');
    await sender?.send(
      {
        platform: 'slack',
        workspaceId: TEAM,
        conversationId: 'U_ALICE',
        kind: 'personal',
        userId: 'U_ALICE',
        reference: null,
      },
      { kind: 'text', text: 'Heads up: Harborview raised a Series C.' },
    );
    const posted = await harness.slack.waitForCall('chat.postMessage');
    expect(posted.args).toMatchObject({
      channel: 'U_ALICE',
      text: 'Heads up: Harborview raised a Series C.',
    });
    expect(posted.token).toBe('xoxb-test-token');
  });
});

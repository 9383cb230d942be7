import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import type { FakeBotConnector } from '../helpers/teams/fake-bot-connector.ts';
import {
  adaptiveCardInvoke,
  TEAMS_DEFAULTS,
  teamsMention,
  teamsMessage,
  teamsWorkspaceOf,
} from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const WORKSPACE = TEAMS_DEFAULTS.workspaceId;

describe.each(DATABASE_KINDS)('asking Earshot in Teams (%s)', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let server: EarshotServer;
  let teams: TeamsHarness;
  let connector: FakeBotConnector;
  let url: string;

  beforeEach(async () => {
    teams = await startTeamsHarness();
    connector = teams.connector;
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db, teams.env);
    server = await startServer(earshot, { port: 0 });
    url = teams.urlOf(server);
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      author: 'Maya',
      account: 'Harborview',
      body: 'Harborview will not sign until Okta SSO works.',
      url: 'https://example.com/okta',
    });
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      kind: 'research',
      title: 'SSO survey',
      body: '41% of buyers require Okta SSO.',
    });
    await seedEntry(db, {
      workspaceId: teamsWorkspaceOf('other-tenant'),
      body: 'Other tenant secret about Okta SSO.',
    });
  });
  afterEach(async () => {
    await server.close();
    await earshot.close();
    await teams.close();
  });

  const cardOf = (activity: Record<string, unknown>) =>
    JSON.stringify((activity.attachments as Array<{ content: unknown }> | undefined)?.[0]?.content ?? null);

  it('answers a 1:1 question with a typing indicator, then an Adaptive Card from the tenant’s knowledge', async () => {
    const message = teamsMessage({
      text: 'What are you hearing about Okta SSO?',
      serviceUrl: connector.serviceUrl,
    });
    const response = await teams.postActivity(url, message);
    expect(response.status).toBe(200);

    const typing = await connector.waitForActivity((call) => call.activity.type === 'typing');
    expect(typing.conversationId).toBe(message.conversation.id);
    // The answer is sent in a turn of its own after the request returns, into the same conversation.
    const reply = await connector.waitForActivity((call) => Array.isArray(call.activity.attachments));
    expect(reply.conversationId).toBe(message.conversation.id);
    const card = cardOf(reply.activity);
    expect(card).toContain('What the field is hearing');
    expect(card).toContain('Harborview will not sign until Okta SSO works.');
    expect(card).toContain('(https://example.com/okta)');
    expect(card).toContain('Research and expert content');
    expect(card).toContain('earshot_feedback_helpful');
    expect(card).not.toContain('Other tenant secret');
    const [logged] = await earshot.questions.list({ workspaceId: WORKSPACE });
    expect(logged).toMatchObject({
      text: 'What are you hearing about Okta SSO?',
      askedBy: TEAMS_DEFAULTS.user.aadObjectId,
    });
  });

  it('strips the @mention in a channel and answers there', async () => {
    const mention = teamsMention({ text: 'Okta SSO?', serviceUrl: connector.serviceUrl });
    await teams.postActivity(url, mention);
    const reply = await connector.waitForActivity((call) => Array.isArray(call.activity.attachments));
    expect(cardOf(reply.activity)).toContain('Harborview will not sign until Okta SSO works.');
    const [logged] = await earshot.questions.list({ workspaceId: WORKSPACE });
    expect(logged?.text).toBe('Okta SSO?');
  });

  it('answers a redelivered activity once, and messages with the same id in two chats both', async () => {
    const cards = () => connector.activities.filter((call) => Array.isArray(call.activity.attachments));
    const message = teamsMessage({ text: 'Okta SSO?', serviceUrl: connector.serviceUrl });
    await teams.postActivity(url, message);
    await connector.waitForActivity((call) => Array.isArray(call.activity.attachments));
    await teams.postActivity(url, message);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cards()).toHaveLength(1);
    expect(await earshot.questions.list({ workspaceId: WORKSPACE })).toHaveLength(1);

    // Teams message ids are unique only within a conversation: another chat may send the same id.
    const otherChat = teamsMessage({
      id: message.id,
      text: 'Okta SSO?',
      from: { id: '29:user-2', aadObjectId: '00000000-0000-0000-0000-000000000002' },
      conversation: { id: 'a:1personal-chat-with-user-2' },
      serviceUrl: connector.serviceUrl,
    });
    await teams.postActivity(url, otherChat);
    await expect
      .poll(() => cards().map((call) => call.conversationId))
      .toEqual([message.conversation.id, otherChat.conversation.id]);
    expect(await earshot.questions.list({ workspaceId: WORKSPACE })).toHaveLength(2);
  });

  it('records Helpful / Not helpful from the card, one vote per person, and refuses a tampered action', async () => {
    const answer = await earshot.ask({ workspaceId: WORKSPACE, question: 'Okta SSO?' });
    const click = (verb: string, data: Record<string, unknown>) =>
      teams.postActivity(url, adaptiveCardInvoke({ verb, data, serviceUrl: connector.serviceUrl }));

    const notHelpful = await click('earshot_feedback_not_helpful', { q: answer.questionId });
    expect(notHelpful.status).toBe(200);
    const helpful = await click('earshot_feedback_helpful', { q: answer.questionId });
    expect(JSON.stringify(helpful.body)).toContain('glad it helped');
    const [logged] = await earshot.questions.list({ workspaceId: WORKSPACE });
    expect(logged).toMatchObject({ helpful: 1, notHelpful: 0 });

    const tampered = await click('earshot_feedback_helpful', { q: 'DROP TABLE' });
    expect(JSON.stringify(tampered.body)).toContain('out of date');
  });

  it('apologises instead of going silent when answering fails', async () => {
    await db.query('ALTER TABLE questions RENAME TO questions_gone');
    try {
      await teams.postActivity(url, teamsMessage({ text: 'Okta SSO?', serviceUrl: connector.serviceUrl }));
      const reply = await connector.waitForActivity((call) =>
        /^Sorry, I couldn't answer/.test(String(call.activity.text)),
      );
      expect(reply).toBeDefined();
    } finally {
      await db.query('ALTER TABLE questions_gone RENAME TO questions');
    }
  });

  it('remembers the conversation so alerts and digests can reach the person later', async () => {
    const message = teamsMessage({ text: 'Okta SSO?', serviceUrl: connector.serviceUrl });
    await teams.postActivity(url, message);
    await connector.waitForActivity((call) => Array.isArray(call.activity.attachments));

    const chat = await earshot.conversations.personalChatOf(
      'teams',
      WORKSPACE,
      TEAMS_DEFAULTS.user.aadObjectId,
    );
    expect(chat).toMatchObject({ conversationId: message.conversation.id, kind: 'personal' });
    await server.proactive.teams?.send(chat as NonNullable<typeof chat>, {
      kind: 'text',
      text: 'Heads up: Harborview raised a Series C.',
    });
    const alert = await connector.waitForActivity(
      (call) => call.activity.text === 'Heads up: Harborview raised a Series C.',
    );
    expect(alert).toMatchObject({ method: 'POST', conversationId: message.conversation.id });
  });

  it('retries a throttled connector and still delivers the answer', async () => {
    connector.failNext({ status: 429, retryAfter: 0 }, 2);
    await teams.postActivity(url, teamsMessage({ text: 'Okta SSO?', serviceUrl: connector.serviceUrl }));
    const reply = await connector.waitForActivity((call) => Array.isArray(call.activity.attachments), 10_000);
    expect(cardOf(reply.activity)).toContain('Harborview will not sign until Okta SSO works.');
  });

  it('routes an unanswered question to the curators’ Teams channel', async () => {
    const curatorsChannel = '19:curators@thread.tacv2';
    // Earshot learns the channel when it is installed there (or first mentioned).
    await teams.postActivity(
      url,
      teamsMention({
        text: 'help',
        conversation: { conversationType: 'channel', id: curatorsChannel },
        serviceUrl: connector.serviceUrl,
      }),
    );
    await connector.waitForActivity((call) => call.conversationId === curatorsChannel);
    const routed = await testEarshot(db, { ...teams.env, EARSHOT_CURATOR_CHANNEL: curatorsChannel });
    const routedServer = await startServer(routed, { port: 0 });
    try {
      const answer = await routed.ask({ workspaceId: WORKSPACE, question: 'What about carbon accounting?' });
      const response = await teams.postActivity(
        teams.urlOf(routedServer),
        adaptiveCardInvoke({
          verb: 'earshot_route_to_curators',
          data: { q: answer.questionId },
          serviceUrl: connector.serviceUrl,
        }),
      );
      expect(JSON.stringify(response.body)).toContain('Sent to the curators');
      const posted = await connector.waitForActivity((call) =>
        String(call.activity.text).includes('What about carbon accounting?'),
      );
      expect(posted.conversationId).toBe(curatorsChannel);
    } finally {
      await routedServer.close();
    }
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type FakeOpenAI, jsonReply, startFakeOpenAI } from '../helpers/fake-openai.ts';
import { eventCallbackBody, messageEvent } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { slashCommandBody } from '../helpers/slack/slack-interaction-payloads.ts';
import { openTestDatabase } from '../helpers/test-database.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

// The rules see no sales cue here; a model reading it knows it is deal news.
const SUBTLE = 'Heads up: Brightwater moved their go-live to March and wants the rollout plan early.';

describe('classifying watched-channel messages with a chat model', () => {
  let db: Database;
  let harness: SlackHarness;
  let openai: FakeOpenAI;

  beforeEach(async () => {
    openai = await startFakeOpenAI();
    db = await openTestDatabase('pglite');
    harness = await startSlackHarness(db, {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: openai.baseURL,
      OPENAI_MODEL: 'gpt-test',
      OPENAI_TIMEOUT_MS: '1500',
    });
    await harness.post(slashCommandBody({ text: 'watch', channel_id: 'C_FIELD' }));
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
    await openai.close();
  });

  const say = (text: string) =>
    harness.post(eventCallbackBody(messageEvent({ channel: 'C_FIELD', user: 'U_MAYA', text })));
  const entries = () => db.prisma.entry.findMany({ where: { workspaceId: SLACK_IDS.workspaceId } });
  const chatCalls = () => openai.requests.filter((request) => request.path.endsWith('/chat/completions'));

  it('keeps what the model calls field intel, and never asks it about short chit-chat', async () => {
    openai.replyToChat(jsonReply({ class: 'chatter' }));
    await say('thanks all!');
    await say(SUBTLE);
    await vi.waitFor(async () => expect(await entries()).toHaveLength(1));
    expect((await entries())[0]).toMatchObject({ kind: 'chatter', body: SUBTLE, status: 'pending' });
    expect(chatCalls()).toHaveLength(1);
    expect(JSON.stringify(chatCalls()[0]?.body)).toContain('Brightwater moved their go-live');
  });

  it('falls back to the rules when the model fails', async () => {
    openai.fail({ kind: 'server_error' }, { route: 'chat', times: 10 });
    await say(SUBTLE);
    await say(
      'Pro tip: open with the duplicate-invoice report, it works every time with skeptical controllers.',
    );
    await vi.waitFor(async () => expect(await entries()).toHaveLength(1), { timeout: 8000 });
    expect((await entries())[0]?.kind).toBe('tip');
  });
});

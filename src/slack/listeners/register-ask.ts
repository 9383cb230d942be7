import type { App } from '@slack/bolt';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';
import { stripMention } from '../slack-context.ts';
import { slackEventWork } from '../slack-event-job.ts';
import { answerInConversation } from './answer-in-thread.ts';

/** Message subtypes that are someone writing: a plain message, or a thread reply also sent to the channel. */
const WRITTEN = new Set([undefined, 'thread_broadcast']);

/**
 * @mentions are answered in their thread; direct messages in the DM; replies in a thread Earshot
 * answered in, without a mention, while the thread is live (see `askInThread`).
 */
export function registerAsk(app: App, deps: SlackDeps) {
  app.event('app_mention', async ({ event, context, client, body }) => {
    await answerInConversation(deps, client, {
      workspaceId: slackWorkspaceOf(context),
      channelId: event.channel,
      userId: event.user ?? '',
      text: stripMention(event.text, context.botUserId),
      threadTs: event.thread_ts ?? event.ts,
      threadId: event.thread_ts ?? event.ts,
      addressed: true,
      eventId: body.event_id,
      work: slackEventWork(context),
    });
  });

  app.message(async ({ message, context, client, body }) => {
    if (!WRITTEN.has(message.subtype) || !('user' in message) || typeof message.user !== 'string') return;
    // Earshot's own posts and other bots' are never questions.
    if (('bot_id' in message && message.bot_id) || message.user === context.botUserId) return;
    const text = 'text' in message && typeof message.text === 'string' ? message.text : '';
    const threadTs =
      'thread_ts' in message && typeof message.thread_ts === 'string' ? message.thread_ts : undefined;
    const inDm = message.channel_type === 'im';
    if (!inDm) {
      if (!threadTs || threadTs === message.ts) return;
      // A reply that mentions Earshot arrives as app_mention too, and is answered there.
      if (context.botUserId && text.includes(`<@${context.botUserId}`)) return;
    }
    await answerInConversation(deps, client, {
      workspaceId: slackWorkspaceOf(context),
      channelId: message.channel,
      channelType: message.channel_type,
      userId: message.user,
      text: stripMention(text, context.botUserId),
      threadTs,
      // A DM is one running conversation, its threads included (a reply to an answer posted in the DM).
      threadId: inDm ? '' : (threadTs ?? ''),
      addressed: inDm,
      eventId: body.event_id,
      work: slackEventWork(context),
    });
  });
}

import type { App } from '@slack/bolt';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';
import { stripMention } from '../slack-context.ts';
import { slackEventWork } from '../slack-event-job.ts';
import { answerInConversation } from './answer-in-thread.ts';

/** @mentions are answered in their thread; direct messages in the DM. */
export function registerAsk(app: App, deps: SlackDeps) {
  app.event('app_mention', async ({ event, context, client, body }) => {
    await answerInConversation(deps, client, {
      workspaceId: slackWorkspaceOf(context),
      channelId: event.channel,
      userId: event.user ?? '',
      text: stripMention(event.text, context.botUserId),
      threadTs: event.thread_ts ?? event.ts,
      eventId: body.event_id,
      work: slackEventWork(context),
    });
  });

  app.message(async ({ message, context, client, body }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || !('user' in message)) return;
    await answerInConversation(deps, client, {
      workspaceId: slackWorkspaceOf(context),
      channelId: message.channel,
      channelType: message.channel_type,
      userId: message.user,
      text: stripMention(message.text ?? '', context.botUserId),
      threadTs: undefined,
      eventId: body.event_id,
      work: slackEventWork(context),
    });
  });
}

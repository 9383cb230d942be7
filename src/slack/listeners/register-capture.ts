import type { App } from '@slack/bolt';
import { classifyMessage } from '../../knowledge/capture/classify-message.ts';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';
import { loadSlackMessage, toCapturedMessage } from '../slack-messages.ts';

/**
 * Capture from the channels reps already use: a reaction with the capture emoji saves that message,
 * and every human message in a watched channel is kept when it reads as a tip or field intel.
 */
export function registerCapture(app: App, deps: SlackDeps) {
  const { earshot, config } = deps;

  app.event('reaction_added', async ({ event, context, client, body }) => {
    if (event.reaction !== config.captureEmoji || event.item.type !== 'message') return;
    const workspaceId = slackWorkspaceOf(context);
    const message = await loadSlackMessage(client, deps.directory, {
      workspaceId,
      channel: event.item.channel,
      ts: event.item.ts,
    });
    if (!message) return;
    const { outcome } = await earshot.capture({
      message,
      kind: classifyMessage(message.text) === 'tip' ? 'tip' : 'chatter',
    });
    deps.logger.info(
      {
        platform: 'slack',
        workspace: workspaceId,
        channel: event.item.channel,
        eventId: body.event_id,
        outcome,
      },
      'captured a message by reaction',
    );
    if (outcome === 'created') {
      await client.chat.postEphemeral({
        channel: event.item.channel,
        user: event.user,
        text: 'Saved to Earshot. The curators will review it before it shows up in answers.',
      });
    }
  });

  app.message(async ({ message, context, client }) => {
    if (message.channel_type !== 'channel' && message.channel_type !== 'group') return;
    const workspaceId = slackWorkspaceOf(context);
    const where = { platform: 'slack' as const, workspaceId, conversationId: message.channel };
    if (message.subtype === 'message_deleted') {
      await earshot.removeCaptured({ ...where, messageId: message.deleted_ts });
      return;
    }
    if (message.subtype === 'message_changed') {
      const edited = message.message;
      if ('text' in edited && edited.text !== undefined) {
        // `group` is a private channel: its edits may not reach an entry captured while it was public.
        const isPrivate = message.channel_type === 'group';
        await earshot.updateCaptured({ ...where, isPrivate, messageId: edited.ts, text: edited.text });
      }
      return;
    }
    // Joins, bots (Earshot included) and other subtypes are never captured.
    if (message.subtype !== undefined || ('bot_id' in message && message.bot_id) || !message.text) return;
    if (!(await earshot.watched.isWatched(where))) return;
    const kind = await earshot.classifier.classify(message.text);
    if (kind === 'noise') return;
    const captured = await toCapturedMessage(client, deps.directory, {
      workspaceId,
      channel: message.channel,
      ts: message.ts,
      user: message.user,
      text: message.text,
    });
    await earshot.capture({ message: captured, kind });
  });
}

import type { WebClient } from '@slack/web-api';
import { answerBlocks } from '../blocks/answer-blocks.ts';
import { lookingBlocks } from '../blocks/looking-blocks.ts';
import { isPrivateSlackConversation } from '../private-conversation.ts';
import { APOLOGY, HELP_TEXT, type SlackDeps } from '../slack-context.ts';

/** One question from a mention or a DM, normalized. */
export interface SlackQuestion {
  workspaceId: string;
  channelId: string;
  /** The event's `channel_type` when it has one (message events do, app_mention does not). */
  channelType?: string;
  userId: string;
  text: string;
  /** Where to answer: the thread of the mention, or nothing in a DM. */
  threadTs: string | undefined;
  eventId: string | undefined;
}

/**
 * Posts a "looking…" placeholder at once, then replaces it with the answer: Slack acks within 3 s
 * but an answer written by a model can take longer.
 */
export async function answerInConversation(deps: SlackDeps, client: WebClient, question: SlackQuestion) {
  const log = deps.logger.child({
    platform: 'slack',
    workspace: question.workspaceId,
    channel: question.channelId,
    eventId: question.eventId,
  });
  const where = { channel: question.channelId, thread_ts: question.threadTs };
  if (!question.text) {
    await client.chat.postMessage({ ...where, text: HELP_TEXT });
    return;
  }
  const placeholder = await client.chat.postMessage({ ...where, ...lookingBlocks(question.text) });
  try {
    const answer = await deps.earshot.ask({
      workspaceId: question.workspaceId,
      question: question.text,
      askedBy: question.userId,
      platform: 'slack',
      channel: question.channelId,
      privateConversation: await isPrivateSlackConversation(
        client,
        deps.directory,
        question.channelId,
        question.channelType,
      ),
    });
    await client.chat.update({
      channel: question.channelId,
      ts: placeholder.ts ?? '',
      ...answerBlocks(answer),
    });
  } catch (error) {
    log.error({ err: error }, 'failed to answer a question');
    await client.chat.update({
      channel: question.channelId,
      ts: placeholder.ts ?? '',
      text: APOLOGY,
      blocks: [],
    });
  }
}

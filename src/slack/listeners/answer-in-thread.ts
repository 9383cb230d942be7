import type { WebClient } from '@slack/web-api';
import type { EventWork } from '../../events/event-runner.ts';
import type { ThreadAskRequest } from '../../knowledge/threads/ask-in-thread.ts';
import { asksSomething } from '../../knowledge/threads/follow-up-question.ts';
import { answerBlocks } from '../blocks/answer-blocks.ts';
import { lookingBlocks } from '../blocks/looking-blocks.ts';
import { slackHelpMessage } from '../help-syntax.ts';
import { isPrivateSlackConversation } from '../private-conversation.ts';
import { NOTHING_ASKED_TEXT, type SlackDeps } from '../slack-context.ts';
import type { SlackEventPayload } from '../slack-event-job.ts';

/** One question from a mention, a DM or a reply in a thread Earshot answered in, normalized. */
export interface SlackQuestion {
  workspaceId: string;
  channelId: string;
  /** The event's `channel_type` when it has one (message events do, app_mention does not). */
  channelType?: string;
  userId: string;
  text: string;
  /** Where to answer: the thread of the mention or reply, or nothing at the top of a DM. */
  threadTs: string | undefined;
  /** The thread whose state carries over: its root's ts, or '' for a DM as a whole. */
  threadId: string;
  /**
   * Asked of Earshot (a mention or a DM), so always answered. A reply without a mention is answered
   * only in a live thread Earshot answered in, and only when it asks something.
   */
  addressed: boolean;
  eventId: string | undefined;
  /** The event's claim: where the placeholder is kept, so a retry or a takeover reuses it. */
  work: EventWork<SlackEventPayload> | undefined;
}

/**
 * Posts a "looking…" placeholder at once, then replaces it with the answer: Slack acks within 3 s
 * but an answer written by a model can take longer. A failure propagates to the event runner, which
 * retries (the database may be back in a moment) and finally replaces the placeholder with an apology;
 * a retry or a takeover after a crash reuses the placeholder, so the asker sees one reply.
 */
export async function answerInConversation(deps: SlackDeps, client: WebClient, question: SlackQuestion) {
  const { work } = question;
  const where = { channel: question.channelId, thread_ts: question.threadTs };
  if (!question.text) {
    if (question.addressed)
      await client.chat.postMessage({ ...where, ...slackHelpMessage(deps.config.captureEmoji) });
    return;
  }
  const request: ThreadAskRequest = {
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
    thread: {
      workspaceId: question.workspaceId,
      platform: 'slack',
      conversationId: question.channelId,
      threadId: question.threadId,
    },
  };
  let placeholderTs = work?.payload.placeholderTs;
  if (!placeholderTs && !question.addressed) {
    if (!asksSomething(question.text) || !(await deps.earshot.isLiveThread(request))) return;
  }
  if (!placeholderTs) {
    placeholderTs = (await client.chat.postMessage({ ...where, ...lookingBlocks(question.text) })).ts ?? '';
    await work?.note({ ...work.payload, placeholderTs });
  }
  const answer = await deps.earshot.askInThread(request);
  if (work && !(await work.stillOurs())) return;
  const shown = answer
    ? answerBlocks(answer, { now: deps.earshot.clock.now() })
    : { text: NOTHING_ASKED_TEXT, blocks: [] };
  await client.chat.update({ channel: question.channelId, ts: placeholderTs, ...shown });
}

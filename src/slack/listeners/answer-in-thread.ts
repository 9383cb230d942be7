import type { WebClient } from '@slack/web-api';
import type { EventWork } from '../../events/event-runner.ts';
import { answerBlocks } from '../blocks/answer-blocks.ts';
import { lookingBlocks } from '../blocks/looking-blocks.ts';
import { isPrivateSlackConversation } from '../private-conversation.ts';
import { HELP_TEXT, type SlackDeps } from '../slack-context.ts';
import type { SlackEventPayload } from '../slack-event-job.ts';

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
    await client.chat.postMessage({ ...where, text: HELP_TEXT });
    return;
  }
  let placeholderTs = work?.payload.placeholderTs;
  if (!placeholderTs) {
    placeholderTs = (await client.chat.postMessage({ ...where, ...lookingBlocks(question.text) })).ts ?? '';
    await work?.note({ ...work.payload, placeholderTs });
  }
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
  if (work && !(await work.stillOurs())) return;
  await client.chat.update({
    channel: question.channelId,
    ts: placeholderTs,
    ...answerBlocks(answer, { now: deps.earshot.clock.now() }),
  });
}

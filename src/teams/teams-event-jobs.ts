import { type Activity, CardFactory, type ConversationReference } from 'botbuilder';
import type { EventKey } from '../events/event-claims.ts';
import type { EventJob } from '../events/event-runner.ts';
import type { CapturedMessage } from '../knowledge/capture/captured-message.ts';
import type { ThreadKey } from '../knowledge/threads/thread-state.ts';
import { answerCard } from './cards/answer-card.ts';
import type { TeamsDeps } from './teams-bot.ts';

export const TEAMS_APOLOGY = "Sorry, I couldn't answer that just now. Please try again in a minute.";

/** The reply to a question in a thread that asks nothing ("thanks!"). */
export const TEAMS_NOTHING_ASKED =
  'Glad to help. Reply here with a follow-up ("and in healthcare?", "what about Segment?") or ask a new question any time.';

/** Posts into a conversation after its turn is over (the Bot Connector gives a turn about 15 s). */
export type SendToConversation = (
  reference: Partial<ConversationReference>,
  activity: Partial<Activity>,
) => Promise<void>;

/** What a Teams question's claim stores: enough to answer it from another process after a crash. */
export interface TeamsQuestionPayload {
  kind: 'question';
  reference: Partial<ConversationReference>;
  workspaceId: string;
  question: string;
  askedBy: string | undefined;
  channel: string | undefined;
  /** Asked in a 1:1 or group chat or a private channel: curators' digests elsewhere only count it. */
  privateConversation: boolean;
  /** The reply chain (or chat) whose state a follow-up carries over; absent in claims stored before follow-ups. */
  thread?: ThreadKey;
}

/**
 * Answers a Teams question after its turn: the Bot Connector does not redeliver a message whose answer
 * failed, so Earshot retries itself while the database is down and apologises when it cannot.
 */
export function teamsQuestionJob(
  deps: TeamsDeps,
  send: SendToConversation,
  key: EventKey,
  payload: TeamsQuestionPayload,
): EventJob<TeamsQuestionPayload> {
  return {
    key,
    payload,
    work: async (work) => {
      const request = {
        workspaceId: payload.workspaceId,
        question: payload.question,
        askedBy: payload.askedBy,
        platform: 'teams',
        channel: payload.channel,
        privateConversation: payload.privateConversation,
      };
      const answer = payload.thread
        ? await deps.earshot.askInThread({ ...request, thread: payload.thread })
        : await deps.earshot.ask(request);
      if (!(await work.stillOurs())) return;
      await send(
        payload.reference,
        answer
          ? { attachments: [CardFactory.adaptiveCard(answerCard(answer, { now: deps.earshot.clock.now() }))] }
          : { text: TEAMS_NOTHING_ASKED },
      );
    },
    apologise: (stored) => send(stored.reference, { text: TEAMS_APOLOGY }),
    logger: deps.logger,
  };
}

/**
 * Passive capture of a watched conversation's message, retried while the database is down. Its claim
 * stores nothing to resume from: a capture cut off by a crash is given up (nobody waits on it).
 */
export function teamsCaptureJob(
  deps: TeamsDeps,
  key: EventKey,
  message: CapturedMessage,
  where: Parameters<TeamsDeps['earshot']['watched']['isWatched']>[0],
): EventJob<{ kind: 'capture' }> {
  return {
    key,
    payload: { kind: 'capture' },
    work: async () => {
      if (!(await deps.earshot.watched.isWatched(where))) return;
      const kind = await deps.earshot.classifier.classify(message.text);
      if (kind !== 'noise') await deps.earshot.capture({ message, kind });
    },
    apologise: async () => {},
    logger: deps.logger,
  };
}

/** Rebuilds a job from a claim whose holder stopped before finishing; null when there is nothing to resume. */
export function resumeTeamsJob(
  deps: TeamsDeps,
  send: SendToConversation,
  claim: { key: EventKey; payload: unknown },
): EventJob<TeamsQuestionPayload> | null {
  const payload = claim.payload as Partial<TeamsQuestionPayload> | null;
  if (payload?.kind !== 'question' || !payload.reference || !payload.question) return null;
  return teamsQuestionJob(deps, send, claim.key, payload as TeamsQuestionPayload);
}

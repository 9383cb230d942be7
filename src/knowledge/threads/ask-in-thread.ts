import { type AskRequest, askedInKey } from '../answer/answer-question.ts';
import type { Answer } from '../answer/answer-types.ts';
import type { ConversationThreads } from './conversation-threads.ts';
import { followUpQuestion, threadSubject } from './follow-up-question.ts';
import { isLive, type ThreadKey, type ThreadState } from './thread-state.ts';

/** The last answer's statements kept for a chat model's next turn: a few sentences. */
const MAX_LAST_ANSWER_CHARS = 600;

export interface ThreadDeps {
  threads: ConversationThreads;
  ask(request: AskRequest): Promise<Answer>;
  now(): Date;
}

/** A question asked in a thread: `thread` names it, `platform` and `channel` must be the key's. */
export interface ThreadAskRequest extends AskRequest {
  thread: ThreadKey;
}

/** The private conversation a request is in, as thread states store it; null in an open channel. */
function audienceOf(request: AskRequest): string | null {
  return request.privateConversation ? (askedInKey(request) ?? null) : null;
}

/**
 * The live thread state for a request in this conversation, or null: none, too many turns, idle too
 * long, or (never expected, as the key names the conversation) from another private conversation.
 */
export async function liveThread(deps: ThreadDeps, request: ThreadAskRequest): Promise<ThreadState | null> {
  const state = await deps.threads.find(request.thread);
  return state && isLive(state, { audience: audienceOf(request) }, deps.now()) ? state : null;
}

/**
 * Answers a question in a thread: a follow-up of a live thread is rewritten from the thread's subject
 * and filters (and a chat model gets the previous turn); anything else is answered as asked and starts
 * the thread afresh. Null when the reply asks nothing ("thanks!"): nothing is answered or stored.
 */
export async function askInThread(deps: ThreadDeps, request: ThreadAskRequest): Promise<Answer | null> {
  const state = await liveThread(deps, request);
  const now = deps.now();
  const followUp = state ? followUpQuestion(state, request.question, now) : null;
  if (state && !followUp) return null;
  const explicit = request.filters ?? {};
  const asked: AskRequest = followUp
    ? {
        ...request,
        question: followUp.question,
        filters: { ...followUp.filters, ...explicit },
        earlier: { question: state?.question ?? '', answer: state?.lastAnswer ?? '' },
      }
    : request;
  const answer = await deps.ask(asked);
  await deps.threads.save(request.thread, {
    audience: audienceOf(request),
    question: asked.question,
    subject: followUp?.subject ?? threadSubject(request.question),
    filters: asked.filters ?? {},
    citedEntryIds: answer.sources.map((source) => source.id),
    lastAnswer: lastAnswerOf(answer),
    turns: state ? state.turns + 1 : 1,
    updatedAt: now,
  });
  return followUp ? { ...answer, followUp: true } : answer;
}

function lastAnswerOf(answer: Answer): string {
  if (!answer.heard) return 'Nothing heard.';
  const text = [...answer.field.statements, ...answer.objective.statements]
    .map((statement) => statement.text)
    .join(' ');
  return text.length <= MAX_LAST_ANSWER_CHARS ? text : `${text.slice(0, MAX_LAST_ANSWER_CHARS)}…`;
}

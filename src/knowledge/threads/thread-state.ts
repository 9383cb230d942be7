import type { SearchFilters } from '../search/search-filters.ts';

/**
 * How long a thread stays a conversation: at most this many answers, and no longer than this idle. After
 * that a reply without a mention is left to the people in the thread, and a mention starts afresh.
 */
export const THREAD_LIMITS = { maxTurns: 5, idleMs: 24 * 60 * 60 * 1000 } as const;

/** Where a thread is: one organization's conversation on one platform, and the thread's root message. */
export interface ThreadKey {
  workspaceId: string;
  platform: 'slack' | 'teams';
  /** Slack channel or DM id; Teams conversation id without `;messageid=`. */
  conversationId: string;
  /** The root message of the thread; '' for a DM or chat as a whole. */
  threadId: string;
}

/** What Earshot remembers of a thread it answered in. */
export interface ThreadState {
  /** The private conversation (platform-qualified) it is in; null in an open channel. */
  audience: string | null;
  /** The question last answered, as rewritten from the thread. */
  question: string;
  /** What the thread is about so far ("Okta SSO in healthcare"). */
  subject: string;
  filters: SearchFilters;
  citedEntryIds: number[];
  /** The last answer's statements, cut short: a chat model's context for the next turn. */
  lastAnswer: string;
  turns: number;
  updatedAt: Date;
}

/**
 * Whether a reply here continues the thread: within the limits, and (belt and braces: the key already
 * names the conversation) never a private conversation's state used outside it.
 */
export function isLive(state: ThreadState, here: { audience: string | null }, now: Date): boolean {
  if (state.audience !== null && state.audience !== here.audience) return false;
  return (
    state.turns < THREAD_LIMITS.maxTurns && now.getTime() - state.updatedAt.getTime() < THREAD_LIMITS.idleMs
  );
}

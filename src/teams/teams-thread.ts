import type { Activity } from 'botbuilder';
import type { ThreadKey } from '../knowledge/threads/thread-state.ts';

/**
 * The thread an activity belongs to. In a channel Teams names the reply chain in the conversation id
 * (`19:…@thread.tacv2;messageid=<root message id>`, for the root post and every reply to it); `replyToId`
 * is the fallback. 1:1 and group chats have no reply chains: the chat as a whole is the thread.
 */
export function teamsThreadOf(
  activity: Pick<Activity, 'conversation' | 'replyToId' | 'id'>,
  workspaceId: string,
): ThreadKey {
  const [conversationId = '', ...parts] = activity.conversation.id.split(';');
  const root = parts.find((part) => part.startsWith('messageid='))?.slice('messageid='.length);
  const threadId =
    activity.conversation.conversationType === 'channel'
      ? (root ?? activity.replyToId ?? activity.id ?? '')
      : '';
  return { workspaceId, platform: 'teams', conversationId, threadId };
}

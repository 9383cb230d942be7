import type { TurnContext } from 'botbuilder';

/**
 * The key under which a Teams activity is claimed once (`claimEvent`). Teams message ids are unique only
 * within a conversation, so two chats can send the same id: the conversation is part of the key.
 */
export function teamsEventId(context: TurnContext): string {
  return `${context.activity.conversation?.id ?? ''}|${context.activity.id ?? ''}`;
}

import type { TurnContext } from 'botbuilder';

/** A tenant's knowledge is keyed by its Teams tenant id, as `earshot import --workspace` uses it. */
export function tenantOf(context: TurnContext): string {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? context.activity.conversation?.tenantId ?? '';
}

/**
 * The person behind an activity as Earshot stores them everywhere (questions, people, conversation
 * references, nudges): the AAD object id, which stays the same across chats, or the Teams id without one.
 */
export function teamsUserId(context: TurnContext): string {
  return context.activity.from?.aadObjectId ?? context.activity.from?.id ?? '';
}

export function activityFromBot(context: TurnContext): boolean {
  return (
    context.activity.from?.id === context.activity.recipient?.id || context.activity.from?.role === 'bot'
  );
}

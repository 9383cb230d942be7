import type { TurnContext } from 'botbuilder';
import { EarshotError } from '../errors.ts';
import { workspaceKey } from '../knowledge/workspaces/platform-ids.ts';

/** The Teams tenant an activity comes from (the native id). */
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

/** Earshot's id of the tenant's workspace (`teams:<tenant id>`), never mistaken for a Slack team. */
export function teamsWorkspaceOf(context: TurnContext): string {
  const tenant = tenantOf(context);
  if (!tenant) {
    throw new EarshotError({ code: 'invalid_input', message: 'Teams activity without a tenant id' });
  }
  return workspaceKey('teams', tenant);
}

import type { TurnContext } from 'botbuilder';
import { EarshotError } from '../errors.ts';
import type { Organizations } from '../knowledge/organizations/organizations.ts';
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

const ORGANIZATION = Symbol('earshot.organization');

/**
 * Before the turn runs: the organization whose knowledge the tenant's people use, found from the tenant
 * (`teams:<tenant id>`, never mistaken for a Slack team). An activity without a tenant pins nothing, and
 * whatever needs the organization then refuses it.
 */
export async function pinTeamsOrganization(
  context: TurnContext,
  organizations: Organizations,
): Promise<void> {
  const tenant = tenantOf(context);
  if (tenant)
    context.turnState.set(ORGANIZATION, await organizations.forRequest(workspaceKey('teams', tenant)));
}

/** The organization a Teams activity's knowledge comes from and goes to, pinned by `pinTeamsOrganization`. */
export function teamsWorkspaceOf(context: TurnContext): string {
  const organization: unknown = context.turnState.get(ORGANIZATION);
  if (typeof organization !== 'string') {
    throw new EarshotError({ code: 'invalid_input', message: 'Teams activity without a tenant id' });
  }
  return organization;
}

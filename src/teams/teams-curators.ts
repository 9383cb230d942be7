import { TeamsInfo, type TurnContext } from 'botbuilder';
import { type CuratorIds, noCurators } from '../knowledge/curation/curator-ids.ts';
import type { OrganizationCurators } from '../knowledge/curation/organization-curators.ts';
import { teamsWorkspaceOf } from './teams-identity.ts';

type Curators = Pick<OrganizationCurators, 'idsOf'>;

/**
 * Curators in Teams: the Teams user ids (29:…), AAD object ids and emails among the curators of the
 * activity's organization (its own, else EARSHOT_CURATORS); Slack ids never match a Teams user. Emails
 * are matched against the member's profile from the connector.
 */
export async function isTeamsCurator(curators: Curators, context: TurnContext): Promise<boolean> {
  return named(await curators.idsOf(teamsWorkspaceOf(context)), context);
}

/** Anyone while the organization has no curators at all; its curators once it has. */
export async function mayManageInTeams(curators: Curators, context: TurnContext): Promise<boolean> {
  const ids = await curators.idsOf(teamsWorkspaceOf(context));
  return noCurators(ids) || named(ids, context);
}

async function named(curators: CuratorIds, context: TurnContext): Promise<boolean> {
  const { from } = context.activity;
  if ([from?.id, from?.aadObjectId].some((id) => id && curators.teamsUsers.has(id.toLowerCase())))
    return true;
  if (curators.emails.size === 0 || !from?.id) return false;
  const member = await TeamsInfo.getMember(context, from.id).catch(() => null);
  const emails = [member?.email, member?.userPrincipalName].filter((email): email is string => !!email);
  return emails.some((email) => curators.emails.has(email.toLowerCase()));
}

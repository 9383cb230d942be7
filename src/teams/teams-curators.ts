import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Config } from '../config.ts';
import { parseCuratorIds } from '../knowledge/curation/curator-ids.ts';

/**
 * Curators in Teams: the Teams user ids (29:…), AAD object ids and emails in EARSHOT_CURATORS; Slack
 * ids there never match a Teams user. Emails are matched against the member's profile from the connector.
 */
export async function isTeamsCurator(
  config: Pick<Config, 'curators'>,
  context: TurnContext,
): Promise<boolean> {
  const { from } = context.activity;
  const curators = parseCuratorIds(config.curators);
  if ([from?.id, from?.aadObjectId].some((id) => id && curators.teamsUsers.has(id.toLowerCase())))
    return true;
  if (curators.emails.size === 0 || !from?.id) return false;
  const member = await TeamsInfo.getMember(context, from.id).catch(() => null);
  const emails = [member?.email, member?.userPrincipalName].filter((email): email is string => !!email);
  return emails.some((email) => curators.emails.has(email.toLowerCase()));
}

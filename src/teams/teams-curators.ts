import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Config } from '../config.ts';

/**
 * Curators in Teams: EARSHOT_CURATORS lists Teams user ids (29:…), AAD object ids or emails. Emails are
 * matched against the member's profile from the connector.
 */
export async function isTeamsCurator(
  config: Pick<Config, 'curators'>,
  context: TurnContext,
): Promise<boolean> {
  const { from } = context.activity;
  const curators = config.curators.map((curator) => curator.toLowerCase());
  if ([from?.id, from?.aadObjectId].some((id) => id && curators.includes(id.toLowerCase()))) return true;
  if (!curators.some((curator) => curator.includes('@')) || !from?.id) return false;
  const member = await TeamsInfo.getMember(context, from.id).catch(() => null);
  const emails = [member?.email, member?.userPrincipalName].filter((email): email is string => !!email);
  return emails.some((email) => curators.includes(email.toLowerCase()));
}

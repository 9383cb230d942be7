import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { ChatPeople } from '../delivery/chat-people.ts';
import { activityFromBot, teamsUserId, teamsWorkspaceOf } from './teams-identity.ts';

/**
 * Keeps the person behind an activity, so alerts and reference requests can find them by email and
 * respect their time zone. The email costs a connector call, made only until one is known.
 */
export async function rememberTeamsPerson(people: ChatPeople, context: TurnContext): Promise<void> {
  const userId = teamsUserId(context);
  if (!userId || activityFromBot(context)) return;
  const workspaceId = teamsWorkspaceOf(context);
  const known = await people.byId('teams', workspaceId, userId);
  const timeZone = timeZoneOf(context);
  if (known?.email && (!timeZone || known.timeZone === timeZone)) return;
  let failure: unknown;
  const email =
    known?.email ??
    (await emailOf(context).catch((error: unknown) => {
      failure = error;
      return null;
    }));
  await people.save({ platform: 'teams', workspaceId, userId, email, timeZone });
  // The time zone is kept all the same; the caller logs the failed lookup, which is tried again next time.
  if (failure) throw failure;
}

async function emailOf(context: TurnContext): Promise<string | null> {
  const from = context.activity.from;
  if (!from?.id) return null;
  const member = await TeamsInfo.getMember(context, from.id);
  // A guest's user principal name (…#EXT#@tenant) is no address anyone reads.
  const upn = member.userPrincipalName?.includes('#EXT#') ? undefined : member.userPrincipalName;
  return member.email || upn || null;
}

/** The sender's IANA zone: `localTimezone` on messages, or the `clientInfo` entity Teams adds. */
export function timeZoneOf(context: TurnContext): string | null {
  const { activity } = context;
  const clientInfo = (activity.entities ?? []).find((entity) => entity.type === 'clientInfo') as
    | { timezone?: unknown }
    | undefined;
  for (const zone of [activity.localTimezone, clientInfo?.timezone]) {
    if (typeof zone === 'string' && isTimeZone(zone)) return zone;
  }
  return null;
}

function isTimeZone(zone: string): boolean {
  if (zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

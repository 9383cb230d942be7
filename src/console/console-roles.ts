import type { Database } from '../db/database.ts';
import type { Messengers } from '../delivery/messengers.ts';
import type { OrganizationCurators } from '../knowledge/curation/organization-curators.ts';

/** Curators review and curate; members browse and search. */
export type ConsoleRole = 'curator' | 'member';

/**
 * What the person with this email is in the organization, read afresh on every request so `earshot
 * curators add/remove` applies at the next click: a curator when the email is one of its curators, or
 * belongs to a chat user Earshot knows who is one by user id or is in one of the curators' Slack user
 * groups (asked of Slack while the server serves Slack, remembered for five minutes); a member when
 * Earshot knows a chat user of the organization with that email; null when it knows nobody by it. As in
 * chat, an organization with no curators has nobody who may review.
 */
export async function consoleRoleOf(
  deps: {
    db: Database;
    curators: Pick<OrganizationCurators, 'idsOf'>;
    messengers: Pick<Messengers, 'groupMembers'>;
  },
  organization: string,
  email: string,
): Promise<ConsoleRole | null> {
  const address = email.toLowerCase();
  const [ids, people] = await Promise.all([
    deps.curators.idsOf(organization),
    deps.db.prisma.chatPerson.findMany({
      where: { workspaceId: organization, email: address },
      select: { platform: true, userId: true },
    }),
  ]);
  const curatorById = people.some((person) =>
    person.platform === 'slack'
      ? ids.slackUsers.has(person.userId)
      : ids.teamsUsers.has(person.userId.toLowerCase()),
  );
  if (ids.emails.has(address) || curatorById) return 'curator';
  if (await inCuratorGroup(deps, organization, ids.slackGroups, people)) return 'curator';
  return people.length > 0 ? 'member' : null;
}

async function inCuratorGroup(
  deps: { messengers: Pick<Messengers, 'groupMembers'> },
  organization: string,
  groups: ReadonlySet<string>,
  people: { platform: string; userId: string }[],
): Promise<boolean> {
  const slackIds = people.filter((person) => person.platform === 'slack').map((person) => person.userId);
  if (slackIds.length === 0) return false;
  for (const group of groups) {
    const members = await deps.messengers.groupMembers('slack', organization, group);
    if (slackIds.some((id) => members.has(id))) return true;
  }
  return false;
}

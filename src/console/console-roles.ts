import type { Database } from '../db/database.ts';
import type { OrganizationCurators } from '../knowledge/curation/organization-curators.ts';

/** Curators review and curate; members browse and search. */
export type ConsoleRole = 'curator' | 'member';

/**
 * What the person with this email is in the organization, read afresh on every request so `earshot
 * curators add/remove` applies at the next click: a curator when the email is one of its curators, or
 * belongs to a chat user Earshot knows who is one by user id; a member when Earshot knows a chat user of
 * the organization with that email; null when it knows nobody by it. Slack user groups are not resolved
 * here (that needs Slack's API): name such curators by email or user id for the console. As in chat,
 * an organization with no curators has nobody who may review.
 */
export async function consoleRoleOf(
  deps: { db: Database; curators: Pick<OrganizationCurators, 'idsOf'> },
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
  return people.length > 0 ? 'member' : null;
}

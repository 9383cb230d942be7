import { consoleRoleOf } from '../console-roles.ts';
import type { LinkHolder } from '../sign-in-links.ts';
import type { ProviderIdentity } from './oidc-providers.ts';

/**
 * The organization and email a signed-in identity stands for, or null when Earshot knows them in no
 * organization. Only organizations linked to the installation the person signed in through count (a
 * token from another Slack team or Entra tenant matches nothing); in those, the person is found by
 * their platform id in the people directory, else by their verified email (a known chat person or a
 * curator named by email). The match must also give them a console role.
 */
export async function matchIdentity(
  deps: Parameters<typeof consoleRoleOf>[0],
  identity: ProviderIdentity,
): Promise<LinkHolder | null> {
  const { prisma } = deps.db;
  const linked = await prisma.installation.findMany({
    where: { id: { in: identity.installations } },
    select: { workspaceId: true },
  });
  const organizations = [...new Set(linked.map((installation) => installation.workspaceId))].sort();
  if (organizations.length === 0) return null;
  const byId = await prisma.chatPerson.findMany({
    where: {
      platform: identity.platform,
      workspaceId: { in: organizations },
      userId: { equals: identity.userId, mode: 'insensitive' },
    },
    orderBy: { workspaceId: 'asc' },
  });
  const candidates: LinkHolder[] = byId.flatMap((person) => {
    const email = person.email ?? identity.email;
    return email ? [{ organization: person.workspaceId, email }] : [];
  });
  if (identity.email) {
    candidates.push(...organizations.map((organization) => ({ organization, email: identity.email ?? '' })));
  }
  for (const candidate of candidates) {
    if (await consoleRoleOf(deps, candidate.organization, candidate.email)) return candidate;
  }
  return null;
}

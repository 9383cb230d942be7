import type { WebClient } from '@slack/web-api';
import { type CuratorIds, noCurators } from '../knowledge/curation/curator-ids.ts';
import type { OrganizationCurators } from '../knowledge/curation/organization-curators.ts';

const CACHE_MS = 5 * 60_000;

type Cached<T> = { value: T; fetchedAt: number };

/**
 * Who may publish, edit, merge and reject in an organization: its curators' Slack user ids, the members
 * of their Slack user groups (ids starting with S) and the people whose Slack profile has one of their
 * emails (the organization's own curators, else EARSHOT_CURATORS). Teams ids never match a Slack user.
 * Group members and profile emails are cached for 5 minutes; who the curators are is read every time.
 */
export class SlackCurators {
  private readonly groupMembers = new Map<string, Cached<Set<string>>>();
  private readonly emails = new Map<string, Cached<string | undefined>>();

  constructor(
    private readonly curators: Pick<OrganizationCurators, 'idsOf'>,
    private readonly now: () => number = Date.now,
  ) {}

  async isCurator(client: WebClient, organization: string, userId: string): Promise<boolean> {
    return this.named(client, await this.curators.idsOf(organization), userId);
  }

  /**
   * Who may change what everyone shares (watched channels, digests): anyone while the organization has
   * no curators at all, its curators once it has.
   */
  async mayManage(client: WebClient, organization: string, userId: string): Promise<boolean> {
    const curators = await this.curators.idsOf(organization);
    return noCurators(curators) || this.named(client, curators, userId);
  }

  private async named(client: WebClient, curators: CuratorIds, userId: string): Promise<boolean> {
    const { slackUsers, slackGroups, emails } = curators;
    if (slackUsers.has(userId)) return true;
    for (const group of slackGroups) {
      if ((await this.membersOf(client, group)).has(userId)) return true;
    }
    if (emails.size === 0) return false;
    const email = await this.emailOf(client, userId);
    return !!email && emails.has(email);
  }

  private membersOf(client: WebClient, usergroup: string): Promise<Set<string>> {
    return this.cached(this.groupMembers, usergroup, async () => {
      const { users } = await client.usergroups.users.list({ usergroup });
      return new Set(users ?? []);
    });
  }

  private emailOf(client: WebClient, userId: string): Promise<string | undefined> {
    return this.cached(this.emails, userId, async () => {
      const { user } = await client.users.info({ user: userId });
      return user?.profile?.email?.toLowerCase();
    });
  }

  private async cached<T>(cache: Map<string, Cached<T>>, key: string, fetch: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && this.now() - hit.fetchedAt < CACHE_MS) return hit.value;
    const value = await fetch();
    cache.set(key, { value, fetchedAt: this.now() });
    return value;
  }
}

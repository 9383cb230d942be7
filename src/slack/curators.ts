import type { WebClient } from '@slack/web-api';
import type { Config } from '../config.ts';
import { type CuratorIds, parseCuratorIds } from '../knowledge/curation/curator-ids.ts';

const CACHE_MS = 5 * 60_000;

type Cached<T> = { value: T; fetchedAt: number };

/**
 * Who may publish, edit, merge and reject: the Slack user ids in EARSHOT_CURATORS, the members of any
 * Slack user group (ids starting with S) and the people whose Slack profile has an email listed there.
 * Teams ids there never match a Slack user. Group members and profile emails are cached for 5 minutes.
 */
export class SlackCurators {
  private readonly curators: CuratorIds;
  private readonly groupMembers = new Map<string, Cached<Set<string>>>();
  private readonly emails = new Map<string, Cached<string | undefined>>();

  constructor(
    config: Pick<Config, 'curators'>,
    private readonly now: () => number = Date.now,
  ) {
    this.curators = parseCuratorIds(config.curators);
  }

  async isCurator(client: WebClient, userId: string): Promise<boolean> {
    const { slackUsers, slackGroups, emails } = this.curators;
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

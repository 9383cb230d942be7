import type { WebClient } from '@slack/web-api';
import type { Config } from '../config.ts';
import { parseCuratorIds } from '../knowledge/curation/curator-ids.ts';

const GROUP_CACHE_MS = 5 * 60_000;

/**
 * Who may publish, edit, merge and reject: the Slack user ids in EARSHOT_CURATORS, the members of any
 * Slack user group (ids starting with S) and the people whose Slack profile has an email listed there.
 * Teams ids there never match a Slack user. Group members are cached for 5 minutes.
 */
export class SlackCurators {
  private readonly groupMembers = new Map<string, { members: Set<string>; fetchedAt: number }>();

  constructor(
    private readonly config: Pick<Config, 'curators'>,
    private readonly now: () => number = Date.now,
  ) {}

  async isCurator(client: WebClient, userId: string): Promise<boolean> {
    const curators = parseCuratorIds(this.config.curators);
    if (curators.slackUsers.has(userId)) return true;
    for (const group of curators.slackGroups) {
      if ((await this.membersOf(client, group)).has(userId)) return true;
    }
    if (curators.emails.size === 0) return false;
    const { user } = await client.users.info({ user: userId });
    const email = user?.profile?.email?.toLowerCase();
    return !!email && curators.emails.has(email);
  }

  private async membersOf(client: WebClient, usergroup: string): Promise<Set<string>> {
    const cached = this.groupMembers.get(usergroup);
    if (cached && this.now() - cached.fetchedAt < GROUP_CACHE_MS) return cached.members;
    const { users } = await client.usergroups.users.list({ usergroup });
    const members = new Set(users ?? []);
    this.groupMembers.set(usergroup, { members, fetchedAt: this.now() });
    return members;
  }
}

import type { WebClient } from '@slack/web-api';
import type { Config } from '../config.ts';

const GROUP_CACHE_MS = 5 * 60_000;

/**
 * Who may publish, edit, merge and reject: the Slack user ids in EARSHOT_CURATORS, and the members of
 * any Slack user group (ids starting with S) listed there. Group members are cached for 5 minutes.
 */
export class SlackCurators {
  private readonly groupMembers = new Map<string, { members: Set<string>; fetchedAt: number }>();

  constructor(
    private readonly config: Pick<Config, 'curators'>,
    private readonly now: () => number = Date.now,
  ) {}

  async isCurator(client: WebClient, userId: string): Promise<boolean> {
    if (this.config.curators.includes(userId)) return true;
    for (const group of this.config.curators.filter((id) => /^S[A-Z0-9]+$/.test(id))) {
      if ((await this.membersOf(client, group)).has(userId)) return true;
    }
    return false;
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

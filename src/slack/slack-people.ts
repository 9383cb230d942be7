import { ErrorCode, type WebAPIPlatformError, type WebClient } from '@slack/web-api';
import type { StoredConversation } from '../delivery/conversation-refs.ts';
import type { ChatPerson, PeopleDirectory } from '../delivery/people-directory.ts';
import { RefreshingCache } from '../refreshing-cache.ts';
import { conversationMemberIds } from './conversation-members.ts';
import type { SlackTokens } from './slack-tokens.ts';

/** Group membership changes seldom and is asked on every console click: five minutes is fresh enough. */
const GROUP_TTL_MS = 5 * 60_000;

type SlackUser = {
  id?: string;
  deleted?: boolean;
  is_bot?: boolean;
  tz?: string;
  profile?: { email?: string };
};

/**
 * People in the organization's Slack workspaces, asked with each installation's token in turn: by email
 * (`users.lookupByEmail`, which needs the users:read.email scope) or by id, with the time zone from
 * their profile. A DM goes to the user id, which Slack turns into the 1:1 conversation with Earshot,
 * with the token of the installation the person was found through.
 */
export class SlackPeopleDirectory implements PeopleDirectory {
  readonly platform = 'slack' as const;
  private readonly groups = new RefreshingCache<ReadonlySet<string>>(GROUP_TTL_MS);
  private readonly conversations = new RefreshingCache<ReadonlySet<string>>(GROUP_TTL_MS);

  constructor(private readonly tokens: SlackTokens) {}

  /**
   * The members of a user group, from whichever of the organization's workspaces has it (a group id
   * lives in one workspace; `usergroups:read`). Remembered, then refreshed in the background.
   */
  groupMembers(workspaceId: string, groupId: string): Promise<ReadonlySet<string>> {
    return this.membersAcrossWorkspaces(this.groups, workspaceId, groupId, async (client) => {
      const found = await client.usergroups.users
        .list({ usergroup: groupId })
        .catch((error: unknown) => notFound(error, 'no_such_subteam'));
      return found?.users ?? [];
    });
  }

  /**
   * The members of a conversation the bot is in (`conversations.members`, as chat checks who may see a
   * private capture), from whichever of the organization's workspaces can list them; empty when none
   * can. Remembered like groups: the console asks on every page a curator opens.
   */
  conversationMembers(workspaceId: string, conversationId: string): Promise<ReadonlySet<string>> {
    return this.membersAcrossWorkspaces(this.conversations, workspaceId, conversationId, (client) =>
      conversationMemberIds(client, conversationId).catch(
        (error: unknown) => notFound(error, 'channel_not_found') ?? [],
      ),
    );
  }

  async findByEmail(workspaceId: string, email: string): Promise<ChatPerson | null> {
    return this.first(workspaceId, async (client) => {
      const found = await client.users
        .lookupByEmail({ email })
        .catch((error: unknown) => notFound(error, 'users_not_found'));
      return found ? { user: found.user, email } : null;
    });
  }

  async findById(workspaceId: string, userId: string): Promise<ChatPerson | null> {
    return this.first(workspaceId, async (client) => {
      const found = await client.users
        .info({ user: userId })
        .catch((error: unknown) => notFound(error, 'user_not_found'));
      return found ? { user: found.user, email: null } : null;
    });
  }

  async directConversation(person: ChatPerson): Promise<StoredConversation> {
    return {
      platform: 'slack',
      workspaceId: person.workspaceId,
      conversationId: person.userId,
      kind: 'personal',
      userId: person.userId,
      reference: { channel: person.userId },
      ...(person.installationId ? { installationId: person.installationId } : {}),
    };
  }

  /** Everyone `list` finds with any of the organization's installations, remembered in `cache`. */
  private async membersAcrossWorkspaces(
    cache: RefreshingCache<ReadonlySet<string>>,
    workspaceId: string,
    id: string,
    list: (client: WebClient) => Promise<string[]>,
  ): Promise<ReadonlySet<string>> {
    const key = `${workspaceId}\u0000${id}`;
    const load = async () => {
      const members = new Set<string>();
      for (const bot of await this.tokens.forOrganization(workspaceId)) {
        for (const user of await list(this.tokens.clientOf(bot))) members.add(user);
      }
      cache.set(key, members);
      return members;
    };
    return cache.get(key, load) ?? load();
  }

  /** Each token reaches one workspace (or Grid org): the first that knows the person wins. */
  private async first(
    workspaceId: string,
    look: (client: WebClient) => Promise<{ user: SlackUser | undefined; email: string | null } | null>,
  ): Promise<ChatPerson | null> {
    for (const bot of await this.tokens.forOrganization(workspaceId)) {
      const found = await look(this.tokens.clientOf(bot));
      const person = found && toPerson(workspaceId, found.user, found.email, bot.installationId);
      if (person) return person;
    }
    return null;
  }
}

function toPerson(
  workspaceId: string,
  user: SlackUser | undefined,
  email: string | null,
  installationId: string,
): ChatPerson | null {
  // A deactivated account or a bot cannot take an alert.
  if (!user?.id || user.deleted || user.is_bot) return null;
  return {
    platform: 'slack',
    workspaceId,
    userId: user.id,
    email: user.profile?.email ?? email,
    timeZone: user.tz ?? null,
    installationId,
  };
}

/** Slack's "no such person" errors become null; anything else (rate limits, auth) is a real failure. */
function notFound(error: unknown, code: string): null {
  const platform = error as Partial<WebAPIPlatformError>;
  if (platform.code === ErrorCode.PlatformError && platform.data?.error === code) return null;
  throw error;
}

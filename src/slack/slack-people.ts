import { ErrorCode, type WebAPIPlatformError, type WebClient } from '@slack/web-api';
import type { StoredConversation } from '../delivery/conversation-refs.ts';
import type { ChatPerson, PeopleDirectory } from '../delivery/people-directory.ts';
import type { Organizations } from '../knowledge/organizations/organizations.ts';
import { workspaceKey } from '../knowledge/workspaces/platform-ids.ts';
import type { InstalledWorkspace } from './installed-workspace.ts';

type SlackUser = {
  id?: string;
  deleted?: boolean;
  is_bot?: boolean;
  tz?: string;
  profile?: { email?: string };
};

/**
 * People in the workspace the bot token belongs to: by email (`users.lookupByEmail`, which needs the
 * users:read.email scope) or by id, with the time zone from their profile. A DM goes to the user id,
 * which Slack turns into the 1:1 conversation with Earshot.
 */
export class SlackPeopleDirectory implements PeopleDirectory {
  readonly platform = 'slack' as const;

  constructor(
    private readonly client: WebClient,
    private readonly installed: InstalledWorkspace,
    private readonly organizations: Organizations,
  ) {}

  async findByEmail(workspaceId: string, email: string): Promise<ChatPerson | null> {
    if (!(await this.isOurWorkspace(workspaceId))) return null;
    const found = await this.client.users
      .lookupByEmail({ email })
      .catch((error: unknown) => notFound(error, 'users_not_found'));
    return found ? toPerson(workspaceId, found.user, email) : null;
  }

  async findById(workspaceId: string, userId: string): Promise<ChatPerson | null> {
    if (!(await this.isOurWorkspace(workspaceId))) return null;
    const found = await this.client.users
      .info({ user: userId })
      .catch((error: unknown) => notFound(error, 'user_not_found'));
    return found ? toPerson(workspaceId, found.user, null) : null;
  }

  async directConversation(person: ChatPerson): Promise<StoredConversation> {
    return {
      platform: 'slack',
      workspaceId: person.workspaceId,
      conversationId: person.userId,
      kind: 'personal',
      userId: person.userId,
      reference: { channel: person.userId },
    };
  }

  /** The token reaches one workspace: the one it was installed in, whose people are the organization's. */
  private async isOurWorkspace(workspaceId: string): Promise<boolean> {
    const installation = workspaceKey('slack', await this.installed.teamId());
    return (await this.organizations.ofInstallation(installation)) === workspaceId;
  }
}

function toPerson(workspaceId: string, user: SlackUser | undefined, email: string | null): ChatPerson | null {
  // A deactivated account or a bot cannot take an alert.
  if (!user?.id || user.deleted || user.is_bot) return null;
  return {
    platform: 'slack',
    workspaceId,
    userId: user.id,
    email: user.profile?.email ?? email,
    timeZone: user.tz ?? null,
  };
}

/** Slack's "no such person" errors become null; anything else (rate limits, auth) is a real failure. */
function notFound(error: unknown, code: string): null {
  const platform = error as Partial<WebAPIPlatformError>;
  if (platform.code === ErrorCode.PlatformError && platform.data?.error === code) return null;
  throw error;
}

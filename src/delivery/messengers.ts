import type { ChatPeople } from './chat-people.ts';
import type { ChatPerson, ChatPlatform, PeopleDirectory } from './people-directory.ts';
import type { OutboundMessage, ProactiveSender, SentMessage } from './proactive-sender.ts';

/** How to find someone: an email, and chat ids when a file or a click already gave them. */
export interface PersonAddress {
  email?: string | null;
  slackId?: string | null;
  teamsId?: string | null;
}

interface Messenger {
  sender: ProactiveSender;
  directory: PeopleDirectory;
}

/**
 * Reaches people wherever they are: the platforms the server runs register here, and core code
 * (nudges, reference requests, digests) asks for a person by email or id without knowing which.
 */
export class Messengers {
  private readonly byPlatform = new Map<ChatPlatform, Messenger>();

  constructor(private readonly people: ChatPeople) {}

  register(messenger: Messenger): void {
    this.byPlatform.set(messenger.sender.platform, messenger);
  }

  get platforms(): ChatPlatform[] {
    return [...this.byPlatform.keys()];
  }

  sender(platform: ChatPlatform): ProactiveSender | undefined {
    return this.byPlatform.get(platform)?.sender;
  }

  /**
   * The person on the first platform that knows them: explicit ids first, then a kept email match,
   * then the platform's own lookup, whose match is kept for next time.
   */
  async findPerson(workspaceId: string, address: PersonAddress): Promise<ChatPerson | null> {
    for (const [platform, { directory }] of this.byPlatform) {
      const id = platform === 'slack' ? address.slackId : address.teamsId;
      if (!id) continue;
      const known = await this.people.byId(platform, workspaceId, id);
      if (known?.timeZone) return known;
      const found = await directory.findById(workspaceId, id);
      if (found) {
        await this.people.save({ ...found, email: found.email ?? address.email ?? null });
        return found;
      }
      if (known) return known;
    }
    if (!address.email) return null;
    for (const [platform, { directory }] of this.byPlatform) {
      const known = await this.people.byEmail(platform, workspaceId, address.email);
      if (known) return known;
      const found = await directory.findByEmail(workspaceId, address.email);
      if (found) {
        await this.people.save(found);
        return found;
      }
    }
    return null;
  }

  /** Who is in a user group of the platform's; empty when the platform is not served or has no groups. */
  async groupMembers(
    platform: ChatPlatform,
    workspaceId: string,
    groupId: string,
  ): Promise<ReadonlySet<string>> {
    const directory = this.byPlatform.get(platform)?.directory;
    return directory?.groupMembers ? directory.groupMembers(workspaceId, groupId) : new Set();
  }

  /** Who is in a conversation of the platform's; empty when the platform is not served or cannot say. */
  async conversationMembers(
    platform: ChatPlatform,
    workspaceId: string,
    conversationId: string,
  ): Promise<ReadonlySet<string>> {
    const directory = this.byPlatform.get(platform)?.directory;
    return directory?.conversationMembers
      ? directory.conversationMembers(workspaceId, conversationId)
      : new Set();
  }

  /** Sends a DM; null when the platform has no conversation with the person yet. */
  async sendDirect(person: ChatPerson, message: OutboundMessage): Promise<SentMessage | null> {
    const messenger = this.byPlatform.get(person.platform);
    if (!messenger) return null;
    const conversation = await messenger.directory.directConversation(person);
    if (!conversation) return null;
    return messenger.sender.send(conversation, message);
  }
}

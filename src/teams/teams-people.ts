import type { Database } from '../db/database.ts';
import type { ChatPeople } from '../delivery/chat-people.ts';
import type { ConversationRefs, StoredConversation } from '../delivery/conversation-refs.ts';
import type { ChatPerson, PeopleDirectory } from '../delivery/people-directory.ts';

/**
 * People in Teams. The bot cannot look anyone up by email without Microsoft Graph, so it knows the
 * people who have talked to it: their profile is kept on every contact (remember-teams-person.ts), and
 * a DM goes to the 1:1 chat whose reference was stored when they installed the app or messaged it.
 */
export class TeamsPeopleDirectory implements PeopleDirectory {
  readonly platform = 'teams' as const;

  constructor(private readonly deps: { db: Database; people: ChatPeople; conversations: ConversationRefs }) {}

  findByEmail(workspaceId: string, email: string): Promise<ChatPerson | null> {
    return this.deps.people.byEmail('teams', workspaceId, email);
  }

  /**
   * Earshot keys Teams people by AAD object id; a file may name them by their Teams id (29:…) instead,
   * which the stored 1:1 chat's reference holds as its user.
   */
  async findById(workspaceId: string, userId: string): Promise<ChatPerson | null> {
    const known = await this.deps.people.byId('teams', workspaceId, userId);
    if (known) return known;
    const chat = await this.deps.db.prisma.conversationRef.findFirst({
      where: {
        platform: 'teams',
        workspaceId,
        kind: 'personal',
        OR: [{ userId }, { reference: { path: ['user', 'id'], equals: userId } }],
      },
      orderBy: { updatedAt: 'desc' },
    });
    if (!chat?.userId) return null;
    return (
      (await this.deps.people.byId('teams', workspaceId, chat.userId)) ?? {
        platform: 'teams',
        workspaceId,
        userId: chat.userId,
        email: null,
        timeZone: null,
      }
    );
  }

  directConversation(person: ChatPerson): Promise<StoredConversation | null> {
    return this.deps.conversations.personalChatOf('teams', person.workspaceId, person.userId);
  }
}

import type { Database } from '../db/database.ts';
import type { ChatPerson, ChatPlatform } from './people-directory.ts';

/** People matched to chat users, kept so each email is looked up once and time zones are at hand. */
export class ChatPeople {
  constructor(private readonly db: Database) {}

  async save(person: ChatPerson): Promise<void> {
    const key = { platform: person.platform, workspaceId: person.workspaceId, userId: person.userId };
    const email = person.email?.toLowerCase() ?? null;
    await this.db.prisma.chatPerson.upsert({
      where: { platform_workspaceId_userId: key },
      create: { ...key, email, timeZone: person.timeZone, installationId: person.installationId ?? null },
      // A profile without an email or zone does not erase what an earlier lookup found.
      update: {
        ...(email ? { email } : {}),
        ...(person.timeZone ? { timeZone: person.timeZone } : {}),
        ...(person.installationId ? { installationId: person.installationId } : {}),
      },
    });
  }

  async byEmail(platform: ChatPlatform, workspaceId: string, email: string): Promise<ChatPerson | null> {
    const row = await this.db.prisma.chatPerson.findFirst({
      where: { platform, workspaceId, email: email.toLowerCase() },
      orderBy: { updatedAt: 'desc' },
    });
    return row ? toPerson(row) : null;
  }

  async byId(platform: ChatPlatform, workspaceId: string, userId: string): Promise<ChatPerson | null> {
    const row = await this.db.prisma.chatPerson.findUnique({
      where: { platform_workspaceId_userId: { platform, workspaceId, userId } },
    });
    return row ? toPerson(row) : null;
  }
}

function toPerson(row: {
  platform: string;
  workspaceId: string;
  userId: string;
  email: string | null;
  timeZone: string | null;
  installationId: string | null;
}): ChatPerson {
  return {
    platform: row.platform as ChatPlatform,
    workspaceId: row.workspaceId,
    userId: row.userId,
    email: row.email,
    timeZone: row.timeZone,
    ...(row.installationId ? { installationId: row.installationId } : {}),
  };
}

import type { Database } from '../db/database.ts';

export interface StoredConversation {
  platform: 'slack' | 'teams';
  workspaceId: string;
  conversationId: string;
  kind: 'personal' | 'groupChat' | 'channel';
  userId: string | null;
  reference: unknown;
  /** Slack: the installation (`slack:T…`, `slack:E…` org-wide) it was seen through, whose token reaches it. */
  installationId?: string | null;
}

/** Conversation references for proactive messages, one per conversation, refreshed on every contact. */
export class ConversationRefs {
  constructor(private readonly db: Database) {}

  async save(ref: StoredConversation): Promise<void> {
    const key = { platform: ref.platform, workspaceId: ref.workspaceId, conversationId: ref.conversationId };
    const data = {
      kind: ref.kind,
      userId: ref.userId,
      reference: JSON.parse(JSON.stringify(ref.reference)),
      // Seen again through another installation: that one reaches it now.
      ...(ref.installationId ? { installationId: ref.installationId } : {}),
    };
    await this.db.prisma.conversationRef.upsert({
      where: { platform_workspaceId_conversationId: key },
      create: { ...key, ...data },
      update: data,
    });
  }

  async find(platform: StoredConversation['platform'], workspaceId: string, conversationId: string) {
    const row = await this.db.prisma.conversationRef.findUnique({
      where: { platform_workspaceId_conversationId: { platform, workspaceId, conversationId } },
    });
    return row ? toStored(row) : null;
  }

  /** The 1:1 chat with a person, where alerts to them go. */
  async personalChatOf(platform: StoredConversation['platform'], workspaceId: string, userId: string) {
    const row = await this.db.prisma.conversationRef.findFirst({
      where: { platform, workspaceId, userId, kind: 'personal' },
      orderBy: { updatedAt: 'desc' },
    });
    return row ? toStored(row) : null;
  }
}

function toStored(row: {
  platform: string;
  workspaceId: string;
  conversationId: string;
  kind: string;
  userId: string | null;
  reference: unknown;
  installationId: string | null;
}): StoredConversation {
  return {
    platform: row.platform as StoredConversation['platform'],
    workspaceId: row.workspaceId,
    conversationId: row.conversationId,
    kind: row.kind as StoredConversation['kind'],
    userId: row.userId,
    reference: row.reference,
    ...(row.installationId ? { installationId: row.installationId } : {}),
  };
}

import type { Database } from '../../db/database.ts';

type Channel = { platform: 'slack' | 'teams'; workspaceId: string; conversationId: string };

/** Conversations where passive capture is on. */
export class WatchedChannels {
  constructor(private readonly db: Database) {}

  async watch(channel: Channel & { watchedBy: string }): Promise<void> {
    await this.db.prisma.watchedChannel.upsert({
      where: { platform_workspaceId_conversationId: pick(channel) },
      create: channel,
      update: {},
    });
  }

  async unwatch(channel: Channel): Promise<boolean> {
    const { count } = await this.db.prisma.watchedChannel.deleteMany({ where: pick(channel) });
    return count > 0;
  }

  async isWatched(channel: Channel): Promise<boolean> {
    const row = await this.db.prisma.watchedChannel.findUnique({
      where: { platform_workspaceId_conversationId: pick(channel) },
    });
    return row !== null;
  }
}

function pick({ platform, workspaceId, conversationId }: Channel): Channel {
  return { platform, workspaceId, conversationId };
}

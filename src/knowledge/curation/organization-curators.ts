import type { Database } from '../../db/database.ts';
import { ensureWorkspace } from '../workspaces/ensure-workspace.ts';
import type { ChatPlatform } from '../workspaces/platform-ids.ts';
import { type CuratorId, type CuratorIds, curatorIdsOf, parseCuratorId } from './curator-ids.ts';

/** EARSHOT_CURATORS and EARSHOT_CURATOR_CHANNEL: what an organization without its own uses. */
export interface CuratorDefaults {
  curators: readonly string[];
  channel: string | undefined;
}

/** Where a setting came from: the organization's own, or the environment's default. */
export type CuratorSource = 'organization' | 'default';

export interface CuratorList {
  source: CuratorSource;
  curators: CuratorId[];
}

export interface CuratorChannel {
  conversationId: string;
  source: CuratorSource;
}

/**
 * The curators of each organization and its curators' channel on each platform, as `earshot curators`
 * sets them. An organization with no curators of its own has EARSHOT_CURATORS; a platform with no
 * channel of its own has EARSHOT_CURATOR_CHANNEL when that is a conversation of that platform. Read on
 * every check, so a change made from the command line applies to the next click in any process.
 */
export class OrganizationCurators {
  private readonly defaultCurators: CuratorId[];

  constructor(
    private readonly db: Database,
    private readonly defaults: CuratorDefaults,
  ) {
    this.defaultCurators = defaults.curators.flatMap((entry) => parseCuratorId(entry) ?? []);
  }

  /** Who curates the organization, and whether they are its own or the default. */
  async of(organization: string): Promise<CuratorList> {
    const own = await this.db.query<{ kind: CuratorId['kind']; identity: string }>(
      'SELECT kind, identity FROM curators WHERE workspace_id = $1 ORDER BY created_at, kind, identity',
      [organization],
    );
    if (own.length > 0)
      return { source: 'organization', curators: own.map((row) => ({ kind: row.kind, id: row.identity })) };
    return { source: 'default', curators: [...this.defaultCurators] };
  }

  async idsOf(organization: string): Promise<CuratorIds> {
    return curatorIdsOf((await this.of(organization)).curators);
  }

  /** Adds a curator of the organization's own; false when they already were one. */
  async add(organization: string, curator: CuratorId, addedBy: string | null = null): Promise<boolean> {
    await ensureWorkspace(this.db, organization);
    const added = await this.db.query<{ kind: string }>(
      `INSERT INTO curators (workspace_id, kind, identity, added_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING kind`,
      [organization, curator.kind, curator.id, addedBy],
    );
    return added.length > 0;
  }

  /** Removes one of the organization's own curators; false when they were not one. */
  async remove(organization: string, curator: CuratorId): Promise<boolean> {
    const removed = await this.db.query<{ kind: string }>(
      'DELETE FROM curators WHERE workspace_id = $1 AND kind = $2 AND identity = $3 RETURNING kind',
      [organization, curator.kind, curator.id],
    );
    return removed.length > 0;
  }

  /** The conversation the organization's curators hear from on a platform, if any. */
  async channelOf(organization: string, platform: ChatPlatform): Promise<CuratorChannel | null> {
    const [own] = await this.db.query<{ conversation_id: string }>(
      'SELECT conversation_id FROM curator_channels WHERE workspace_id = $1 AND platform = $2',
      [organization, platform],
    );
    if (own) return { conversationId: own.conversation_id, source: 'organization' };
    const fallback = this.defaults.channel;
    return fallback && platformOfChannel(fallback) === platform
      ? { conversationId: fallback, source: 'default' }
      : null;
  }

  /** Sets the organization's curators' channel on a platform, or clears it (null) back to the default. */
  async setChannel(
    organization: string,
    platform: ChatPlatform,
    conversationId: string | null,
  ): Promise<void> {
    if (conversationId === null) {
      await this.db.query('DELETE FROM curator_channels WHERE workspace_id = $1 AND platform = $2', [
        organization,
        platform,
      ]);
      return;
    }
    await ensureWorkspace(this.db, organization);
    await this.db.query(
      `INSERT INTO curator_channels (workspace_id, platform, conversation_id) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id, platform) DO UPDATE SET conversation_id = $3, updated_at = now()`,
      [organization, platform, conversationId],
    );
  }
}

/**
 * The platform EARSHOT_CURATOR_CHANNEL is on: Teams conversation ids always have a colon (`19:…`),
 * Slack channel ids and names never do.
 */
function platformOfChannel(channel: string): ChatPlatform {
  return channel.includes(':') ? 'teams' : 'slack';
}

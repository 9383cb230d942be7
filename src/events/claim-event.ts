import type { Database } from '../db/database.ts';

/**
 * Records that an inbound event is being handled and says whether this caller won it. Chat platforms
 * redeliver events (Slack retries after 3 s, Teams on timeouts); only the first claim, in any process,
 * across restarts, gets to act on it.
 */
export async function claimEvent(
  db: Database,
  event: { platform: 'slack' | 'teams'; workspaceId: string; eventId: string },
): Promise<boolean> {
  const rows = await db.query<{ event_id: string }>(
    `INSERT INTO processed_events (platform, workspace_id, event_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [event.platform, event.workspaceId, event.eventId],
  );
  return rows.length === 1;
}

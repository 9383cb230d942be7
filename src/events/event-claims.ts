import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';

export type EventPlatform = 'slack' | 'teams';

export interface EventKey {
  platform: EventPlatform;
  workspaceId: string;
  eventId: string;
}

/** The right to handle one event, held until the lease runs out unless renewed; `token` proves it is still ours. */
export interface Claim {
  key: EventKey;
  token: string;
  /** 1 for the first holder; each takeover after a crash adds one. */
  attempts: number;
  payload: unknown;
}

export type Settlement = 'done' | 'failed';

interface ClaimRow {
  platform: EventPlatform;
  workspace_id: string;
  event_id: string;
  claim_token: string;
  attempts: number;
  payload: unknown;
}

const LEASE = `now() + make_interval(secs => $1::double precision / 1000)`;

/**
 * The ledger of inbound events (`processed_events`). Chat platforms redeliver events, and processes
 * crash: an event is claimed with a lease before any work, settled once answered (or apologised for),
 * and a claim whose holder vanished is taken over when its lease runs out. So each event is handled
 * once, by one process at a time, and never dropped because its first holder died.
 */
export class EventClaims {
  constructor(
    private readonly db: Database,
    readonly leaseMs: number,
  ) {}

  /** Takes a new event (storing what a takeover would need); null when it is handled or being handled. */
  async claim(key: EventKey, payload: unknown): Promise<Claim | null> {
    const rows = await this.db.query<ClaimRow>(
      `INSERT INTO processed_events (platform, workspace_id, event_id, status, lease_until, claim_token, payload)
       VALUES ($2, $3, $4, 'handling', ${LEASE}, $5, $6::jsonb)
       ON CONFLICT (platform, workspace_id, event_id) DO UPDATE
         SET lease_until = ${LEASE}, claim_token = EXCLUDED.claim_token,
             attempts = processed_events.attempts + 1
         WHERE processed_events.status = 'handling' AND processed_events.lease_until < now()
       RETURNING platform, workspace_id, event_id, claim_token, attempts, payload`,
      [
        this.leaseMs,
        key.platform,
        key.workspaceId,
        key.eventId,
        randomUUID(),
        JSON.stringify(payload ?? null),
      ],
    );
    return rows[0] ? claimOf(rows[0]) : null;
  }

  /** Extends the lease (and replaces the stored payload when one is given); false when the claim was lost. */
  async renew(claim: Claim, payload?: unknown): Promise<boolean> {
    const params: unknown[] = [this.leaseMs, ...keyParams(claim), claim.token];
    if (payload !== undefined) params.push(JSON.stringify(payload));
    const rows = await this.db.query(
      `UPDATE processed_events SET lease_until = ${LEASE}${payload === undefined ? '' : ', payload = $6::jsonb'}
       WHERE platform = $2 AND workspace_id = $3 AND event_id = $4 AND claim_token = $5 AND status = 'handling'
       RETURNING 1`,
      params,
    );
    if (rows.length === 1 && payload !== undefined) claim.payload = payload;
    return rows.length === 1;
  }

  /** Ends the claim: done (answered) or failed (given up, with an apology). Redeliveries are then skipped. */
  async settle(claim: Claim, status: Settlement): Promise<void> {
    await this.db.query(
      `UPDATE processed_events SET status = $5, lease_until = NULL, payload = NULL
       WHERE platform = $1 AND workspace_id = $2 AND event_id = $3 AND claim_token = $4`,
      [...keyParams(claim), claim.token, status],
    );
  }

  /** Takes over claims whose holder let the lease run out (it crashed, or lost the database for too long). */
  async takeAbandoned(platform: EventPlatform, limit = 20): Promise<Claim[]> {
    const rows = await this.db.query<ClaimRow>(
      `UPDATE processed_events t SET lease_until = ${LEASE}, claim_token = $4, attempts = t.attempts + 1
       FROM (SELECT platform, workspace_id, event_id FROM processed_events
             WHERE platform = $2 AND status = 'handling' AND lease_until < now()
             ORDER BY lease_until LIMIT $3 FOR UPDATE SKIP LOCKED) due
       WHERE t.platform = due.platform AND t.workspace_id = due.workspace_id AND t.event_id = due.event_id
       RETURNING t.platform, t.workspace_id, t.event_id, t.claim_token, t.attempts, t.payload`,
      [this.leaseMs, platform, limit, randomUUID()],
    );
    return rows.map(claimOf);
  }
}

function keyParams(claim: Claim): [string, string, string] {
  return [claim.key.platform, claim.key.workspaceId, claim.key.eventId];
}

function claimOf(row: ClaimRow): Claim {
  return {
    key: { platform: row.platform, workspaceId: row.workspace_id, eventId: row.event_id },
    token: row.claim_token,
    attempts: row.attempts,
    payload: row.payload,
  };
}

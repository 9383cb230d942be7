import type { Database } from '../db/database.ts';
import type { ChatPlatform } from '../delivery/people-directory.ts';
import type { DigestChannel } from './digest-subscriptions.ts';

export interface DigestRun extends DigestChannel {
  id: number;
  subscriptionId: number | null;
  scheduledFor: Date;
  periodFrom: Date;
  periodTo: Date;
  topics: string[];
  forCurators: boolean;
  timeZone: string;
  manual: boolean;
  late: boolean;
  status: 'posting' | 'posted' | 'failed';
  attempts: number;
  messageId: string | null;
  lastError: string | null;
}

export interface NewRun extends DigestChannel {
  subscriptionId: number | null;
  scheduledFor: Date;
  periodFrom: Date;
  periodTo: Date;
  topics: string[];
  forCurators: boolean;
  timeZone: string;
  manual: boolean;
  late: boolean;
  now: Date;
}

interface RunRow {
  id: number;
  subscription_id: number | null;
  platform: string;
  workspace_id: string;
  conversation_id: string;
  scheduled_for: Date | string;
  period_from: Date | string;
  period_to: Date | string;
  topics: string[];
  for_curators: boolean;
  time_zone: string;
  manual: boolean;
  late: boolean;
  status: string;
  attempts: number;
  message_id: string | null;
  last_error: string | null;
}

/**
 * The digests posted or being posted. The row is the claim: (subscription, scheduled time) is unique,
 * so whichever process inserts it first posts that period and every other process skips it.
 */
export class DigestRuns {
  constructor(private readonly db: Database) {}

  /** The new run, or null when another process (or an earlier start) already claimed this period. */
  async claim(run: NewRun): Promise<DigestRun | null> {
    const rows = await this.db.query<RunRow>(
      `INSERT INTO digest_runs (subscription_id, platform, workspace_id, conversation_id, scheduled_for,
                                period_from, period_to, topics, for_curators, time_zone, manual, late,
                                status, attempts, claimed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'posting', 1, $13)
       ON CONFLICT (subscription_id, scheduled_for) DO NOTHING
       RETURNING *`,
      [
        run.subscriptionId,
        run.platform,
        run.workspaceId,
        run.conversationId,
        run.scheduledFor.toISOString(),
        run.periodFrom.toISOString(),
        run.periodTo.toISOString(),
        run.topics,
        run.forCurators,
        run.timeZone,
        run.manual,
        run.late,
        run.now.toISOString(),
      ],
    );
    return rows[0] ? toRun(rows[0]) : null;
  }

  /** Failed runs due for another try, and runs whose poster died mid-way, claimed again. */
  async claimRetries(platforms: ChatPlatform[], now: Date, staleBefore: Date): Promise<DigestRun[]> {
    if (platforms.length === 0) return [];
    const rows = await this.db.query<RunRow>(
      `WITH due AS (
         SELECT id FROM digest_runs
         WHERE platform = ANY($1)
           AND ((status = 'failed' AND retry_at <= $2) OR (status = 'posting' AND claimed_at < $3))
         ORDER BY scheduled_for, id LIMIT 100
         FOR UPDATE SKIP LOCKED)
       UPDATE digest_runs r SET status = 'posting', claimed_at = $2, retry_at = NULL, attempts = r.attempts + 1
       FROM due WHERE r.id = due.id
       RETURNING r.*`,
      [platforms, now.toISOString(), staleBefore.toISOString()],
    );
    return rows.map(toRun);
  }

  async markPosted(id: number, messageId: string | undefined, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE digest_runs SET status = 'posted', posted_at = $2, message_id = $3, last_error = NULL
       WHERE id = $1`,
      [id, now.toISOString(), messageId ?? null],
    );
  }

  /** `retryAt` null gives up: the run stays failed, visible in `earshot digest list`. */
  async markFailed(id: number, error: string, retryAt: Date | null): Promise<void> {
    await this.db.query(
      `UPDATE digest_runs SET status = 'failed', last_error = $2, retry_at = $3 WHERE id = $1`,
      [id, error.slice(0, 500), retryAt?.toISOString() ?? null],
    );
  }

  /** The end of the latest digest period of the channel (scheduled or manual, posted or on its way). */
  async lastPeriodEnd(channel: DigestChannel): Promise<Date | null> {
    const rows = await this.db.query<{ period_to: Date | string }>(
      `SELECT period_to FROM digest_runs
       WHERE platform = $1 AND workspace_id = $2 AND conversation_id = $3
       ORDER BY period_to DESC LIMIT 1`,
      [channel.platform, channel.workspaceId, channel.conversationId],
    );
    return rows[0] ? new Date(rows[0].period_to) : null;
  }

  /** The latest scheduled time claimed per subscription, to skip those already done without a claim. */
  async latestScheduled(subscriptionIds: number[]): Promise<Map<number, Date>> {
    if (subscriptionIds.length === 0) return new Map();
    const rows = await this.db.query<{ subscription_id: number; latest: Date | string }>(
      `SELECT subscription_id, max(scheduled_for) AS latest FROM digest_runs
       WHERE subscription_id = ANY($1) GROUP BY subscription_id`,
      [subscriptionIds],
    );
    return new Map(rows.map((row) => [row.subscription_id, new Date(row.latest)]));
  }

  async recent(channel: Partial<DigestChannel>, limit: number): Promise<DigestRun[]> {
    const rows = await this.db.query<RunRow>(
      `SELECT * FROM digest_runs
       WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR workspace_id = $2)
         AND ($3::text IS NULL OR conversation_id = $3)
       ORDER BY scheduled_for DESC, id DESC LIMIT $4`,
      [channel.platform ?? null, channel.workspaceId ?? null, channel.conversationId ?? null, limit],
    );
    return rows.map(toRun);
  }
}

function toRun(row: RunRow): DigestRun {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    platform: row.platform as ChatPlatform,
    workspaceId: row.workspace_id,
    conversationId: row.conversation_id,
    scheduledFor: new Date(row.scheduled_for),
    periodFrom: new Date(row.period_from),
    periodTo: new Date(row.period_to),
    topics: row.topics,
    forCurators: row.for_curators,
    timeZone: row.time_zone,
    manual: row.manual,
    late: row.late,
    status: row.status as DigestRun['status'],
    attempts: row.attempts,
    messageId: row.message_id,
    lastError: row.last_error,
  };
}

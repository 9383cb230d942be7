import { createHash } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import type { Database, SqlSession } from '../../db/database.ts';
import { refreshStatisticsAfterWrite } from '../../db/planner-statistics.ts';
import { accountNameKey, domainKey } from '../accounts/account-keys.ts';
import type { TriggerEventInput } from './trigger-event.ts';

/** Events older than this are stored and listed but not alerted: a late file must not flood reps. */
export const ALERT_MAX_AGE_DAYS = 30;

export interface IngestResult {
  received: number;
  stored: number;
  /** Already stored earlier (a retried webhook, a re-imported file). */
  duplicates: number;
  matched: number;
  /** New events with no matching account: kept, and listed by `earshot triggers list --unmatched`. */
  unmatched: Array<{ title: string; account: { name?: string; domain?: string } }>;
  alertsQueued: number;
}

interface AccountKeys {
  id: number;
  name_key: string;
  domain: string | null;
}

/**
 * Stores trigger events once each, matches them to accounts (domain first, then normalized name) and
 * queues one alert per (event, owner), all in one transaction: a failed batch stores nothing.
 */
export async function ingestTriggers(options: {
  db: Database;
  clock: Clock;
  workspaceId: string;
  events: TriggerEventInput[];
  source: 'webhook' | 'import';
}): Promise<IngestResult> {
  const { db, workspaceId, events } = options;
  const now = options.clock.now();
  const result = await db.transaction(async (session) => {
    const match = await accountMatcher(session, workspaceId);
    const rows = events.map((event) => {
      const domain = event.account.domain ? domainKey(event.account.domain) : null;
      return {
        type: event.type,
        title: event.title,
        url: event.url ?? null,
        occurred_at: event.occurredAt.toISOString(),
        account_name: event.account.name ?? null,
        account_domain: domain,
        account_id: match({ name: event.account.name, domain }),
        dedupe_key: dedupeKey(event, domain),
      };
    });
    const stored = await session.query<{ id: number; account_id: number | null; dedupe_key: string }>(
      `INSERT INTO trigger_events (workspace_id, type, title, url, occurred_at, account_name, account_domain,
         account_id, dedupe_key, source, received_at)
       SELECT $1, r.type::"TriggerType", r.title, r.url, r.occurred_at, r.account_name, r.account_domain,
         r.account_id, r.dedupe_key, $3, $4
       FROM jsonb_to_recordset($2::jsonb) AS r(type text, title text, url text, occurred_at timestamptz,
         account_name text, account_domain text, account_id int, dedupe_key text)
       ON CONFLICT (workspace_id, dedupe_key) DO NOTHING
       RETURNING id, account_id, dedupe_key`,
      [workspaceId, JSON.stringify(rows), options.source, now.toISOString()],
    );
    const storedKeys = new Set(stored.map((row) => row.dedupe_key));
    const unmatched = events.filter((_, i) => {
      const row = rows[i];
      return row !== undefined && row.account_id === null && storedKeys.delete(row.dedupe_key);
    });
    const matchedIds = stored.filter((row) => row.account_id !== null).map((row) => row.id);
    const alertsQueued = await queueAlerts(session, { workspaceId, triggerIds: matchedIds, now });
    return {
      received: events.length,
      stored: stored.length,
      duplicates: events.length - stored.length,
      matched: matchedIds.length,
      unmatched: unmatched.map((event) => ({ title: event.title, account: event.account })),
      alertsQueued,
    };
  });
  await refreshStatisticsAfterWrite(db, result.stored, ['trigger_events']);
  return result;
}

/**
 * Matches stored events that had no account to accounts imported since, and queues their alerts when
 * still recent. Safe to run any number of times.
 */
export async function rematchTriggers(
  db: Database,
  options: { workspaceId: string; now: Date },
): Promise<{ triggersMatched: number; alertsQueued: number }> {
  return db.transaction(async (session) => {
    const waiting = await session.query<{
      id: number;
      account_name: string | null;
      account_domain: string | null;
    }>(
      `SELECT id, account_name, account_domain FROM trigger_events
       WHERE workspace_id = $1 AND account_id IS NULL FOR UPDATE`,
      [options.workspaceId],
    );
    if (waiting.length === 0) return { triggersMatched: 0, alertsQueued: 0 };
    const match = await accountMatcher(session, options.workspaceId);
    const matches = waiting
      .map((event) => ({
        id: event.id,
        account_id: match({ name: event.account_name ?? undefined, domain: event.account_domain }),
      }))
      .filter((event) => event.account_id !== null);
    if (matches.length === 0) return { triggersMatched: 0, alertsQueued: 0 };
    await session.query(
      `UPDATE trigger_events t SET account_id = m.account_id
       FROM jsonb_to_recordset($1::jsonb) AS m(id int, account_id int) WHERE t.id = m.id`,
      [JSON.stringify(matches)],
    );
    const alertsQueued = await queueAlerts(session, {
      workspaceId: options.workspaceId,
      triggerIds: matches.map((event) => event.id),
      now: options.now,
    });
    return { triggersMatched: matches.length, alertsQueued };
  });
}

/** One alert per (event, owner), due now; the unique key makes a second attempt a no-op. */
export async function queueAlerts(
  session: SqlSession,
  options: { workspaceId: string; triggerIds: number[]; now: Date },
): Promise<number> {
  if (options.triggerIds.length === 0) return 0;
  const oldest = new Date(options.now.getTime() - ALERT_MAX_AGE_DAYS * 86_400_000);
  const queued = await session.query<{ id: number }>(
    `INSERT INTO nudges (workspace_id, trigger_id, account_id, owner_email, due_at, created_at)
     SELECT t.workspace_id, t.id, a.id, a.owner_email, $3, $3
     FROM trigger_events t JOIN accounts a ON a.id = t.account_id
     WHERE t.workspace_id = $1 AND t.id = ANY($2::int[]) AND t.occurred_at >= $4
     ON CONFLICT (trigger_id, owner_email) DO NOTHING
     RETURNING id`,
    [
      options.workspaceId,
      `{${options.triggerIds.join(',')}}`,
      options.now.toISOString(),
      oldest.toISOString(),
    ],
  );
  return queued.length;
}

async function accountMatcher(session: SqlSession, workspaceId: string) {
  const accounts = await session.query<AccountKeys>(
    'SELECT id, name_key, domain FROM accounts WHERE workspace_id = $1',
    [workspaceId],
  );
  const byDomain = new Map<string, number>();
  const byName = new Map<string, number>();
  for (const account of accounts) {
    if (account.domain) byDomain.set(account.domain, account.id);
    if (!byName.has(account.name_key)) byName.set(account.name_key, account.id);
  }
  return (event: { name?: string; domain: string | null }): number | null =>
    (event.domain ? byDomain.get(event.domain) : undefined) ??
    (event.name ? byName.get(accountNameKey(event.name)) : undefined) ??
    null;
}

function dedupeKey(event: TriggerEventInput, domain: string | null): string {
  const account = domain ?? accountNameKey(event.account.name ?? '');
  return createHash('sha256')
    .update(
      [event.type, account, event.title.trim().toLowerCase(), event.occurredAt.toISOString()].join('\n'),
    )
    .digest('hex')
    .slice(0, 32);
}

import type { SqlSession } from '../../db/database.ts';
import { mergeCurators } from '../curation/merge-curators.ts';

/** What a merge moved, and where two organizations held the same thing and one copy was kept. */
export interface MergeReport {
  entries: number;
  questions: number;
  accounts: number;
  references: number;
  installations: number;
  /** One line per conflict, saying what was kept and what became of the other copy. */
  conflicts: string[];
}

const MAX_LISTED = 20;

/**
 * Moves everything of organization `from` into `into` and deletes `from`, inside the caller's
 * transaction. Nothing is lost: an entry whose externalId `into` already uses keeps its text under
 * `<externalId>@<from>`; the same account, reference or trigger held by both becomes one, with what
 * only `from` knew filled in and everything that pointed at `from`'s copy pointing at the kept one.
 */
export async function mergeOrganizations(
  session: SqlSession,
  from: string,
  into: string,
): Promise<MergeReport> {
  const conflicts: string[] = [];
  const note = (lines: string[], total: number) => {
    conflicts.push(...lines.slice(0, MAX_LISTED));
    if (total > MAX_LISTED) conflicts.push(`… and ${total - MAX_LISTED} more like these`);
  };

  const renamed = await session.query<{ external_id: string }>(
    `UPDATE entries b SET external_id = b.external_id || '@' || $1
     WHERE b.workspace_id = $1 AND b.external_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM entries a WHERE a.workspace_id = $2 AND a.external_id = b.external_id)
     RETURNING b.external_id`,
    [from, into],
  );
  note(
    renamed.map(
      ({ external_id }) =>
        `entry "${external_id.slice(0, -(from.length + 1))}" existed in both: the moved one is now "${external_id}"`,
    ),
    renamed.length,
  );
  const entries = await moved(session, 'entries', from, into);
  const questions = await moved(session, 'questions', from, into);
  await session.query(
    `DELETE FROM synonyms b WHERE b.workspace_id = $1
       AND EXISTS (SELECT 1 FROM synonyms a WHERE a.workspace_id = $2 AND a.pair_key = b.pair_key)`,
    [from, into],
  );
  await moved(session, 'synonyms', from, into);

  const accounts = await mergeAccounts(session, from, into, note);
  await mergeTriggers(session, from, into);
  await moved(session, 'nudges', from, into);
  const references = await mergeReferences(session, from, into, note);
  await moved(session, 'reference_requests', from, into);

  // Chat-side rows are keyed by platform ids that two installations never share; a duplicate is the same fact.
  for (const [table, key] of [
    ['processed_events', 'platform, event_id'],
    ['watched_channels', 'platform, conversation_id'],
    ['conversation_refs', 'platform, conversation_id'],
    ['chat_people', 'platform, user_id'],
    ['digest_subscriptions', 'platform, conversation_id'],
  ] as const) {
    await session.query(
      `DELETE FROM ${table} b WHERE b.workspace_id = $1
         AND EXISTS (SELECT 1 FROM ${table} a WHERE a.workspace_id = $2 AND (${qualified('a', key)}) = (${qualified('b', key)}))`,
      [from, into],
    );
    await moved(session, table, from, into);
  }
  await moved(session, 'digest_runs', from, into);
  conflicts.push(...(await mergeCurators(session, from, into)));
  await moved(session, 'console_audit_events', from, into);
  // Console sign-in links and sessions go with the merged organization: its people sign in again.
  const installations = await moved(session, 'installations', from, into);
  await session.query('DELETE FROM workspaces WHERE id = $1', [from]);
  return { entries, questions, accounts, references, installations, conflicts };
}

async function moved(session: SqlSession, table: string, from: string, into: string): Promise<number> {
  const rows = await session.query<{ n: number }>(
    `WITH moved AS (UPDATE ${table} SET workspace_id = $2 WHERE workspace_id = $1 RETURNING 1)
     SELECT count(*)::int AS n FROM moved`,
    [from, into],
  );
  return rows[0]?.n ?? 0;
}

function qualified(alias: string, columns: string): string {
  return columns
    .split(',')
    .map((column) => `${alias}.${column.trim()}`)
    .join(', ');
}

/** Accounts with the same name or domain become one; the kept one gains what only the other knew. */
async function mergeAccounts(
  session: SqlSession,
  from: string,
  into: string,
  note: (lines: string[], total: number) => void,
): Promise<number> {
  const pairs = await session.query<{
    kept: number;
    dropped: number;
    name: string;
    kept_owner: string;
    other_owner: string;
  }>(
    `SELECT DISTINCT ON (b.id) a.id AS kept, b.id AS dropped, a.name, a.owner_email AS kept_owner, b.owner_email AS other_owner
     FROM accounts b JOIN accounts a ON a.workspace_id = $2
       AND (a.name_key = b.name_key OR (a.domain IS NOT NULL AND a.domain = b.domain))
     WHERE b.workspace_id = $1 ORDER BY b.id, a.id`,
    [from, into],
  );
  for (const pair of pairs) {
    await session.query(
      `UPDATE accounts a SET domain = coalesce(a.domain, b.domain), industry = coalesce(a.industry, b.industry),
         owner_slack_id = coalesce(a.owner_slack_id, b.owner_slack_id),
         owner_teams_id = coalesce(a.owner_teams_id, b.owner_teams_id), updated_at = now()
       FROM accounts b WHERE a.id = $1 AND b.id = $2
         AND NOT EXISTS (SELECT 1 FROM accounts c WHERE c.workspace_id = a.workspace_id AND c.id <> a.id
                           AND c.domain = b.domain)`,
      [pair.kept, pair.dropped],
    );
    await session.query('UPDATE trigger_events SET account_id = $1 WHERE account_id = $2', [
      pair.kept,
      pair.dropped,
    ]);
    await session.query('UPDATE nudges SET account_id = $1 WHERE account_id = $2', [pair.kept, pair.dropped]);
    await session.query('DELETE FROM accounts WHERE id = $1', [pair.dropped]);
  }
  const differing = pairs.filter((pair) => pair.kept_owner !== pair.other_owner);
  note(
    differing.map(
      (pair) =>
        `account "${pair.name}" was owned by ${pair.kept_owner} and by ${pair.other_owner}: ${pair.kept_owner} kept`,
    ),
    differing.length,
  );
  return (await moved(session, 'accounts', from, into)) + pairs.length;
}

/** The same trigger received by both (same dedupe key) is one event: its alerts go to the kept one. */
async function mergeTriggers(session: SqlSession, from: string, into: string): Promise<void> {
  const pairs = await session.query<{ kept: number; dropped: number }>(
    `SELECT a.id AS kept, b.id AS dropped FROM trigger_events b
     JOIN trigger_events a ON a.workspace_id = $2 AND a.dedupe_key = b.dedupe_key
     WHERE b.workspace_id = $1`,
    [from, into],
  );
  for (const pair of pairs) {
    // An owner alerted about the event in both keeps the kept trigger's alert.
    await session.query(
      `UPDATE nudges n SET trigger_id = $1 WHERE n.trigger_id = $2
         AND NOT EXISTS (SELECT 1 FROM nudges k WHERE k.trigger_id = $1 AND k.owner_email = n.owner_email)`,
      [pair.kept, pair.dropped],
    );
    await session.query('DELETE FROM trigger_events WHERE id = $1', [pair.dropped]);
  }
  await moved(session, 'trigger_events', from, into);
}

/** The same reference customer in both becomes one; its requests (and so its usage limits) add up. */
async function mergeReferences(
  session: SqlSession,
  from: string,
  into: string,
  note: (lines: string[], total: number) => void,
): Promise<number> {
  const pairs = await session.query<{ kept: number; dropped: number; account: string }>(
    `SELECT a.id AS kept, b.id AS dropped, a.account FROM "references" b
     JOIN "references" a ON a.workspace_id = $2 AND a.account_key = b.account_key
     WHERE b.workspace_id = $1`,
    [from, into],
  );
  for (const pair of pairs) {
    await session.query('UPDATE reference_requests SET reference_id = $1 WHERE reference_id = $2', [
      pair.kept,
      pair.dropped,
    ]);
    await session.query(
      `UPDATE "references" a SET owner_email = coalesce(a.owner_email, b.owner_email),
         owner_chat_id = coalesce(a.owner_chat_id, b.owner_chat_id), updated_at = now()
       FROM "references" b WHERE a.id = $1 AND b.id = $2`,
      [pair.kept, pair.dropped],
    );
    await session.query('DELETE FROM "references" WHERE id = $1', [pair.dropped]);
  }
  note(
    pairs.map((pair) => `reference "${pair.account}" was in both: one kept, with the requests of both`),
    pairs.length,
  );
  return (await moved(session, '"references"', from, into)) + pairs.length;
}

import type { SqlSession } from '../../db/database.ts';
import type { EntryInput } from '../entry.ts';
import { titleFromBody } from './entry-title.ts';

export interface WriteResult {
  inserted: number;
  updated: number;
  ids: number[];
}

const BATCH_SIZE = 1000;

/**
 * Inserts entries, or updates those whose externalId the workspace already has, in batches of
 * one statement each. A re-import keeps a curator's status decision unless the file sets one.
 * Entries private to a conversation are never updated (importEntries refuses them first).
 */
export async function writeEntries(
  session: SqlSession,
  workspaceId: string,
  entries: EntryInput[],
  onBatch?: (written: number) => void,
): Promise<WriteResult> {
  const result: WriteResult = { inserted: 0, updated: 0, ids: [] };
  let written = 0;
  for (const group of groupByGivenFields(entries)) {
    for (let start = 0; start < group.entries.length; start += BATCH_SIZE) {
      const batch = group.entries.slice(start, start + BATCH_SIZE).map(toRecord);
      const rows = await session.query<{ id: number; inserted: boolean }>(upsertSql(group), [
        workspaceId,
        JSON.stringify(batch),
      ]);
      for (const row of rows) {
        result.ids.push(row.id);
        if (row.inserted) result.inserted += 1;
        else result.updated += 1;
      }
      written += batch.length;
      onBatch?.(written);
    }
  }
  return result;
}

interface GivenFields {
  status: boolean;
  createdAt: boolean;
}

/** On update, a field the file leaves out keeps its stored value, so each combination needs its own statement. */
function groupByGivenFields(entries: EntryInput[]): Array<GivenFields & { entries: EntryInput[] }> {
  const groups = new Map<string, GivenFields & { entries: EntryInput[] }>();
  for (const entry of entries) {
    const given = { status: entry.status !== undefined, createdAt: entry.createdAt !== undefined };
    const key = `${given.status}/${given.createdAt}`;
    const group = groups.get(key) ?? { ...given, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function toRecord(entry: EntryInput) {
  return {
    external_id: entry.externalId ?? null,
    kind: entry.kind,
    title: entry.title ?? titleFromBody(entry.body),
    body: entry.body,
    source_url: entry.source?.url ?? null,
    source_channel: entry.source?.channel ?? null,
    source_author: entry.source?.author ?? null,
    source_account: entry.source?.account ?? null,
    contributor: entry.contributor ?? null,
    topics: entry.topics ?? [],
    stage: entry.stage ?? null,
    industry: entry.industry ?? null,
    roles: entry.roles ?? [],
    status: entry.status ?? null,
    review_by: entry.reviewBy?.toISOString() ?? null,
    created_at: entry.createdAt?.toISOString() ?? null,
  };
}

// One JSON parameter per batch: a single round trip, and arrays (topics) survive intact.
const upsertSql = (given: GivenFields) => `
INSERT INTO entries AS e (workspace_id, external_id, kind, title, body, source_url, source_channel, source_author,
  source_account, contributor, topics, stage, industry, roles, status, review_by, created_at, updated_at)
SELECT $1, r.external_id, r.kind::"EntryKind", r.title, r.body, r.source_url, r.source_channel, r.source_author,
  r.source_account, r.contributor, ARRAY(SELECT jsonb_array_elements_text(r.topics)), r.stage::"BuyingStage",
  r.industry, ARRAY(SELECT jsonb_array_elements_text(r.roles)),
  COALESCE(r.status, 'published')::"EntryStatus", r.review_by, COALESCE(r.created_at, now()), now()
FROM jsonb_to_recordset($2::jsonb) AS r(external_id text, kind text, title text, body text, source_url text,
  source_channel text, source_author text, source_account text, contributor text, topics jsonb, stage text,
  industry text, roles jsonb, status text, review_by timestamptz, created_at timestamptz)
ON CONFLICT (workspace_id, external_id) DO UPDATE SET
  kind = EXCLUDED.kind, title = EXCLUDED.title, body = EXCLUDED.body, source_url = EXCLUDED.source_url,
  source_channel = EXCLUDED.source_channel, source_author = EXCLUDED.source_author,
  source_account = EXCLUDED.source_account, contributor = EXCLUDED.contributor, topics = EXCLUDED.topics,
  stage = EXCLUDED.stage, industry = EXCLUDED.industry, roles = EXCLUDED.roles, review_by = EXCLUDED.review_by, updated_at = now()
  ${given.status ? ', status = EXCLUDED.status' : ''}${given.createdAt ? ', created_at = EXCLUDED.created_at' : ''}
  WHERE e.audience IS NULL
RETURNING id, (xmax = 0) AS inserted`;

import type { Database } from '../../src/db/database.ts';
import { toEntry } from '../../src/knowledge/entries/entry-store.ts';
import type { Entry, EntryInput } from '../../src/knowledge/entry.ts';
import { ensureWorkspace } from '../../src/knowledge/workspaces/ensure-workspace.ts';

let counter = 0;

/** Stores one entry with sensible defaults; pass only what the test is about. */
export async function seedEntry(
  db: Database,
  overrides: Partial<Omit<EntryInput, 'source' | 'status'>> & {
    workspaceId?: string;
    author?: string;
    account?: string;
    url?: string;
    channel?: string;
    status?: Entry['status'];
    audience?: string | null;
  } = {},
): Promise<Entry> {
  counter += 1;
  const workspaceId = overrides.workspaceId ?? 'acme';
  await ensureWorkspace(db, workspaceId);
  const row = await db.prisma.entry.create({
    data: {
      workspaceId,
      externalId: overrides.externalId ?? null,
      kind: overrides.kind ?? 'chatter',
      title: overrides.title ?? `Entry ${counter}`,
      body: overrides.body ?? `Something a rep heard, number ${counter}.`,
      sourceAuthor: overrides.author ?? null,
      sourceAccount: overrides.account ?? null,
      sourceUrl: overrides.url ?? null,
      sourceChannel: overrides.channel ?? null,
      contributor: overrides.contributor ?? null,
      topics: overrides.topics ?? [],
      stage: overrides.stage ?? null,
      industry: overrides.industry ?? null,
      roles: overrides.roles ?? [],
      status: overrides.status ?? 'published',
      reviewBy: overrides.reviewBy ?? null,
      audience: overrides.audience ?? null,
      createdAt: overrides.createdAt ?? new Date(),
    },
  });
  return toEntry(row);
}

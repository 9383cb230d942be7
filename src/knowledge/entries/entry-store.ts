import type { Database } from '../../db/database.ts';
import { EarshotError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { BuyingStage, Entry, EntryKind, EntryStatus } from '../entry.ts';

export interface EntryFilter {
  workspaceId: string;
  status?: EntryStatus;
  kind?: EntryKind;
  /** Only entries for this industry (their own, compared case-insensitively). */
  industry?: string;
  /** Only entries tagged with this canonical buyer role. */
  role?: string;
  /** Only entries with this topic (topics are stored lower-cased). */
  topic?: string;
  stage?: BuyingStage;
  /** Only entries with this audience (null: public ones); omitted, any. */
  audience?: string | null;
  /** Also entries private to one of these conversations, beside those `audience` selects. */
  orPrivateTo?: readonly string[];
  /** Only entries whose author or contributor contains this, compared case-insensitively. */
  author?: string;
  /** Only entries added at or after this moment. */
  since?: Date;
  limit?: number;
}

/** The database condition for a filter; `list` and anything that reads the same entries in bulk use it. */
export function entryWhere(filter: Omit<EntryFilter, 'limit'>): Prisma.EntryWhereInput {
  return {
    workspaceId: filter.workspaceId,
    status: filter.status,
    kind: filter.kind,
    ...(filter.orPrivateTo?.length
      ? { AND: [{ OR: [{ audience: filter.audience }, { audience: { in: [...filter.orPrivateTo] } }] }] }
      : { audience: filter.audience }),
    ...(filter.industry ? { industry: { equals: filter.industry, mode: 'insensitive' as const } } : {}),
    ...(filter.role ? { roles: { has: filter.role } } : {}),
    ...(filter.topic ? { topics: { has: filter.topic.toLowerCase() } } : {}),
    ...(filter.author
      ? {
          OR: [
            { sourceAuthor: { contains: filter.author, mode: 'insensitive' as const } },
            { contributor: { contains: filter.author, mode: 'insensitive' as const } },
          ],
        }
      : {}),
    ...(filter.since ? { createdAt: { gte: filter.since } } : {}),
    stage: filter.stage,
  };
}

export interface EntryEdit {
  kind?: EntryKind;
  title?: string;
  body?: string;
  topics?: string[];
  stage?: BuyingStage | null;
  industry?: string | null;
  roles?: string[];
  reviewBy?: Date | null;
  /** The account the entry is about. */
  sourceAccount?: string | null;
}

/** Reads and changes stored entries; every call is scoped to one workspace. */
export class EntryStore {
  constructor(private readonly db: Database) {}

  /** Newest first; a review queue lists oldest first, so the longest waiting are seen first. */
  async list(filter: EntryFilter, order: 'newest' | 'oldest' = 'newest'): Promise<Entry[]> {
    const direction = order === 'newest' ? 'desc' : 'asc';
    const rows = await this.db.prisma.entry.findMany({
      where: entryWhere(filter),
      orderBy: [{ createdAt: direction }, { id: direction }],
      take: filter.limit,
    });
    return rows.map(toEntry);
  }

  async count(filter: Omit<EntryFilter, 'limit'>): Promise<number> {
    return this.db.prisma.entry.count({ where: entryWhere(filter) });
  }

  /** Entries by id in the order asked, skipping ids that are not in this workspace. */
  async getMany(workspaceId: string, ids: number[]): Promise<Entry[]> {
    const rows = await this.db.prisma.entry.findMany({ where: { workspaceId, id: { in: ids } } });
    const byId = new Map(rows.map((row) => [row.id, toEntry(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async get(workspaceId: string, id: number): Promise<Entry> {
    const row = await this.db.prisma.entry.findFirst({ where: { workspaceId, id } });
    if (!row) throw notFound(workspaceId, id);
    return toEntry(row);
  }

  async setStatus(workspaceId: string, id: number, status: EntryStatus): Promise<Entry> {
    return this.update(workspaceId, id, { status });
  }

  async edit(workspaceId: string, id: number, edit: EntryEdit): Promise<Entry> {
    return this.update(workspaceId, id, edit);
  }

  private async update(workspaceId: string, id: number, data: Prisma.EntryUpdateManyMutationInput) {
    const { count } = await this.db.prisma.entry.updateMany({ where: { workspaceId, id }, data });
    if (count === 0) throw notFound(workspaceId, id);
    return this.get(workspaceId, id);
  }
}

function notFound(workspaceId: string, id: number) {
  return new EarshotError({
    code: 'not_found',
    message: `No entry ${id} in workspace "${workspaceId}". List entries with: earshot entries list --workspace ${workspaceId}`,
  });
}

type EntryRow = Awaited<ReturnType<Database['prisma']['entry']['findFirstOrThrow']>>;

export function toEntry(row: EntryRow): Entry {
  const { changeSeq: _changeSeq, ...entry } = row;
  return entry;
}

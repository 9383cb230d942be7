import type { Database } from '../../db/database.ts';
import type { SearchFilters } from '../search/search-filters.ts';
import type { ThreadKey, ThreadState } from './thread-state.ts';

/**
 * Thread state in the database, so a follow-up is understood after a restart and by whichever replica
 * receives it. Two replies answered at the same moment both count; the later one's subject is kept.
 */
export class ConversationThreads {
  constructor(private readonly db: Database) {}

  async find(key: ThreadKey): Promise<ThreadState | null> {
    const row = await this.db.prisma.conversationThread.findUnique({
      where: { workspaceId_platform_conversationId_threadId: key },
    });
    if (!row) return null;
    return {
      audience: row.audience,
      question: row.question,
      subject: row.subject,
      filters: reviveFilters(row.filters),
      citedEntryIds: row.citedEntryIds,
      lastAnswer: row.lastAnswer,
      turns: row.turns,
      updatedAt: row.updatedAt,
    };
  }

  /** Deletes threads idle since before `before`: past the idle limit they can never be continued. */
  async forgetIdle(before: Date): Promise<number> {
    const { count } = await this.db.prisma.conversationThread.deleteMany({
      where: { updatedAt: { lt: before } },
    });
    return count;
  }

  async save(key: ThreadKey, state: ThreadState): Promise<void> {
    const data = {
      audience: state.audience,
      question: state.question,
      subject: state.subject,
      filters: storedFilters(state.filters),
      citedEntryIds: state.citedEntryIds,
      lastAnswer: state.lastAnswer,
      turns: state.turns,
      updatedAt: state.updatedAt,
    };
    await this.db.prisma.conversationThread.upsert({
      where: { workspaceId_platform_conversationId_threadId: key },
      create: { ...key, ...data, createdAt: state.updatedAt },
      update: data,
    });
  }
}

/** The filters as JSON: dates become ISO strings, which `reviveFilters` turns back. */
function storedFilters(filters: SearchFilters): { [key: string]: string | string[] } {
  return JSON.parse(JSON.stringify(filters)) as { [key: string]: string | string[] };
}

function reviveFilters(stored: unknown): SearchFilters {
  const raw = (stored ?? {}) as Record<string, unknown>;
  const filters: SearchFilters = { ...(raw as SearchFilters) };
  if (typeof raw.from === 'string') filters.from = new Date(raw.from);
  if (typeof raw.to === 'string') filters.to = new Date(raw.to);
  return filters;
}

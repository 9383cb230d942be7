import type { Database } from '../../db/database.ts';
import { EarshotError } from '../../errors.ts';
import { toEntry } from '../entries/entry-store.ts';
import type { Entry } from '../entry.ts';

/**
 * Folds a captured entry into an existing one: the target gains the source's text (when new) and
 * topics, and the source is archived, so the same intel is not reviewed or cited twice.
 */
export async function mergeEntry(
  db: Database,
  options: { workspaceId: string; sourceId: number; targetId: number },
): Promise<Entry> {
  const { workspaceId, sourceId, targetId } = options;
  if (sourceId === targetId) {
    throw new EarshotError({ code: 'invalid_input', message: 'An entry cannot be merged into itself' });
  }
  return db.prisma.$transaction(async (tx) => {
    const [source, target] = await Promise.all([
      tx.entry.findFirst({ where: { id: sourceId, workspaceId } }),
      tx.entry.findFirst({ where: { id: targetId, workspaceId } }),
    ]);
    if (!source || !target) {
      throw new EarshotError({
        code: 'not_found',
        message: `Entry ${source ? targetId : sourceId} is not in workspace "${workspaceId}"`,
        userMessage: 'One of those entries no longer exists. Refresh and try again.',
      });
    }
    if (source.audience !== null && source.audience !== target.audience) {
      throw new EarshotError({
        code: 'forbidden',
        message: `Entry ${sourceId} is private to ${source.audience}; merging it into ${targetId} would show it elsewhere`,
        userMessage:
          'That entry is private to its conversation, so it can only be merged into an entry from the same one.',
      });
    }
    const body = target.body.includes(source.body.trim()) ? target.body : `${target.body}\n\n${source.body}`;
    const topics = [...new Set([...target.topics, ...source.topics])];
    const merged = await tx.entry.update({ where: { id: target.id }, data: { body, topics } });
    await tx.entry.update({ where: { id: source.id }, data: { status: 'archived' } });
    return toEntry(merged);
  });
}

import type { Database } from '../../db/database.ts';
import { EarshotError } from '../../errors.ts';
import { toEntry } from '../entries/entry-store.ts';
import type { Entry } from '../entry.ts';

/**
 * Folds a captured entry into an existing one: the target gains the source's text (when new) and
 * topics, and the source is archived, so the same intel is not reviewed or cited twice. Only entries
 * with the same audience merge: merging never changes who may see any words.
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
    // Either way round would move words across audiences: private text into a public entry, or
    // public text into an entry only one conversation sees (and out of everyone else's answers).
    if (source.audience !== target.audience) {
      throw new EarshotError({
        code: 'forbidden',
        message: `Entry ${sourceId} (audience ${source.audience ?? 'everyone'}) and entry ${targetId} (audience ${target.audience ?? 'everyone'}) have different audiences`,
        userMessage:
          'Those entries are seen by different people (one is private to its conversation), so they cannot be merged.',
      });
    }
    const body = target.body.includes(source.body.trim()) ? target.body : `${target.body}\n\n${source.body}`;
    const topics = [...new Set([...target.topics, ...source.topics])];
    const merged = await tx.entry.update({ where: { id: target.id }, data: { body, topics } });
    await tx.entry.update({ where: { id: source.id }, data: { status: 'archived' } });
    return toEntry(merged);
  });
}

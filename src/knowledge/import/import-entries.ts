import type { Database, SqlSession } from '../../db/database.ts';
import { EarshotError } from '../../errors.ts';
import { type WriteResult, writeEntries } from '../entries/write-entries.ts';
import type { EntryInput } from '../entry.ts';
import { ensureWorkspace } from '../workspaces/ensure-workspace.ts';
import { parseEntryFile } from './parse-entry-file.ts';

export type ImportProgress =
  | { phase: 'reading'; file: string; records: number }
  | { phase: 'writing'; written: number; total: number };

export interface ImportResult {
  files: number;
  inserted: number;
  updated: number;
  entryIds: number[];
}

/**
 * Imports entry files into a workspace. Every file is read and validated before anything is written,
 * so a bad file stores nothing; everything is written in one transaction, except through a running
 * server on the embedded database (see `writeInParts`).
 */
export async function importEntries(options: {
  db: Database;
  workspaceId: string;
  files: string[];
  onProgress?: (progress: ImportProgress) => void;
  /** Applied to each validated entry before it is stored (the demo uses it to keep its dates recent). */
  transform?: (entry: EntryInput) => EntryInput;
}): Promise<ImportResult> {
  const { db, workspaceId, files, onProgress, transform = (entry) => entry } = options;
  const entries: EntryInput[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const parsed = await parseEntryFile(file, {
      onProgress: (records) => onProgress?.({ phase: 'reading', file, records }),
    });
    for (const { entry, line } of parsed) {
      if (entry.externalId) {
        const earlier = seen.get(entry.externalId);
        if (earlier) {
          throw new EarshotError({
            code: 'import_invalid',
            message: `${file} line ${line}: field "externalId": "${entry.externalId}" was already used at ${earlier}; externalIds must be unique across the imported files. Nothing was imported.`,
          });
        }
        seen.set(entry.externalId, `${file} line ${line}`);
      }
      entries.push(transform(entry));
    }
  }
  const written = await writeInParts(db, workspaceId, entries, seen, onProgress);
  return { files: files.length, inserted: written.inserted, updated: written.updated, entryIds: written.ids };
}

/**
 * One transaction where nobody waits on it; through the process that owns an embedded database (whose
 * own queries wait for each of ours) parts of `db.bulkRows` entries, so it keeps answering meanwhile.
 */
async function writeInParts(
  db: Database,
  workspaceId: string,
  entries: EntryInput[],
  lines: Map<string, string>,
  onProgress: ((progress: ImportProgress) => void) | undefined,
): Promise<WriteResult> {
  const partSize = db.bulkRows ?? Math.max(entries.length, 1);
  const total: WriteResult = { inserted: 0, updated: 0, ids: [] };
  // At least one part, so an empty import still creates its workspace as before.
  const starts = Array.from(
    { length: Math.max(1, Math.ceil(entries.length / partSize)) },
    (_, i) => i * partSize,
  );
  for (const start of starts) {
    const part = entries.slice(start, start + partSize);
    try {
      const written = await db.transaction(async (session) => {
        await ensureWorkspace(session, workspaceId);
        // Checked before the first part is stored, so a refused file stores nothing.
        if (start === 0) await refusePrivateExternalIds(session, workspaceId, lines);
        return writeEntries(session, workspaceId, part, (count) =>
          onProgress?.({ phase: 'writing', written: start + count, total: entries.length }),
        );
      });
      total.inserted += written.inserted;
      total.updated += written.updated;
      // Not push(...ids): spreading a part of 100k+ ids overflows the call stack.
      for (const id of written.ids) total.ids.push(id);
    } catch (error) {
      if (start === 0) throw error;
      throw new EarshotError({
        code: 'database_failed',
        message: `Storing the import failed after ${start} of ${entries.length} entries were stored: ${
          error instanceof Error ? error.message : String(error)
        }. Run the same import again: entries with an externalId are updated, not added twice.`,
        cause: error,
      });
    }
  }
  return total;
}

/**
 * A file may not overwrite an entry captured in a private conversation (its externalId is
 * `slack:G…:ts`): the file's text would be hidden in that conversation, or the private words replaced
 * by public ones under the private entry's author and link. Nothing is imported then.
 */
async function refusePrivateExternalIds(
  session: SqlSession,
  workspaceId: string,
  lines: Map<string, string>,
): Promise<void> {
  if (lines.size === 0) return;
  const [taken] = await session.query<{ external_id: string }>(
    `SELECT external_id FROM entries
     WHERE workspace_id = $1 AND audience IS NOT NULL AND external_id = ANY($2::text[])
     ORDER BY external_id LIMIT 1`,
    [workspaceId, [...lines.keys()]],
  );
  if (!taken) return;
  throw new EarshotError({
    code: 'import_invalid',
    message: `${lines.get(taken.external_id)}: field "externalId": "${taken.external_id}" is an entry captured in a private conversation, which an import cannot change; use another externalId. Nothing was imported.`,
  });
}

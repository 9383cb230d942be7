import type { Database } from '../../db/database.ts';
import { EarshotError } from '../../errors.ts';
import { writeEntries } from '../entries/write-entries.ts';
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
 * and everything is written in one transaction: a bad file or a failed write stores nothing.
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
  const written = await db.transaction(async (session) => {
    await ensureWorkspace(session, workspaceId);
    return writeEntries(session, workspaceId, entries, (count) =>
      onProgress?.({ phase: 'writing', written: count, total: entries.length }),
    );
  });
  return { files: files.length, inserted: written.inserted, updated: written.updated, entryIds: written.ids };
}

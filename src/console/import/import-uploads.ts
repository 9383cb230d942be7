import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock } from '../../clock.ts';
import { EarshotError } from '../../errors.ts';
import type { EntryInput } from '../../knowledge/entry.ts';
import { ImportInvalidError, type ImportProblem } from '../../knowledge/import/import-problems.ts';
import { parseEntryFile } from '../../knowledge/import/parse-entry-file.ts';
import { newSecret, sameSecret } from '../console-secrets.ts';
import { isArchive, unpackImportArchive } from './import-archive.ts';

/** As many problems as the page lists (the parsers keep as many per file). */
const MAX_PROBLEMS_KEPT = 1000;

/** An uploaded file waits this long for its confirmation, then is forgotten. */
export const UPLOAD_KEPT_MS = 15 * 60_000;

/** A checked upload waiting for the curator's confirmation. */
export interface HeldUpload {
  /** Names this upload in the confirm form, so a stale preview cannot import a newer file. */
  id: string;
  fileName: string;
  /** The file, or each file a zip held, in a private temporary directory. */
  dir: string;
  paths: string[];
  /** What each path is called in messages: the uploaded name, or `upload.zip: name.md`. */
  names: Map<string, string>;
  entries: EntryInput[];
  expiresAt: Date;
}

export type CheckedUpload =
  | { ok: true; upload: HeldUpload }
  | { ok: false; fileName: string; problems: readonly ImportProblem[]; total: number };

/**
 * Uploaded import files between their preview and the curator's confirmation, one per session, held in
 * this process (a restart forgets them: the curator uploads again). The file stays in a private temporary
 * directory so the confirmed import reads exactly what was previewed, with the same parser as
 * `earshot import`.
 */
export class ImportUploads {
  private readonly held = new Map<string, HeldUpload>();

  constructor(private readonly deps: { clock: Clock }) {}

  /** Checks the file with the import parsers; a sound one is held for the session, replacing any other. */
  async check(sessionId: string, fileName: string, bytes: Uint8Array): Promise<CheckedUpload> {
    await this.sweep();
    await this.forget(sessionId);
    const name = safeFileName(fileName);
    const dir = await mkdtemp(path.join(tmpdir(), 'earshot-console-import-'));
    const stored = await storeFiles(dir, name, bytes);
    if (!stored.ok) {
      await rm(dir, { recursive: true, force: true });
      return { ok: false, fileName: name, problems: [stored.problem], total: 1 };
    }
    const { names } = stored;
    const inArchive = isArchive(name);
    const entries: EntryInput[] = [];
    const problems: ImportProblem[] = [];
    let total = 0;
    for (const [file, shownAs] of names) {
      try {
        entries.push(...(await parseEntryFile(file)).map(({ entry }) => entry));
      } catch (error) {
        const found = fileProblems(error, file, shownAs);
        if (!found) {
          await rm(dir, { recursive: true, force: true });
          throw error;
        }
        total += found.total;
        const named = inArchive
          ? found.problems.map((problem) => ({ ...problem, message: `${shownAs}: ${problem.message}` }))
          : found.problems;
        problems.push(...named.slice(0, Math.max(0, MAX_PROBLEMS_KEPT - problems.length)));
      }
    }
    if (total > 0) {
      await rm(dir, { recursive: true, force: true });
      return { ok: false, fileName: name, problems, total };
    }
    const upload: HeldUpload = {
      id: newSecret(),
      fileName: name,
      dir,
      paths: [...names.keys()],
      names,
      entries,
      expiresAt: new Date(this.deps.clock.now().getTime() + UPLOAD_KEPT_MS),
    };
    this.held.set(sessionId, upload);
    return { ok: true, upload };
  }

  /** The session's held upload with this id, while it has not expired. */
  async find(sessionId: string, id: string): Promise<HeldUpload | null> {
    await this.sweep();
    const upload = this.held.get(sessionId);
    return upload && sameSecret(id, upload.id) ? upload : null;
  }

  /** Drops the session's upload and its temporary file. */
  async forget(sessionId: string): Promise<void> {
    const upload = this.held.get(sessionId);
    if (!upload) return;
    this.held.delete(sessionId);
    await rm(upload.dir, { recursive: true, force: true });
  }

  private async sweep(): Promise<void> {
    const now = this.deps.clock.now();
    for (const [sessionId, upload] of this.held) {
      if (upload.expiresAt <= now) await this.forget(sessionId);
    }
  }
}

/** Writes the upload (or each file its zip holds) into `dir`: temporary path → the name people know. */
async function storeFiles(
  dir: string,
  name: string,
  bytes: Uint8Array,
): Promise<{ ok: true; names: Map<string, string> } | { ok: false; problem: ImportProblem }> {
  const names = new Map<string, string>();
  if (!isArchive(name)) {
    const file = path.join(dir, name);
    await writeFile(file, bytes, { mode: 0o600 });
    return { ok: true, names: names.set(file, name) };
  }
  const unpacked = unpackImportArchive(bytes);
  if (!unpacked.ok) return unpacked;
  for (const [index, packed] of unpacked.files.entries()) {
    // Numbered, so two files of one name in different folders stay apart.
    const file = path.join(dir, `${index + 1}-${safeFileName(packed.name)}`);
    await writeFile(file, packed.bytes, { mode: 0o600 });
    names.set(file, packed.name);
  }
  return { ok: true, names };
}

/** The problems a parser found in one file, its temporary path replaced by the name people know. */
function fileProblems(
  error: unknown,
  file: string,
  shownAs: string,
): { problems: readonly ImportProblem[]; total: number } | null {
  if (error instanceof ImportInvalidError) return { problems: error.problems, total: error.total };
  if (error instanceof EarshotError && error.code === 'import_invalid') {
    // A problem with the whole file (its extension, say): its message names the temporary path.
    const message = error.userMessage.replaceAll(file, shownAs).replace(`${shownAs}: `, '');
    return { problems: [{ message }], total: 1 };
  }
  return null;
}

/** The uploaded name without directories or odd characters, keeping the extension the parser goes by. */
function safeFileName(name: string): string {
  const base = path
    .basename(name.replaceAll('\\', '/'))
    .replace(/[^\w.-]+/g, '_')
    .slice(-100);
  return base === '' || base.startsWith('.') ? `upload${base}` : base;
}

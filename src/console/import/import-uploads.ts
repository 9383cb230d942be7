import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock } from '../../clock.ts';
import { EarshotError } from '../../errors.ts';
import type { EntryInput } from '../../knowledge/entry.ts';
import { ImportInvalidError, type ImportProblem } from '../../knowledge/import/import-problems.ts';
import { parseEntryFile } from '../../knowledge/import/parse-entry-file.ts';
import { newSecret, sameSecret } from '../console-secrets.ts';

/** An uploaded file waits this long for its confirmation, then is forgotten. */
export const UPLOAD_KEPT_MS = 15 * 60_000;

/** A checked upload waiting for the curator's confirmation. */
export interface HeldUpload {
  /** Names this upload in the confirm form, so a stale preview cannot import a newer file. */
  id: string;
  fileName: string;
  path: string;
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
    const file = path.join(dir, name);
    await writeFile(file, bytes, { mode: 0o600 });
    try {
      const parsed = await parseEntryFile(file);
      const upload: HeldUpload = {
        id: newSecret(),
        fileName: name,
        path: file,
        entries: parsed.map(({ entry }) => entry),
        expiresAt: new Date(this.deps.clock.now().getTime() + UPLOAD_KEPT_MS),
      };
      this.held.set(sessionId, upload);
      return { ok: true, upload };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      if (error instanceof ImportInvalidError) {
        return { ok: false, fileName: name, problems: error.problems, total: error.total };
      }
      if (error instanceof EarshotError && error.code === 'import_invalid') {
        // A problem with the whole file (its extension, say): its message names the temporary path.
        const message = error.userMessage.replaceAll(file, name).replace(`${name}: `, '');
        return { ok: false, fileName: name, problems: [{ message }], total: 1 };
      }
      throw error;
    }
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
    await rm(path.dirname(upload.path), { recursive: true, force: true });
  }

  private async sweep(): Promise<void> {
    const now = this.deps.clock.now();
    for (const [sessionId, upload] of this.held) {
      if (upload.expiresAt <= now) await this.forget(sessionId);
    }
  }
}

/** The uploaded name without directories or odd characters, keeping the extension the parser goes by. */
function safeFileName(name: string): string {
  const base = path
    .basename(name.replaceAll('\\', '/'))
    .replace(/[^\w.-]+/g, '_')
    .slice(-100);
  return base === '' || base.startsWith('.') ? `upload${base}` : base;
}

import { extname } from 'node:path';
import { unzipSync } from 'fflate';
import type { ImportProblem } from '../../knowledge/import/import-problems.ts';
import { SUPPORTED_EXTENSIONS } from '../../knowledge/import/parse-entry-file.ts';

/** A zip unpacks to at most this much (its files' declared sizes; fflate writes no more than declared). */
export const MAX_ARCHIVE_UNPACKED_BYTES = 25 * 1024 * 1024;
/** Markdown holds one entry per file: an export of a few thousand entries is a few thousand files. */
export const MAX_ARCHIVE_FILES = 10_000;

export function isArchive(fileName: string): boolean {
  return extname(fileName).toLowerCase() === '.zip';
}

/**
 * The import files in a zip (the console's Markdown export: one `.md` per entry), or what is wrong with
 * it. Folders and the hidden files archivers add (`__MACOSX/`, `.DS_Store`) are passed over.
 */
export function unpackImportArchive(
  bytes: Uint8Array,
): { ok: true; files: Array<{ name: string; bytes: Uint8Array }> } | { ok: false; problem: ImportProblem } {
  const unsupported: string[] = [];
  let count = 0;
  let unpacked = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        const base = file.name.split('/').pop() ?? '';
        if (file.name.endsWith('/') || file.name.startsWith('__MACOSX/') || base.startsWith('.'))
          return false;
        if (!SUPPORTED_EXTENSIONS.includes(extname(base).toLowerCase())) {
          unsupported.push(file.name);
          return false;
        }
        count += 1;
        unpacked += file.originalSize;
        return count <= MAX_ARCHIVE_FILES && unpacked <= MAX_ARCHIVE_UNPACKED_BYTES;
      },
    });
  } catch {
    return { ok: false, problem: { message: 'is not a zip file that can be read; zip the files again' } };
  }
  if (count > MAX_ARCHIVE_FILES || unpacked > MAX_ARCHIVE_UNPACKED_BYTES) {
    const limit = `${MAX_ARCHIVE_FILES} files and ${MAX_ARCHIVE_UNPACKED_BYTES / 1024 / 1024} MB unpacked`;
    return {
      ok: false,
      problem: {
        message: `holds more than the console imports at once (${limit}); split it into smaller zips, or import the files on the server with \`earshot import\``,
      },
    };
  }
  if (unsupported.length > 0) {
    return {
      ok: false,
      problem: {
        message: `holds files the import cannot read (${unsupported.slice(0, 5).join(', ')}${unsupported.length > 5 ? ', …' : ''}); keep only ${SUPPORTED_EXTENSIONS.join(', ')} files in it`,
      },
    };
  }
  const found = Object.entries(files).map(([name, content]) => ({ name, bytes: content }));
  if (found.length === 0) {
    return {
      ok: false,
      problem: { message: `holds no import files; put ${SUPPORTED_EXTENSIONS.join(', ')} files in it` },
    };
  }
  return { ok: true, files: found };
}

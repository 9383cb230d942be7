import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What initdb writes into a new data directory, saved by `npm run build` beside the bundle. PGlite's
 * initdb takes about 2.5 s, on every first command and every new data dir; unpacking this takes 0.4 s.
 */
const INITDB_TEMPLATE_FILE = 'pglite-initdb.tar.gz';

// The bundle runs from dist/ itself; the sources (src/db/) find the template a build left in dist/.
const PLACES = [import.meta.dirname, path.join(import.meta.dirname, '../../dist')];

/**
 * The template to start `dataDir` from, or undefined where PGlite must not or cannot use one: a data
 * dir that already holds a database, one that is not on disk (`memory://`), or no build has run.
 */
export async function initdbTemplateFor(dataDir: string): Promise<Blob | undefined> {
  if (dataDir.includes('://') || existsSync(path.join(dataDir, 'PG_VERSION'))) return undefined;
  const template = PLACES.map((place) => path.join(place, INITDB_TEMPLATE_FILE)).find(existsSync);
  return template ? new Blob([await readFile(template)]) : undefined;
}

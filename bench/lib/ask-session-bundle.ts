import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { build } from 'esbuild';
import { syntheticJsonl } from './synthetic-entries.ts';

/**
 * Compiles bench/ask-session.ts to dist/, so sessions run as `earshot` does after install (a TypeScript
 * loader would add ~80 MB RSS). Returns the bundle's path.
 */
export async function buildAskSession(root: string): Promise<string> {
  const session = path.join(root, 'dist/bench-ask-session.mjs');
  await build({
    entryPoints: [path.join(root, 'bench/ask-session.ts')],
    outfile: session,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return session;
}

/** Writes `size` synthetic entries as JSON Lines, for `earshot import`. */
export async function writeSyntheticEntries(file: string, size: number): Promise<void> {
  const out = createWriteStream(file);
  for (const line of syntheticJsonl(size)) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await finished(out);
}

#!/usr/bin/env node
// Runs the bundle from `npm run build` (done at install) when it is newer than every source file;
// otherwise runs the TypeScript sources directly, so an edit never runs stale code. A production
// install (`npm ci --omit=dev`, the Docker image) has the bundle and no sources: it runs the bundle.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { v8FlagsFor } from './v8-flags.js';

// Set before anything is allocated.
for (const flag of v8FlagsFor(process.argv.slice(2))) v8.setFlagsFromString(flag);

const root = path.resolve(import.meta.dirname, '..');
const bundle = path.join(root, 'dist/earshot.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (!existsSync(path.join(root, 'src'))) return true;
  try {
    return statSync(bundle).mtimeMs >= newestSource(path.join(root, 'src'));
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api').catch((error) => {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    console.error(
      'Earshot: dist/ is missing or older than src/, and the development tools that run the sources are not\n' +
        'installed (npm ci --omit=dev). Run `npm install` (it builds dist/), or `npm run build` where they are.',
    );
    process.exit(1);
  });
  register();
  await import(pathToFileURL(path.join(root, 'src/cli/index.ts')).href);
}

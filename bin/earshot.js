#!/usr/bin/env node
// Runs the bundle from `npm run build` (done at install) when it is newer than every source file;
// otherwise runs the TypeScript sources directly, so an edit never runs stale code.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { V8_FLAGS } from './v8-flags.js';

// Set before anything is allocated.
for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);

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
  try {
    return statSync(bundle).mtimeMs >= newestSource(path.join(root, 'src'));
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'src/cli/index.ts')).href);
}

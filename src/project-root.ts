import { existsSync } from 'node:fs';
import path from 'node:path';

/** The directory holding Earshot's package.json, whether running from src/ or from the dist/ bundle. */
export const PROJECT_ROOT = findRoot(import.meta.dirname);

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

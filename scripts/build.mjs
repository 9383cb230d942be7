// Bundles the command line into dist/earshot.mjs. Dependencies stay external; only our own
// TypeScript is compiled, so a running Earshot carries no TypeScript loader (about 80 MB less RSS).
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

await rm('dist', { recursive: true, force: true });

await build({
  // The embedded database's thread (src/db/pglite-owner.ts) is an entry of its own.
  entryPoints: { earshot: 'src/cli/index.ts', 'pglite-owner-thread': 'src/db/pglite-owner-thread.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Code loaded with import() (the Slack adapter) becomes its own chunk, loaded only by `serve`.
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

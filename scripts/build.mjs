// Bundles the command line into dist/earshot.mjs. Dependencies stay external; only our own
// TypeScript is compiled, so a running Earshot carries no TypeScript loader (about 80 MB less RSS).
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

await rm('dist', { recursive: true, force: true });

await build({
  entryPoints: { earshot: 'src/cli/index.ts' },
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

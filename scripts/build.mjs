// Bundles the command line into dist/earshot.mjs. Dependencies stay external; only our own
// TypeScript is compiled, so a running Earshot carries no TypeScript loader (about 80 MB less RSS).
import { build } from 'esbuild';

await build({
  entryPoints: { earshot: 'src/cli/index.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// Bundles the command line into dist/. Packages listed under "dependencies" stay external: they are
// what `npm ci --omit=dev` installs beside the bundle. Everything else the sources import is compiled
// in, so a package used at run time but listed under "devDependencies" is there only to be bundled:
// the generated Prisma client with its runtime and driver adapters (the runtime package carries
// query compilers for five databases, about 70 MB; the bundle keeps PostgreSQL's) and botbuilder
// (about 130 MB installed with its Azure sign-in libraries and two vendored copies of a test library;
// the bundle keeps the 5 MB Teams runs). A running Earshot carries no TypeScript loader either
// (about 80 MB less RSS).
import { readFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const pkg = JSON.parse(await readFile('package.json', 'utf8'));
const external = Object.keys(pkg.dependencies).flatMap((name) => [name, `${name}/*`]);

await rm('dist', { recursive: true, force: true });

await build({
  // The embedded database's thread (src/db/pglite-owner.ts) is an entry of its own.
  entryPoints: { earshot: 'src/cli/index.ts', 'pglite-owner-thread': 'src/db/pglite-owner-thread.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Code loaded with import() (the Slack and Teams adapters) becomes its own chunk, loaded only by `serve`.
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  // Bundled CommonJS (botbuilder) calls require() for Node's own modules, which an ES module lacks.
  banner: {
    js: "import { createRequire as createEarshotRequire } from 'node:module'; const require = createEarshotRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});

// Bundles the command line into dist/. Packages listed under "dependencies" stay external: they are
// what `npm ci --omit=dev` installs beside the bundle. Everything else the sources import is compiled
// in, so a package used at run time but listed under "devDependencies" is there only to be bundled:
// the generated Prisma client with its runtime and driver adapters (the runtime package carries
// query compilers for five databases, about 70 MB; the bundle keeps PostgreSQL's) and botbuilder
// (about 130 MB installed with its Azure sign-in libraries and two vendored copies of a test library;
// the bundle keeps the 5 MB Teams runs). A running Earshot carries no TypeScript loader either
// (about 80 MB less RSS).
import { realpathSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const pkg = JSON.parse(await readFile('package.json', 'utf8'));
const runtimeDependencies = new Set(Object.keys(pkg.dependencies));
const nodeModules = realpathSync('node_modules');

// `zod` or `@slack/web-api/dist/x.js` -> `zod`, `@slack/web-api`; null for relative paths.
function packageName(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

// A runtime dependency stays external only where the installed copy is the one asked for. A bundled
// package may nest its own version of one (botbuilder needs zod 3, Earshot zod 4): that copy is
// bundled, since at run time `zod` would find Earshot's.
const runtimeDependenciesExternal = {
  name: 'runtime-dependencies-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      const name = packageName(args.path);
      if (!runtimeDependencies.has(name) || args.pluginData?.resolving) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      const installed = path.join(nodeModules, name) + path.sep;
      return resolved.path.startsWith(installed) ? { path: args.path, external: true } : resolved;
    });
  },
};

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
  plugins: [runtimeDependenciesExternal],
  // Bundled CommonJS (botbuilder) calls require() for Node's own modules, which an ES module lacks.
  banner: {
    js: "import { createRequire as createEarshotRequire } from 'node:module'; const require = createEarshotRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});

// What initdb writes, for a new data dir to start from (src/db/initdb-template.ts): initdb takes
// seconds, unpacking this a fraction of one. Made by the PGlite this install will run.
const { PGlite } = await import('@electric-sql/pglite');
const initdb = await PGlite.create({ dataDir: 'memory://' });
await writeFile(
  'dist/pglite-initdb.tar.gz',
  Buffer.from(await (await initdb.dumpDataDir('gzip')).arrayBuffer()),
);
await initdb.close();

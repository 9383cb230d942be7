// After `npm install`: generates the Prisma client and builds dist/. A production install
// (`npm ci --omit=dev`) has neither the Prisma CLI nor esbuild; it runs a dist/ built beforehand
// (the Docker image's build stage), so there is nothing to do.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const devToolsInstalled = ['prisma/package.json', 'esbuild'].every((name) => {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
});

if (!devToolsInstalled) {
  console.log('earshot: development dependencies not installed; using the dist/ built beforehand.');
  process.exit(0);
}

for (const script of ['scripts/prisma-generate.mjs', 'scripts/build.mjs']) {
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

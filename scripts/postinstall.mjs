// After `npm install`: generates the Prisma client and builds dist/. A production install
// (`npm ci --omit=dev`) has neither the Prisma CLI nor esbuild; it runs a dist/ built beforehand
// (the Docker image's build stage), so there is nothing to do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
  console.log(
    existsSync('dist/earshot.mjs')
      ? 'earshot: development dependencies not installed; running the dist/ built beforehand.'
      : 'earshot: development dependencies not installed and no dist/ here: build it where they are\n' +
          '(`npm ci && npm run build`) and copy dist/ beside package.json.',
  );
  process.exit(0);
}

for (const script of ['scripts/prisma-generate.mjs', 'scripts/build.mjs']) {
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// `npm run check:lean`: installs the production dependencies (`npm ci --omit=dev`) into a scratch
// directory, fails when they take more than 200 MB, and runs the built bundle from there (a question
// against a fresh embedded database, then a server with Teams until /readyz says ready), so nothing
// the bundle loads is missing from that install.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const LIMIT_MB = 200;
const root = path.resolve(import.meta.dirname, '..');

/** Disk usage as `du` counts it: allocated blocks, each hard-linked or symlinked file once. */
function diskUsage(dir) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    bytes += lstatSync(full).blocks * 512;
    if (entry.isDirectory()) bytes += diskUsage(full);
  }
  return bytes;
}

function largestPackages(nodeModules, count) {
  const packages = readdirSync(nodeModules).flatMap((name) =>
    name.startsWith('@')
      ? readdirSync(path.join(nodeModules, name)).map((inner) => `${name}/${inner}`)
      : name.startsWith('.')
        ? []
        : [name],
  );
  return packages
    .map((name) => ({ name, bytes: diskUsage(path.join(nodeModules, name)) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

/** Starts `earshot serve` with Teams (its adapter is the bundle's largest chunk); resolves with /readyz's report. */
async function serveUntilReady(cwd, env) {
  const port = await freePort();
  const server = spawn(process.execPath, ['bin/earshot.js', 'serve'], {
    cwd,
    env: { ...env, PORT: String(port), EARSHOT_TEAMS_DEV_NO_AUTH: 'true', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = once(server, 'exit');
  try {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      if (server.exitCode !== null) break;
      const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
      if (response?.ok) return await response.text();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`earshot serve did not become ready from the production install:\n${stderr}`);
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

if (!existsSync(path.join(root, 'dist/earshot.mjs'))) {
  console.error('check:lean: no dist/ to run; run `npm run build` first.');
  process.exit(1);
}

const scratch = mkdtempSync(path.join(tmpdir(), 'earshot-lean-'));
try {
  for (const file of ['package.json', 'package-lock.json', 'bin', 'dist', 'prisma/migrations']) {
    cpSync(path.join(root, file), path.join(scratch, file), { recursive: true });
  }
  const started = Date.now();
  execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: scratch,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const nodeModules = path.join(scratch, 'node_modules');
  const size = diskUsage(nodeModules);
  console.log(
    `npm ci --omit=dev: ${mb(size)} of node_modules (limit ${LIMIT_MB} MB), installed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );

  const answer = execFileSync(
    process.execPath,
    ['bin/earshot.js', 'ask', 'What are you hearing about implementation time?'],
    {
      cwd: scratch,
      env: { PATH: process.env.PATH, EARSHOT_DATA_DIR: path.join(scratch, 'data'), EARSHOT_ENV_FILE: 'none' },
      encoding: 'utf8',
    },
  );
  console.log(`the bundle runs from that install: ${answer.split('\n')[0]}`);
  const ready = await serveUntilReady(scratch, {
    PATH: process.env.PATH,
    EARSHOT_DATA_DIR: path.join(scratch, 'data'),
    EARSHOT_ENV_FILE: 'none',
  });
  console.log(`and serves with Teams: /readyz ${ready}`);

  if (size > LIMIT_MB * 1024 * 1024) {
    console.error(`check:lean: the production install is over ${LIMIT_MB} MB. Largest packages:`);
    for (const { name, bytes } of largestPackages(nodeModules, 15))
      console.error(`  ${mb(bytes).padStart(6)}  ${name}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

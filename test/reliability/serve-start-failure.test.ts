import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

describe('a server that cannot start', () => {
  let dataDir: string;
  let taken: Server;
  let port: number;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-start-failure-'));
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    port = (taken.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => taken.close(() => resolve()));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says the port is taken and how to fix it, exits, and leaves the data dir to the next command', async () => {
    const serve = await runCli(dataDir, ['serve'], { PORT: String(port) }, {}, 60_000);
    expect(serve.code).toBe(1);
    expect(serve.stderr).toContain(`port ${port} is already in use by another process`);
    expect(serve.stderr).toContain('set PORT to a free port');
    expect(serve.stderr).not.toContain('unexpected error');
    // It let go of the embedded database: a command after it owns the data dir at once.
    const ask = await runCli(dataDir, ['ask', 'anything about pricing?']);
    expect(ask.code).toBe(0);
    expect(ask.stdout).toContain('Nothing heard yet');
  }, 120_000);
});

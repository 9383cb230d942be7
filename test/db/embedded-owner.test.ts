import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { LOCK_PATIENCE_MS } from '../../src/db/open-data-dir.ts';
import { OWNER_LOCK_FILE } from '../../src/db/owner-lock.ts';
import { runCli } from '../helpers/run-cli.ts';
import { type ServeProcess, startServeProcess } from '../helpers/serve-process.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';
import { postToSlackEndpoint } from '../helpers/slack/sign-slack-request.ts';
import { appMention, eventCallbackBody } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';

/*
 * The embedded database has one owner: `earshot serve` serves it to the other Earshot processes on the
 * same data dir over a Unix socket, and a process that cannot go through the owner is refused. Real
 * child processes throughout: the failures this prevents (lost imports, a database that no longer
 * opens) only happen between processes.
 */

const SIGNING_SECRET = 'owner-test-signing-secret';
const WORKSPACE = SLACK_IDS.workspaceId;
const BULK = 2_000;

async function writeEntries(file: string, count: number, word: string, from = 0) {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      externalId: `${word}-${from + i}`,
      kind: 'chatter',
      title: `Call note ${from + i}`,
      body: `Prospect ${from + i} keeps asking about ${word} before signing.`,
      source: { author: `rep${i % 40}`, account: `Account ${i % 300}` },
    }),
  );
  await writeFile(file, `${lines.join('\n')}\n`);
}

const entryCounts = (status: string) => status.match(/slack:T_TEAM: (\d+) \/ (\d+) \/ (\d+) \/ (\d+)/);

describe('one owner for the embedded database', () => {
  let dir: string;
  let dataDir: string;
  const started: ServeProcess[] = [];
  const serve = async (env: Record<string, string> = {}) => {
    const process = await startServeProcess({ LOG_LEVEL: 'warn', ...env }, { dataDir });
    started.push(process);
    return process;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-owner-'));
    dataDir = path.join(dir, 'data');
  });
  afterEach(async () => {
    for (const process of started.splice(0)) await process.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('lets `earshot import` write through the running server, which answers from it at once; every row survives a restart', async () => {
    const slack: FakeSlackApi = await startFakeSlackApi();
    try {
      const env = {
        SLACK_BOT_TOKEN: 'xoxb-owner-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.url,
      };
      let server = await serve(env);
      /** Asks the server in Slack and returns the answer it posts, and how long that took. */
      const ask = async (question: string) => {
        const before = slack.callsTo('chat.update').length;
        const started = Date.now();
        const mention = appMention({ text: `<@${SLACK_IDS.botUserId}> ${question}` });
        const response = await postToSlackEndpoint(`${server.origin}/slack/events`, {
          body: eventCallbackBody(mention),
          signingSecret: SIGNING_SECRET,
        });
        expect(response.status).toBe(200);
        const update = await slack.waitForCall(
          'chat.update',
          (call) => slack.callsTo('chat.update').indexOf(call) >= before,
          30_000,
        );
        return { text: JSON.stringify(update.args.blocks ?? update.args.text), ms: Date.now() - started };
      };

      expect((await ask('what are you hearing about zanzibarite?')).text).toContain('Nothing heard yet');

      const file = path.join(dir, 'bulk.jsonl');
      await writeEntries(file, BULK, 'zanzibarite');
      const importing = runCli(dataDir, ['import', file, '--workspace', WORKSPACE]);
      let importDone = false;
      void importing.then(() => {
        importDone = true;
      });
      // The server keeps answering while the import runs in another process.
      const during: number[] = [];
      while (!importDone) during.push((await ask('what are you hearing about renewals?')).ms);
      const imported = await importing;
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain(`Imported ${BULK} entries`);
      expect(during.length).toBeGreaterThan(0);

      const after = await ask('what are you hearing about zanzibarite?');
      expect(after.text).toContain('keeps asking about zanzibarite');
      expect(after.text).not.toContain('Nothing heard yet');
      expect(after.ms).toBeLessThan(15_000);

      await server.stop();
      expect(await server.exited).toBe(0);
      // No owner any more: the command opens the data dir itself, and every row is there.
      const status = await runCli(dataDir, ['db', 'status']);
      expect(status.code).toBe(0);
      expect(status.stdout).toContain('no Earshot server is running on it');
      expect(entryCounts(status.stdout)?.slice(1)).toEqual([String(BULK), '0', '0', String(BULK)]);

      server = await serve(env);
      expect((await ask('what are you hearing about zanzibarite?')).text).toContain(
        'keeps asking about zanzibarite',
      );
    } finally {
      await slack.close();
    }
  }, 300_000);

  it('refuses a second `earshot serve` on the same data dir, naming the running one', async () => {
    const first = await serve();
    const second = serve().then(
      () => 'started',
      (error: Error) => error.message,
    );
    const message = await second;
    expect(message).toContain('exited at start');
    expect(message).toContain(`\`earshot serve\` (pid ${first.child.pid} since`);
    expect(message).toContain(`already has the database in ${dataDir} open`);
    expect(message).toContain('stop the other one first');
    expect(first.alive()).toBe(true);
    const status = await runCli(dataDir, ['db', 'status']);
    expect(status.stdout).toContain(`served by \`earshot serve\` (pid ${first.child.pid} since`);
  }, 240_000);

  it('takes over from a server killed with SIGKILL, with every row intact and later writes kept', async () => {
    const file = path.join(dir, 'first.jsonl');
    await writeEntries(file, 300, 'quorumflux');
    const first = await serve();
    expect((await runCli(dataDir, ['import', file, '--workspace', WORKSPACE])).code).toBe(0);
    first.child.kill('SIGKILL');
    await first.exited;
    // The killed server could not remove its lock.
    const stale = JSON.parse(await readFile(path.join(dataDir, OWNER_LOCK_FILE), 'utf8'));
    expect(stale.pid).toBe(first.child.pid);

    const next = await serve();
    const more = path.join(dir, 'more.jsonl');
    await writeEntries(more, 200, 'quorumflux', 300);
    expect((await runCli(dataDir, ['import', more, '--workspace', WORKSPACE])).code).toBe(0);
    const served = await runCli(dataDir, ['db', 'status']);
    expect(served.stdout).toContain(`served by \`earshot serve\` (pid ${next.child.pid} since`);
    expect(entryCounts(served.stdout)?.[4]).toBe('500');

    await next.stop();
    const alone = await runCli(dataDir, ['db', 'status']);
    expect(alone.code).toBe(0);
    expect(entryCounts(alone.stdout)?.[4]).toBe('500');
  }, 240_000);

  it('makes a command wait for another command that has the data dir open, and refuses it after 20 s, naming that command', async () => {
    expect((await runCli(dataDir, ['db', 'migrate'])).code).toBe(0);
    const holder = await openDatabase({ kind: 'pglite', dataDir }, { command: 'earshot import' });
    const waiting = runCli(dataDir, ['entries', 'list']);
    // The other command holds the database for a few seconds, as a short import would.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await holder.close();
    const waited = await waiting;
    expect(waited.stderr).toBe('');
    expect(waited.code).toBe(0);

    const stuck = await openDatabase({ kind: 'pglite', dataDir }, { command: 'earshot import' });
    try {
      const started = Date.now();
      const refused = await runCli(dataDir, ['entries', 'list']);
      expect(refused.code).toBe(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(LOCK_PATIENCE_MS);
      expect(refused.stderr).toContain(`\`earshot import\` (pid ${process.pid} since`);
      expect(refused.stderr).toContain(
        `is still using the database in ${dataDir} after 20 s. Wait for it to finish`,
      );

      // A typo is refused at once, not after waiting for the database it will never use.
      const typoStarted = Date.now();
      const typo = await runCli(dataDir, ['entries', 'archive', '12', 'l3']);
      expect(typo).toMatchObject({
        code: 2,
        stderr:
          'earshot: "l3" is not an entry id: give its number, such as 42 (`earshot entries list` shows them).\n',
      });
      expect(Date.now() - typoStarted).toBeLessThan(LOCK_PATIENCE_MS / 2);
    } finally {
      await stuck.close();
    }
  }, 180_000);
});

describe('a data dir Earshot cannot write to', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-readonly-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is named with the fix, exit 1, and nothing in it changes', async () => {
    const dataDir = path.join(dir, 'data');
    expect((await runCli(dataDir, ['db', 'migrate'])).code).toBe(0);
    const { chmod } = await import('node:fs/promises');
    await chmod(dataDir, 0o555);
    const before = await readdir(dataDir);
    // Root writes anywhere: run the command as an ordinary user, to whom the directory is read-only.
    const asUser = process.getuid?.() === 0 ? { uid: 65_534, gid: 65_534 } : {};
    const outcome = await runCli(dataDir, ['entries', 'list'], {}, asUser);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`Cannot write to the data directory ${dataDir}`);
    expect(outcome.stderr).toContain('EARSHOT_DATA_DIR');
    expect(outcome.stderr).not.toContain('[object Object]');
    expect(await readdir(dataDir)).toEqual(before);

    const inside = await runCli(path.join(dataDir, 'nested'), ['entries', 'list'], {}, asUser);
    expect(inside.code).toBe(1);
    expect(inside.stderr).toContain(`Cannot write to the data directory ${path.join(dataDir, 'nested')}`);
    await chmod(dataDir, 0o755);
  }, 120_000);
});

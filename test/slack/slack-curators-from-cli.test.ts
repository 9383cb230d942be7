import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { type ServeProcess, startServeProcess } from '../helpers/serve-process.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';
import { postToSlackEndpoint } from '../helpers/slack/sign-slack-request.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { blockActionBody } from '../helpers/slack/slack-interaction-payloads.ts';
import { createServerDatabase, DATABASE_KINDS, dropServerDatabase } from '../helpers/test-database.ts';
import { SIGNING_SECRET } from './slack-server.ts';

const ALICE = SLACK_IDS.userId;
const homeView = { type: 'home', id: 'VHOME', callback_id: '', blocks: [] } as never;
// Two processes and a handful of commands; a busy machine takes a while to start each.
const SLOW = 240_000;

/**
 * The real `earshot serve` and the real command line on one database, no EARSHOT_CURATORS anywhere:
 * whom `earshot curators add` names can approve captures in Slack from the next click on.
 */
describe.each(DATABASE_KINDS)('curators named from the command line, in Slack (%s)', (kind) => {
  let slack: FakeSlackApi | undefined;
  let serve: ServeProcess | undefined;
  let serverDb: URL | undefined;

  afterEach(async () => {
    await serve?.stop();
    await slack?.close();
    if (serverDb) await dropServerDatabase(serverDb);
  });

  it(
    'lets a Slack user the CLI made a curator approve, and refuses them again once removed',
    async () => {
      slack = await startFakeSlackApi();
      serverDb = kind === 'postgres' ? await createServerDatabase() : undefined;
      const database: Record<string, string> = serverDb ? { DATABASE_URL: serverDb.toString() } : {};
      serve = await startServeProcess({
        ...database,
        LOG_LEVEL: 'warn',
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.url,
      });
      const dataDir = serve.dataDir;
      const earshot = (...args: string[]) => runCli(dataDir, args, database);

      const dir = await mkdtemp(path.join(tmpdir(), 'earshot-curators-'));
      const file = path.join(dir, 'captures.jsonl');
      const capture = (n: number) => ({
        externalId: `capture-${n}`,
        kind: 'chatter',
        title: `Capture ${n}`,
        body: `Kessler asked about SAP, take ${n}.`,
        status: 'pending',
      });
      await writeFile(file, [1, 2].map((n) => JSON.stringify(capture(n))).join('\n'));
      expect((await earshot('import', file, '--workspace', SLACK_IDS.teamId)).code).toBe(0);
      const listed = await earshot(
        'entries',
        'list',
        '--status',
        'pending',
        '--json',
        '-w',
        SLACK_IDS.teamId,
      );
      const ids = new Map(
        listed.stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { id: number; externalId: string })
          .map((entry) => [entry.externalId, entry.id]),
      );
      const statusOf = async (externalId: string) => {
        const shown = await earshot('entries', 'show', String(ids.get(externalId)), '-w', SLACK_IDS.teamId);
        return (JSON.parse(shown.stdout) as { status: string }).status;
      };

      const refusals = () =>
        (slack as FakeSlackApi)
          .callsTo('chat.postMessage')
          .filter(
            (call) => call.args.channel === ALICE && /only Earshot curators/.test(String(call.args.text)),
          );
      const approve = async (externalId: string) => {
        const response = await postToSlackEndpoint(`${serve?.origin}/slack/events`, {
          signingSecret: SIGNING_SECRET,
          body: blockActionBody({
            action_id: 'earshot_curate_approve',
            value: JSON.stringify({ e: ids.get(externalId) }),
            user: ALICE,
            view: homeView,
          }),
        });
        expect(response.status).toBe(200);
      };

      await approve('capture-1');
      await vi.waitFor(() => expect(refusals()).toHaveLength(1), { timeout: 15_000 });
      expect(await statusOf('capture-1')).toBe('pending');

      const added = await earshot('curators', 'add', ALICE, '--org', SLACK_IDS.teamId);
      expect(added).toMatchObject({
        code: 0,
        stdout: `Added slack:${ALICE} as a curator of "${SLACK_IDS.workspaceId}".\n`,
      });
      await approve('capture-1');
      await slack.waitForCall('views.publish', (call) => call.args.user_id === ALICE, 15_000);
      expect(await statusOf('capture-1')).toBe('published');

      expect((await earshot('curators', 'remove', ALICE, '--org', SLACK_IDS.teamId)).code).toBe(0);
      await approve('capture-2');
      await vi.waitFor(() => expect(refusals()).toHaveLength(2), { timeout: 15_000 });
      expect(await statusOf('capture-2')).toBe('pending');
    },
    SLOW,
  );
});

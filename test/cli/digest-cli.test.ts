import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { ConversationRefs } from '../../src/delivery/conversation-refs.ts';
import { DigestSubscriptions } from '../../src/digest/digest-subscriptions.ts';
import { runCli } from '../helpers/run-cli.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';

const W = 'T0DIGEST';
const WORKSPACE = 'slack:T0DIGEST';
const HOUR_MS = 3_600_000;

describe('the digest on the command line', () => {
  let dataDir: string;
  let slack: FakeSlackApi;
  const earshot = (args: string[], env: Record<string, string> = {}) => runCli(dataDir, args, env);

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'earshot-digest-cli-'));
    dataDir = path.join(dir, 'data');
    slack = await startFakeSlackApi();
    const recent = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR_MS).toISOString();
    const tips = Array.from({ length: 14 }, (_, i) => ({
      externalId: `tip-${i}`,
      kind: 'tip',
      title: `Tip number ${i + 1} for the pricing call`,
      body: 'Anchor on the annual plan.',
      source: { author: `Rep ${i % 3}` },
      topics: ['pricing'],
      createdAt: recent(10 + i),
    }));
    const old = {
      externalId: 'old-chatter',
      kind: 'chatter',
      title: 'Heard a month ago',
      body: 'Old news.',
      source: { author: 'Rep 9', account: 'Acme' },
      createdAt: recent(24 * 30),
    };
    const file = path.join(dir, 'entries.jsonl');
    await writeFile(file, [...tips, old].map((entry) => JSON.stringify(entry)).join('\n'));
    const imported = await earshot(['import', file, '--workspace', W]);
    expect(imported.code, imported.stderr).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await slack?.close();
  });

  it('`digest show` prints the whole digest of the last 7 days: every new tip, nothing older', async () => {
    const shown = await earshot(['digest', 'show', '--workspace', W]);
    expect(shown.stderr).toBe('');
    expect(shown.code).toBe(0);
    for (let i = 1; i <= 14; i += 1) expect(shown.stdout).toContain(`Tip number ${i} for the pricing call`);
    expect(shown.stdout).toContain('Rep 0');
    expect(shown.stdout).not.toContain('Heard a month ago');
    expect(shown.stdout).not.toMatch(/more/);
  }, 60_000);

  it('`digest show` for a period with nothing new says so briefly', async () => {
    const shown = await earshot([
      'digest',
      'show',
      '--workspace',
      W,
      '--from',
      '2020-01-01',
      '--to',
      '2020-01-08',
    ]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Quiet week: nothing new was heard.');
    expect(shown.stdout.trim().split('\n').length).toBeLessThanOrEqual(3);
  }, 60_000);

  it('refuses a bad option naming it', async () => {
    const shown = await earshot(['digest', 'show', '--workspace', W, '--time-zone', 'Mars/Base']);
    expect(shown.code).toBe(2);
    expect(shown.stderr).toMatch(/--time-zone.*IANA time zone/);
  }, 60_000);

  it('`digest run` posts the channel digest to Slack now, and `digest list` shows it', async () => {
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_API_URL: slack.url,
    };
    const unknown = await earshot(['digest', 'run', '--workspace', W, '--channel', 'C0NOPE'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/knows no channel C0NOPE.*subscribe it first/);

    // A curator subscribed #sales-digest from Slack earlier (the CLI and a server share the database).
    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await new ConversationRefs(db).save({
        platform: 'slack',
        workspaceId: WORKSPACE,
        conversationId: 'C0SALES',
        kind: 'channel',
        userId: null,
        reference: { channel: 'C0SALES' },
      });
      await new DigestSubscriptions(db).subscribe({
        platform: 'slack',
        workspaceId: WORKSPACE,
        conversationId: 'C0SALES',
        schedule: { weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' },
        topics: ['pricing'],
        forCurators: false,
        createdBy: 'U0CURATOR',
        now: new Date(),
      });
    } finally {
      await db.close();
    }
    const run = await earshot(['digest', 'run', '--workspace', W, '--channel', 'C0SALES'], env);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Posted the digest for .* to slack C0SALES\.\n$/);
    const posted = slack.callsTo('chat.postMessage');
    expect(posted).toHaveLength(1);
    expect(posted[0]?.args.channel).toBe('C0SALES');
    expect(JSON.stringify(posted[0]?.args)).toContain('Tip number 1 for the pricing call');

    const list = await earshot(['digest', 'list']);
    expect(list.stdout).toMatch(
      /^slack:T0DIGEST C0SALES: Mondays at 09:00 \(Europe\/Berlin\); topics: pricing; next \S+; last \S+ posted\n$/,
    );
  }, 120_000);
});

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const earshot = runCli;

describe('the earshot command line', () => {
  let dir: string;
  let dataDir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-cli-'));
    dataDir = path.join(dir, 'data');
    const imported = await earshot(dataDir, [
      'import',
      'demo/field-chatter.jsonl',
      'demo/seller-tips.jsonl',
      'demo/research.csv',
      '--workspace',
      'T1',
    ]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/^Imported \d+ entries into "T1"/);
  }, 120_000);

  it('answers with --json: sources best first, counts of reps and accounts, and a logged question', async () => {
    const { code, stdout } = await earshot(dataDir, [
      'ask',
      'What are you hearing about Ledgerline pricing?',
      '--workspace',
      'T1',
      '--json',
    ]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ question: 'What are you hearing about Ledgerline pricing?', heard: true });
    expect(answer.answer).toContain('What the field is hearing:');
    expect(answer.sources.length).toBeGreaterThan(2);
    const scores = answer.sources.map((source: { score: number }) => source.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(Object.keys(answer.sources[0]).sort()).toEqual(
      [
        'account',
        'author',
        'createdAt',
        'externalId',
        'id',
        'kind',
        'score',
        'staleSince',
        'title',
        'url',
      ].sort(),
    );
    expect(answer.summary.field.reps).toBeGreaterThan(1);
  });

  it('says "Nothing heard yet" for a question no entry covers, and lists it as unanswered', async () => {
    const ask = await earshot(dataDir, ['ask', 'What are you hearing about ESG reporting?', '-w', 'T1']);
    expect(ask.stdout).toMatch(/^Nothing heard yet about ESG reporting\./);
    const gaps = await earshot(dataDir, ['questions', 'list', '--unanswered', '-w', 'T1', '--json']);
    expect(
      gaps.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).text),
    ).toContain('What are you hearing about ESG reporting?');
  });

  it('lists the entries that came closest under "Nothing heard yet", in text and JSON, as not an answer', async () => {
    const question = 'How long does a Workday rollout take?';
    const text = await earshot(dataDir, ['ask', question, '-w', 'T1']);
    expect(text.stdout).toMatch(
      /^Nothing heard yet about Workday rollout\.\nNothing in the knowledge base answers it\./,
    );
    expect(text.stdout).toMatch(/Closest, not an answer:\n {2}\[1\] Calder CFO burned by a 7-month rollout/);
    const json = JSON.parse((await earshot(dataDir, ['ask', question, '-w', 'T1', '--json'])).stdout);
    expect(json).toMatchObject({ heard: false, sources: [] });
    expect(json.closest.map((source: { title: string }) => source.title)).toEqual([
      'Calder CFO burned by a 7-month rollout; Brisk AP says 3 weeks',
    ]);
    expect(json.summary.field.entries).toBe(0);
  });

  it('runs a file of queries in one process, one result line per query in input order', async () => {
    const queries = path.join(dir, 'queries.jsonl');
    await writeFile(
      queries,
      ['{"id":"q2","text":"SAP S/4HANA"}', '{"id":"q1","text":"Okta SSO"}', ''].join('\n'),
    );
    const { code, stdout } = await earshot(dataDir, [
      'search',
      '--workspace',
      'T1',
      '--queries',
      queries,
      '--json',
      '--limit',
      '3',
    ]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual(['q2', 'q1']);
    expect(lines[0].results).toHaveLength(3);
    expect(Object.keys(lines[0].results[0]).sort()).toEqual(['externalId', 'id', 'score']);
  });

  it('curates from the command line: archive hides an entry from search, publish brings it back, edit changes it', async () => {
    const search = async () =>
      JSON.parse(
        (await earshot(dataDir, ['search', 'Okta', '-w', 'T1', '--json', '--kind', 'chatter'])).stdout,
      ).results;
    const [first] = await search();
    expect(first).toBeDefined();
    expect((await earshot(dataDir, ['entries', 'archive', String(first.id), '-w', 'T1'])).code).toBe(0);
    expect((await search()).map((hit: { id: number }) => hit.id)).not.toContain(first.id);
    const archived = await earshot(dataDir, [
      'entries',
      'list',
      '-w',
      'T1',
      '--status',
      'archived',
      '--json',
    ]);
    expect(
      archived.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual([first.id]);
    await earshot(dataDir, ['entries', 'publish', String(first.id), '-w', 'T1']);
    const edited = await earshot(dataDir, [
      'entries',
      'edit',
      String(first.id),
      '-w',
      'T1',
      '--title',
      'Okta first',
      '--topics',
      'sso;okta',
      '--json',
    ]);
    expect(JSON.parse(edited.stdout)).toMatchObject({
      title: 'Okta first',
      topics: ['sso', 'okta'],
      status: 'published',
    });
    expect((await search())[0].title).toBe('Okta first');
    // Seven commands in a row: room for child processes on a busy machine.
  }, 180_000);

  it('explains bad input and bad configuration, and changes nothing', async () => {
    const badOption = await earshot(dataDir, ['ask', 'pricing', '-w', 'T1', '--stage', 'negotiate']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(
      /option --stage: Invalid option: expected one of "explore"\|"evaluate"\|"decide"\|"implement"/,
    );

    const badConfig = await earshot(dataDir, ['ask', 'pricing'], { DATABASE_URL: 'mysql://db' });
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr).toContain('DATABASE_URL: must be a PostgreSQL URL');

    const before = (await earshot(dataDir, ['entries', 'list', '-w', 'T1', '--json'])).stdout;
    const badFile = path.join(dir, 'bad.csv');
    await writeFile(badFile, 'kind,body,colour\ntip,hello,red\n');
    const imported = await earshot(dataDir, ['import', badFile, '-w', 'T1']);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/bad\.csv line 1: .*colour/);
    expect((await earshot(dataDir, ['entries', 'list', '-w', 'T1', '--json'])).stdout).toBe(before);

    const missing = await earshot(dataDir, ['entries', 'publish', '999999', '-w', 'T1']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No entry 999999 in workspace "T1"');
  });

  it('refuses to serve Teams without authentication in production, saying why', async () => {
    const refused = await earshot(dataDir, ['serve'], {
      NODE_ENV: 'production',
      EARSHOT_TEAMS_DEV_NO_AUTH: 'true',
      PORT: '0',
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('EARSHOT_TEAMS_DEV_NO_AUTH: is refused when NODE_ENV=production');
  });
});

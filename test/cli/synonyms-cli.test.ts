import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const earshot = runCli;

describe('earshot synonyms', () => {
  let dataDir: string;

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'earshot-synonyms-'));
    dataDir = path.join(dir, 'data');
    const file = path.join(dir, 'entries.jsonl');
    const entries = [
      {
        kind: 'chatter',
        title: 'Board wants growth',
        body: 'Their reporting module usage doubled this year.',
      },
      { kind: 'tip', title: 'Open with the payback', body: 'Show the CFO the payback period first.' },
    ];
    await writeFile(file, entries.map((entry) => JSON.stringify(entry)).join('\n'));
    expect((await earshot(dataDir, ['import', file, '-w', 'T1'])).code).toBe(0);
  }, 60_000);

  const heard = async (question: string) => {
    const { stdout } = await earshot(dataDir, ['ask', question, '-w', 'T1', '--json']);
    const answer = JSON.parse(stdout);
    return answer.heard ? answer.sources.map((source: { title: string }) => source.title) : [];
  };

  it('adds a synonym that the next question uses, lists it, and removes it', async () => {
    expect(await heard('What are reps hearing about Atlas?')).toEqual([]);

    const added = await earshot(dataDir, ['synonyms', 'add', 'Atlas', 'reporting module', '-w', 'T1']);
    expect(added).toMatchObject({ code: 0, stdout: 'Added "Atlas" = "reporting module" in "T1".\n' });
    expect(await heard('What are reps hearing about Atlas?')).toEqual(['Board wants growth']);
    expect((await earshot(dataDir, ['synonyms', 'list', '-w', 'T1'])).stdout).toBe(
      '"Atlas" = "reporting module"\n',
    );

    const removed = await earshot(dataDir, ['synonyms', 'remove', 'reporting module', 'Atlas', '-w', 'T1']);
    expect(removed.code).toBe(0);
    expect(await heard('What are reps hearing about Atlas?')).toEqual([]);
  }, 120_000);

  it('explains a synonym it cannot add or remove, with exit codes for scripts', async () => {
    const builtIn = await earshot(dataDir, ['synonyms', 'add', 'pricing', 'cost', '-w', 'T1']);
    expect(builtIn.code).toBe(2);
    expect(builtIn.stderr).toBe(
      'earshot: "pricing" and "cost" are already synonyms in the built-in sales thesaurus\n',
    );
    const empty = await earshot(dataDir, ['synonyms', 'add', 'the', 'renewal', '-w', 'T1']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('"the" has no word search could use');
    const missing = await earshot(dataDir, ['synonyms', 'remove', 'SLA', 'MSA', '-w', 'T1']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      '"SLA" and "MSA" are not synonyms in workspace "T1"; see earshot synonyms list',
    );
    const acronym = await earshot(dataDir, [
      'synonyms',
      'add',
      'ARR',
      'annual recurring revenue',
      '-w',
      'T1',
    ]);
    expect(acronym.code).toBe(2);
    expect(acronym.stderr).toBe(
      'earshot: "ARR" already stands for "annual recurring revenue" in the built-in acronyms\n',
    );
    const listed = await earshot(dataDir, ['synonyms', 'list', '--built-in']);
    expect(listed.stdout).toContain('security review = infosec');
    expect(listed.stdout).toContain('ARR = annual recurring revenue');
  }, 120_000);
});

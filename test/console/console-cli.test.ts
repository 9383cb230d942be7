import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

// Each command is a process of its own; a shared, busy machine can take a while to start them.
const SLOW = 180_000;

describe('earshot console', () => {
  let dataDir: string;
  const earshot = (args: string[], env: Record<string, string> = {}) => runCli(dataDir, args, env);

  beforeAll(async () => {
    dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'earshot-console-cli-')), 'data');
    expect((await earshot(['org', 'create', 'Acme Corp'])).code).toBe(0);
    expect((await earshot(['curators', 'add', 'cara@acme.test', '--org', 'acme-corp'])).code).toBe(0);
  }, SLOW);

  it(
    'prints a one-time sign-in link on the public URL for a curator named by the organization’s name',
    async () => {
      const linked = await earshot(['console', 'link', '--org', 'Acme Corp', '--as', 'Cara@Acme.test'], {
        EARSHOT_PUBLIC_URL: 'https://earshot.example.com/',
      });
      expect(linked.stderr).toBe('');
      expect(linked.stdout).toMatch(
        /^https:\/\/earshot\.example\.com\/console\/sign-in\?token=[A-Za-z0-9_-]{43}\nSigns in cara@acme\.test as a curator of "acme-corp"\. Works once, within 15 minutes\.\n$/,
      );
    },
    SLOW,
  );

  it(
    'refuses a link for an email nobody in the organization has, saying how a person becomes known',
    async () => {
      const refused = await earshot(['console', 'link', '--org', 'acme-corp', '--as', 'nobody@acme.test']);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain('earshot: Nobody in "acme-corp" has the email nobody@acme.test.');
      expect(refused.stderr).toContain('earshot curators add nobody@acme.test --org acme-corp');
      const notEmail = await earshot(['console', 'link', '--org', 'acme-corp', '--as', 'cara']);
      expect([notEmail.code, notEmail.stderr]).toEqual([
        2,
        'earshot: option --as: must be an email address, such as ana@example.com\n',
      ]);
    },
    SLOW,
  );

  it(
    'prints the console’s address',
    async () => {
      const shown = await earshot(['console'], { PORT: '4321' });
      expect(shown).toEqual({
        code: 0,
        stdout:
          'http://localhost:4321/console\nSign in with a one-time link: earshot console link --org ORG --as EMAIL\n',
        stderr: '',
      });
    },
    SLOW,
  );
});

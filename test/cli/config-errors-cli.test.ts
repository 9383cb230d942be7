import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVALID_SECRETS } from '../helpers/invalid-secrets.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('the command line never prints a secret', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'earshot-secrets-')), 'data');
  });

  it.each(INVALID_SECRETS)('names $variable and the fix, not its value: $fix', async ({
    env,
    secret,
    fix,
  }) => {
    const { code, stdout, stderr } = await runCli(dataDir, ['entries', 'list', '-w', 'local'], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(fix);
    expect(stdout + stderr).not.toContain(secret);
  });

  it('earshot serve refuses every invalid secret at once, naming each variable and printing none', async () => {
    const wrong = Object.fromEntries(INVALID_SECRETS.map((c) => [c.variable, c.env[c.variable] ?? '']));
    const { code, stdout, stderr } = await runCli(dataDir, ['serve'], {
      ...wrong,
      MICROSOFT_APP_ID: '7d0c6a2e-93b1-4f5e-8a4c-2b9e1f0d3c55',
      PORT: '0',
    });
    expect(code).toBe(1);
    for (const variable of Object.keys(wrong)) expect(stderr).toContain(`- ${variable}: `);
    for (const { variable, env, secret } of INVALID_SECRETS) {
      if (wrong[variable] === env[variable]) expect(stdout + stderr).not.toContain(secret);
    }
  });

  it('earshot serve will not start Slack OAuth installs without a key to encrypt their tokens', async () => {
    const { code, stdout, stderr } = await runCli(dataDir, ['serve'], {
      SLACK_CLIENT_ID: '1234567890.9876543210',
      SLACK_CLIENT_SECRET: 'OAUTHCLIENTSECRET-0123',
      SLACK_STATE_SECRET: 'OAUTHSTATESECRET-0123456789abcdef',
      SLACK_SIGNING_SECRET: 'c0ffee5ecretc0ffee5ecretc0ffee55',
      PORT: '0',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/EARSHOT_ENCRYPTION_KEY: is required with Slack OAuth installs/);
    expect(stderr).toContain('openssl rand -base64 32');
    expect(stdout + stderr).not.toMatch(/OAUTHCLIENTSECRET|OAUTHSTATESECRET/);
  });

  describe('a PostgreSQL server it cannot use', () => {
    it('names DATABASE_URL and where it points, without the password, when nothing listens', async () => {
      const { code, stderr } = await runCli(dataDir, ['entries', 'list', '-w', 'local'], {
        DATABASE_URL: 'postgres://earshot:PGPASSWORDSECRET@127.0.0.1:1/earshot',
      });
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /^earshot: Could not connect to the PostgreSQL server in DATABASE_URL \(earshot@127\.0\.0\.1:1\/earshot\): connect ECONNREFUSED/,
      );
      expect(stderr).not.toContain('PGPASSWORDSECRET');
      expect(stderr).not.toContain('    at '); // a message for a person, not a stack trace
    });

    it.runIf(process.env.TEST_DATABASE_URL)(
      'names DATABASE_URL, without the password, when the server refuses the user',
      async () => {
        const url = new URL(process.env.TEST_DATABASE_URL ?? '');
        url.username = 'nobody_here';
        url.password = 'PG%23PASSWORD%2FSECRET';
        const { code, stderr } = await runCli(dataDir, ['entries', 'list', '-w', 'local'], {
          DATABASE_URL: url.toString(),
        });
        expect(code).toBe(1);
        expect(stderr).toMatch(/DATABASE_URL \(nobody_here@.*\): role "nobody_here" does not exist/);
        expect(stderr).not.toMatch(/PASSWORD/);
      },
    );
  });

  describe('a model server that repeats the API key in its error', () => {
    const KEY = 'sk-proj-LEAKEDKEYSECRET0123456789';
    let server: Server;
    let baseURL: string;

    beforeAll(async () => {
      // Some gateways answer a rejected key by quoting it back; Earshot logs that error at warn.
      server = createServer((req, res) => {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: {
              message: `Incorrect API key provided: ${req.headers.authorization}`,
              code: 'invalid_api_key',
            },
          }),
        );
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
      const file = path.join(path.dirname(dataDir), 'tips.jsonl');
      await writeFile(
        file,
        `${JSON.stringify({ kind: 'tip', title: 'Okta SSO', body: 'Okta SSO setup takes a day.', createdAt: '2026-11-01' })}\n`,
      );
      const imported = await runCli(dataDir, ['import', file, '-w', 'local']);
      expect(imported.code).toBe(0);
    }, 120_000);

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('still answers, and its logs carry [redacted] where the key was', async () => {
      const { code, stdout, stderr } = await runCli(dataDir, ['ask', 'Okta SSO?', '-w', 'local'], {
        OPENAI_API_KEY: KEY,
        OPENAI_BASE_URL: baseURL,
      });
      expect(code).toBe(0);
      expect(stdout).toContain('Okta SSO');
      expect(stderr).toContain('Incorrect API key provided: Bearer [redacted]');
      expect(stdout + stderr).not.toContain('LEAKEDKEYSECRET');
    }, 120_000);
  });
});

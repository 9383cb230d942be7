import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, loadConfig } from '../../src/config.ts';
import { PROJECT_ROOT } from '../../src/project-root.ts';
import { INVALID_SECRETS } from '../helpers/invalid-secrets.ts';

describe('configuration', () => {
  it("runs on the embedded database in the install's own data/ with no variables set, wherever it is run from", () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.join(PROJECT_ROOT, 'data') });
    expect(path.isAbsolute(DEFAULT_DATA_DIR)).toBe(true);
    expect(config.openai).toBeNull();
  });

  it('takes EARSHOT_DATA_DIR relative to the current directory', () => {
    expect(loadConfig({ EARSHOT_DATA_DIR: 'here/db' }).database).toEqual({
      kind: 'pglite',
      dataDir: path.resolve('here/db'),
    });
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/earshot' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/earshot',
    });
  });

  it('names the variable and the fix when a value is wrong, and repeats only setting values', () => {
    const wrong = () => loadConfig({ DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(wrong).toThrowError(
      /DATABASE_URL: must be a PostgreSQL URL such as postgres:\/\/\S+ \(value not shown: it may be a secret\)/,
    );
    expect(wrong).toThrowError(
      /LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)/,
    );
    expect(() => loadConfig({ OPENAI_BASE_URL: 'not a url', OPENAI_API_KEY: 'k' })).toThrowError(
      /OPENAI_BASE_URL: must be a URL/,
    );
    expect(() => loadConfig({ OPENAI_TIMEOUT_MS: 'soon', OPENAI_API_KEY: 'k' })).toThrowError(
      /OPENAI_TIMEOUT_MS/,
    );
  });

  it('asks for OPENAI_API_KEY when a model is configured without one', () => {
    expect(() => loadConfig({ OPENAI_MODEL: 'gpt-4.1-mini' })).toThrowError(/OPENAI_API_KEY: is required/);
  });

  it('enables the chat model with a key, and embeddings only when a model is named', () => {
    const config = loadConfig({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(config.openai).toMatchObject({
      chatModel: 'gpt-4.1-mini',
      embeddingModel: undefined,
      baseURL: 'http://127.0.0.1:9/v1',
    });
    expect(loadConfig({ OPENAI_API_KEY: 'k', OPENAI_EMBEDDING_MODEL: 'e' }).openai?.embeddingModel).toBe('e');
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', OPENAI_API_KEY: ' ' }).database.kind).toBe('pglite');
  });
});

describe('Slack configuration', () => {
  it('is off without a bot token, and HTTP or Socket Mode with one', () => {
    expect(loadConfig({}).slack).toBeNull();
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' }).slack).toMatchObject(
      {
        appToken: undefined,
        signingSecret: 'secret-123',
      },
    );
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.appToken).toBe(
      'xapp-1',
    );
  });

  it('names the missing or malformed Slack variable and where to find it', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrowError(
      /SLACK_SIGNING_SECRET: is required .*Basic Information/,
    );
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 'secret-123' })).toThrowError(
      /SLACK_BOT_TOKEN: is required/,
    );
    expect(() =>
      loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 'secret-123' }),
    ).toThrowError(/SLACK_BOT_TOKEN: must be a bot token starting with xoxb-/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrowError(/PORT: must be a port number/);
  });

  it('reads the public URL the console links are built on, defaulting to localhost on the port', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ EARSHOT_PUBLIC_URL: 'https://earshot.example.com/' }).publicUrl).toBe(
      'https://earshot.example.com',
    );
    expect(() => loadConfig({ EARSHOT_PUBLIC_URL: 'earshot.example.com' })).toThrowError(
      /EARSHOT_PUBLIC_URL: must be the address people open Earshot at/,
    );
    expect(() => loadConfig({ EARSHOT_PUBLIC_URL: 'ftp://earshot.example.com' })).toThrowError(
      /EARSHOT_PUBLIC_URL: must start with https:\/\//,
    );
  });

  it('reads the capture emoji and the curators', () => {
    const config = loadConfig({
      EARSHOT_CAPTURE_EMOJI: ':star:',
      EARSHOT_CURATORS: 'U1, maya@example.com ,',
    });
    expect(config.captureEmoji).toBe('star');
    expect(config.curators).toEqual(['U1', 'maya@example.com']);
    expect(loadConfig({}).captureEmoji).toBe('bulb');
  });
});

describe('Slack OAuth configuration', () => {
  const OAUTH = {
    SLACK_CLIENT_ID: '1234567890.9876543210',
    SLACK_CLIENT_SECRET: 'client-secret-0123456789',
    SLACK_STATE_SECRET: 'state-secret-0123456789abcdef',
    SLACK_SIGNING_SECRET: 'secret-123',
  };
  const KEY = Buffer.alloc(32, 3);

  it('turns OAuth installs on with the app credentials and a 256-bit key, with or without a bot token', () => {
    const oauthOnly = loadConfig({ ...OAUTH, EARSHOT_ENCRYPTION_KEY: KEY.toString('base64') }).slack;
    expect(oauthOnly).toMatchObject({ botToken: undefined, oauth: { clientId: OAUTH.SLACK_CLIENT_ID } });
    expect(oauthOnly?.oauth?.encryptionKey.equals(KEY)).toBe(true);
    const both = loadConfig({
      ...OAUTH,
      SLACK_BOT_TOKEN: 'xoxb-1',
      EARSHOT_ENCRYPTION_KEY: KEY.toString('hex'),
    });
    expect(both.slack?.botToken).toBe('xoxb-1');
    expect(both.slack?.oauth?.encryptionKey.equals(KEY)).toBe(true);
    expect(
      loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' }).slack?.oauth,
    ).toBeNull();
  });

  it('refuses OAuth installs without EARSHOT_ENCRYPTION_KEY, saying how to make one', () => {
    expect(() => loadConfig(OAUTH)).toThrowError(
      /EARSHOT_ENCRYPTION_KEY: is required with Slack OAuth installs .*Make one with `openssl rand -base64 32`/,
    );
    expect(() =>
      loadConfig({ ...OAUTH, EARSHOT_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }),
    ).toThrowError(/EARSHOT_ENCRYPTION_KEY: must be 32 random bytes/);
  });

  it('names the OAuth variables that are missing, and the signing secret events need', () => {
    expect(() =>
      loadConfig({ SLACK_CLIENT_ID: OAUTH.SLACK_CLIENT_ID, SLACK_SIGNING_SECRET: 'secret-123' }),
    ).toThrowError(/SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: are required for Slack OAuth installs/);
    const { SLACK_SIGNING_SECRET: _, ...withoutSigning } = OAUTH;
    expect(() =>
      loadConfig({ ...withoutSigning, EARSHOT_ENCRYPTION_KEY: KEY.toString('base64') }),
    ).toThrowError(/SLACK_SIGNING_SECRET: is required/);
    expect(() => loadConfig({ ...OAUTH, SLACK_CLIENT_ID: 'A0123' })).toThrowError(
      /SLACK_CLIENT_ID: must be the Client ID/,
    );
  });
});

describe('Teams configuration', () => {
  const APP_ID = '00000000-0000-4000-8000-000000000001';

  it('leaves Teams off without an app id, also in production; runs without authentication only when opted in', () => {
    expect(loadConfig({}).teams).toBeNull();
    expect(loadConfig({ NODE_ENV: 'production' }).teams).toBeNull();
    expect(loadConfig({ EARSHOT_TEAMS_DEV_NO_AUTH: 'false' }).teams).toBeNull();
    expect(loadConfig({ EARSHOT_TEAMS_DEV_NO_AUTH: 'true' }).teams).toMatchObject({
      appId: undefined,
      devNoAuth: true,
    });
    expect(() => loadConfig({ NODE_ENV: 'production', EARSHOT_TEAMS_DEV_NO_AUTH: 'true' })).toThrowError(
      /EARSHOT_TEAMS_DEV_NO_AUTH: is refused when NODE_ENV=production/,
    );
    expect(() =>
      loadConfig({
        EARSHOT_TEAMS_DEV_NO_AUTH: 'true',
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'p',
      }),
    ).toThrowError(/EARSHOT_TEAMS_DEV_NO_AUTH: cannot be combined with MICROSOFT_APP_ID/);
    expect(() => loadConfig({ EARSHOT_TEAMS_DEV_NO_AUTH: 'yes' })).toThrowError(
      /EARSHOT_TEAMS_DEV_NO_AUTH: must be true/,
    );
    // A half-configured Teams would otherwise be silently off.
    expect(() => loadConfig({ MICROSOFT_APP_PASSWORD: 'p' })).toThrowError(
      /MICROSOFT_APP_ID: is required when MICROSOFT_APP_PASSWORD/,
    );
  });

  it('needs the password with the app id, and the tenant for a single-tenant bot', () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: APP_ID })).toThrowError(
      /MICROSOFT_APP_PASSWORD: is required/,
    );
    expect(() =>
      loadConfig({
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'p',
        MICROSOFT_APP_TYPE: 'SingleTenant',
      }),
    ).toThrowError(/MICROSOFT_APP_TENANT_ID: is required when MICROSOFT_APP_TYPE=SingleTenant/);
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'not-a-guid', MICROSOFT_APP_PASSWORD: 'p' })).toThrowError(
      /MICROSOFT_APP_ID: must be the bot's app \(client\) id, a GUID/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'p' }).teams,
    ).toMatchObject({ appId: APP_ID, devNoAuth: false });
  });
});

describe('config errors name the variable and the rule, never a secret', () => {
  it.each(INVALID_SECRETS)('$variable: $fix', ({ env, secret, fix }) => {
    const message = configErrorOf(env);
    expect(message).toMatch(fix);
    expect(message).not.toContain(secret);
  });

  it('repeats setting values that help, but not a secret pasted into one', () => {
    expect(configErrorOf({ PORT: 'eighty' })).toContain(
      'PORT: must be a port number such as 3000 (got "eighty")',
    );
    expect(configErrorOf({ NODE_ENV: 'prod' })).toContain('(got "prod")');
    const shifted = configErrorOf({ LOG_LEVEL: 'xoxb-1111-SHIFTEDLINESECRET' });
    expect(shifted).toMatch(/LOG_LEVEL: must be one of fatal/);
    expect(shifted).not.toContain('SHIFTEDLINESECRET');
  });

  it('accepts the valid forms of the same variables', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1111-2222-abc',
      SLACK_SIGNING_SECRET: 'c0ffee5ecretc0ffee5ecretc0ffee55',
      OPENAI_API_KEY: 'sk-proj-abc_DEF-123',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      MICROSOFT_APP_ID: '7d0c6a2e-93b1-4f5e-8a4c-2b9e1f0d3c55',
      MICROSOFT_APP_PASSWORD: 'Q8~abc.DEF_ghi-jkl',
      EARSHOT_WEBHOOK_TOKEN: 'a'.repeat(64),
      DATABASE_URL: 'postgres://earshot:pw@db:5432/earshot',
    });
    expect(config.slack?.botToken).toBe('xoxb-1111-2222-abc');
    expect(config.teams?.appPassword).toBe('Q8~abc.DEF_ghi-jkl');
  });
});

function configErrorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a config error');
}

describe('console sign-in configuration', () => {
  const ENTRA_ID = '6f1c2d3e-0000-4000-8000-00000000c0de';

  it('is off for both providers unless their client id and secret are set', () => {
    expect(loadConfig({}).consoleSignIn).toEqual({ slack: null, entra: null });
    expect(
      loadConfig({
        EARSHOT_CONSOLE_SLACK_CLIENT_ID: '1234.5678',
        EARSHOT_CONSOLE_SLACK_CLIENT_SECRET: 's3cret',
        EARSHOT_CONSOLE_ENTRA_CLIENT_ID: ENTRA_ID,
        EARSHOT_CONSOLE_ENTRA_CLIENT_SECRET: 'e~secret',
      }).consoleSignIn,
    ).toEqual({
      slack: { issuer: 'https://slack.com', clientId: '1234.5678', clientSecret: 's3cret' },
      entra: {
        issuer: 'https://login.microsoftonline.com/organizations/v2.0',
        clientId: ENTRA_ID,
        clientSecret: 'e~secret',
      },
    });
  });

  it('names the half of a provider that is missing, and a malformed value', () => {
    expect(() => loadConfig({ EARSHOT_CONSOLE_SLACK_CLIENT_ID: '1234.5678' })).toThrowError(
      /EARSHOT_CONSOLE_SLACK_CLIENT_SECRET: is required with EARSHOT_CONSOLE_SLACK_CLIENT_ID/,
    );
    expect(() => loadConfig({ EARSHOT_CONSOLE_ENTRA_CLIENT_SECRET: 'e~secret' })).toThrowError(
      /EARSHOT_CONSOLE_ENTRA_CLIENT_ID: is required with EARSHOT_CONSOLE_ENTRA_CLIENT_SECRET/,
    );
    expect(() =>
      loadConfig({ EARSHOT_CONSOLE_ENTRA_ISSUER: 'https://login.example.com/tenant/v2.0' }),
    ).toThrowError(/EARSHOT_CONSOLE_ENTRA_CLIENT_ID: is required when EARSHOT_CONSOLE_ENTRA_ISSUER is set/);
    expect(() =>
      loadConfig({ EARSHOT_CONSOLE_ENTRA_CLIENT_ID: 'not-a-guid', EARSHOT_CONSOLE_ENTRA_CLIENT_SECRET: 'x' }),
    ).toThrowError(
      /EARSHOT_CONSOLE_ENTRA_CLIENT_ID: must be the app registration's application \(client\) id/,
    );
    expect(() => loadConfig({ EARSHOT_CONSOLE_SLACK_ISSUER: 'slack.com' })).toThrowError(
      /EARSHOT_CONSOLE_SLACK_ISSUER: must be the OpenID Connect issuer URL/,
    );
  });
});

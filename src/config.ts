import path from 'node:path';
import { z } from 'zod';
import { describeConfigIssue, hasNoCredentials } from './config-issue.ts';
import { EarshotError } from './errors.ts';
import { parseCuratorId } from './knowledge/curation/curator-ids.ts';
import { PROJECT_ROOT } from './project-root.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const blankAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema.optional());
/** Secrets travel in HTTP headers and forms: one word of printable ASCII, so no client echoes it in an error. */
const oneWord = (rule: string) => z.string().regex(/^[\x21-\x7e]+$/, rule);
const urlWithoutCredentials = (rule: string, credentialsRule: string) =>
  z.url(rule).refine(hasNoCredentials, credentialsRule);

const issuerUrl = (example: string) =>
  urlWithoutCredentials(
    `must be the OpenID Connect issuer URL, such as ${example}`,
    'must not contain a user name or password',
  ).refine((value) => /^https?:/.test(value), 'must start with https://');

const MAKE_KEY = '`openssl rand -base64 32`';

/** A 256-bit key written as base64 (44 characters) or hex (64); null for anything else. */
function encryptionKeyBytes(value: string): Buffer | null {
  const bytes = /^[0-9a-f]{64}$/i.test(value)
    ? Buffer.from(value, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(value)
      ? Buffer.from(value, 'base64')
      : null;
  return bytes?.length === 32 ? bytes : null;
}

const envSchema = z.object({
  NODE_ENV: optional(
    z.enum(['development', 'production', 'test'], 'must be development, production or test'),
  ),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`)),
  EARSHOT_DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/.+/,
        'must be a PostgreSQL URL such as postgres://user@localhost:5432/earshot',
      ),
  ),
  OPENAI_API_KEY: optional(
    oneWord('must be the API key as one word, without spaces or line breaks (e.g. sk-…)'),
  ),
  OPENAI_BASE_URL: optional(
    urlWithoutCredentials(
      'must be a URL such as https://api.openai.com/v1',
      'must not contain a user name or password: put the key in OPENAI_API_KEY',
    ),
  ),
  OPENAI_MODEL: optional(z.string()),
  OPENAI_EMBEDDING_MODEL: optional(z.string()),
  OPENAI_TIMEOUT_MS: optional(
    z.coerce.number('must be a number of milliseconds such as 15000').int().min(100).max(300_000),
  ),
  PORT: optional(z.coerce.number('must be a port number such as 3000').int().min(0).max(65_535)),
  EARSHOT_PUBLIC_URL: optional(
    urlWithoutCredentials(
      'must be the address people open Earshot at, such as https://earshot.example.com',
      'must not contain a user name or password',
    ).refine((value) => /^https?:/.test(value), 'must start with https:// (or http:// for local use)'),
  ),
  EARSHOT_EVENT_LEASE_SECONDS: optional(
    z.coerce.number('must be a number of seconds such as 120').int().min(2).max(3_600),
  ),
  SLACK_BOT_TOKEN: optional(
    oneWord('must be one word, without spaces or line breaks').startsWith(
      'xoxb-',
      "must be a bot token starting with xoxb-: copy the Bot User OAuth Token from the Slack app's OAuth & Permissions page (user tokens, xoxp-, do not work)",
    ),
  ),
  SLACK_SIGNING_SECRET: optional(
    oneWord('must be one word, without spaces or line breaks').min(
      8,
      "must be the Signing Secret from the Slack app's Basic Information page (at least 8 characters)",
    ),
  ),
  SLACK_APP_TOKEN: optional(
    oneWord('must be one word, without spaces or line breaks').startsWith(
      'xapp-',
      "must be an app-level token starting with xapp-: create one with scope connections:write under the Slack app's Basic Information page",
    ),
  ),
  SLACK_API_URL: optional(
    urlWithoutCredentials(
      'must be a URL ending in /api/, such as https://slack.com/api/',
      'must not contain a user name or password: Slack authenticates with SLACK_BOT_TOKEN',
    ),
  ),
  SLACK_CLIENT_ID: optional(
    z
      .string()
      .regex(
        /^\d+\.\d+$/,
        "must be the Client ID from the Slack app's Basic Information page (digits.digits)",
      ),
  ),
  SLACK_CLIENT_SECRET: optional(
    oneWord('must be one word, without spaces or line breaks').min(
      8,
      "must be the Client Secret from the Slack app's Basic Information page",
    ),
  ),
  SLACK_STATE_SECRET: optional(
    oneWord('must be one word, without spaces or line breaks').min(
      24,
      'must be a long random secret (at least 24 characters), e.g. from `openssl rand -hex 32`',
    ),
  ),
  EARSHOT_ENCRYPTION_KEY: optional(
    oneWord('must be one word, without spaces or line breaks').refine(
      (value) => encryptionKeyBytes(value) !== null,
      `must be 32 random bytes, base64 or hex encoded: make one with ${MAKE_KEY}`,
    ),
  ),
  EARSHOT_CURATOR_CHANNEL: optional(z.string()),
  EARSHOT_STALE_ENTRIES: optional(
    z.enum(
      ['mark', 'exclude'],
      'must be mark (cite entries past their review date with a warning) or exclude (leave them out of answers)',
    ),
  ),
  EARSHOT_CAPTURE_EMOJI: optional(
    z
      .string()
      .regex(/^:?[a-z0-9_+'-]+:?$/, 'must be an emoji name such as bulb')
      .transform((v) => v.replace(/:/g, '')),
  ),
  EARSHOT_CURATORS: optional(
    z
      .string()
      .refine(
        (list) => splitList(list).every((entry) => parseCuratorId(entry) !== null),
        'must list Slack user ids (U…), Slack user group ids (S…), Teams user ids (29:… or AAD object ids) or emails, separated by commas',
      ),
  ),
  EARSHOT_WEBHOOK_TOKEN: optional(
    oneWord('must be one word, without spaces or line breaks').min(
      24,
      'must be a long random secret (at least 24 characters), e.g. from `openssl rand -hex 32`',
    ),
  ),
  EARSHOT_QUIET_HOURS: optional(
    z
      .string()
      .regex(
        /^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/,
        'must be a local time range such as 20:00-08:00, or off',
      ),
  ),
  EARSHOT_DEFAULT_TIME_ZONE: optional(
    z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin or America/New_York'),
  ),
  // Console sign-in with Slack and Microsoft Entra ID (OpenID Connect): off unless both id and secret are set.
  EARSHOT_CONSOLE_SLACK_CLIENT_ID: optional(oneWord("must be the Slack app's client id, e.g. 1234.5678")),
  EARSHOT_CONSOLE_SLACK_CLIENT_SECRET: optional(oneWord('must be one word, without spaces or line breaks')),
  EARSHOT_CONSOLE_SLACK_ISSUER: optional(issuerUrl('https://slack.com')),
  EARSHOT_CONSOLE_ENTRA_CLIENT_ID: optional(
    z.string().uuid("must be the app registration's application (client) id, a GUID"),
  ),
  EARSHOT_CONSOLE_ENTRA_CLIENT_SECRET: optional(oneWord('must be one word, without spaces or line breaks')),
  EARSHOT_CONSOLE_ENTRA_ISSUER: optional(issuerUrl('https://login.microsoftonline.com/organizations/v2.0')),
  MICROSOFT_APP_ID: optional(z.string().uuid("must be the bot's app (client) id, a GUID")),
  MICROSOFT_APP_PASSWORD: optional(
    oneWord('must be one word, without spaces or line breaks').refine(
      (value) => !/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(value),
      "must be the client secret's Value from the app registration's Certificates & secrets page, not its Secret ID",
    ),
  ),
  MICROSOFT_APP_TENANT_ID: optional(z.string()),
  MICROSOFT_APP_TYPE: optional(
    z.enum(
      ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'],
      'must be MultiTenant, SingleTenant or UserAssignedMSI',
    ),
  ),
  MICROSOFT_OPENID_METADATA_URL: optional(
    urlWithoutCredentials(
      'must be the Bot Framework OpenID metadata URL',
      'must not contain a user name or password',
    ),
  ),
  MICROSOFT_LOGIN_URL: optional(
    urlWithoutCredentials('must be the Azure AD login URL', 'must not contain a user name or password'),
  ),
  EARSHOT_TEAMS_DEV_NO_AUTH: optional(
    z.enum(['true', 'false'], 'must be true (Teams without authentication, local testing only) or false'),
  ),
});

/** Slack OAuth installs: `GET /slack/install` and `/slack/oauth_redirect`, tokens kept in the database. */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** AES-256-GCM key (32 bytes) that encrypts the installations' tokens at rest. */
  encryptionKey: Buffer;
}

export interface SlackConfig {
  /** The one workspace served with a fixed token; undefined when every workspace installs by OAuth. */
  botToken: string | undefined;
  /** Socket Mode when set; otherwise HTTP with the signing secret. */
  appToken: string | undefined;
  signingSecret: string | undefined;
  apiUrl: string | undefined;
  /** Null: single-token mode, the workspace of SLACK_BOT_TOKEN only. */
  oauth: SlackOAuthConfig | null;
}

export interface TeamsConfig {
  /**
   * Undefined only with `devNoAuth`: no token is checked. Teams is otherwise on only with an app id, so
   * every inbound token is validated.
   */
  appId: string | undefined;
  /** EARSHOT_TEAMS_DEV_NO_AUTH=true: local testing without authentication (refused in production). */
  devNoAuth: boolean;
  appPassword: string | undefined;
  appTenantId: string | undefined;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** Sovereign clouds and tests: where inbound tokens' signing keys and outbound tokens come from. */
  openIdMetadataUrl: string | undefined;
  loginUrl: string | undefined;
}

/** Local hours ("HH:MM") during which alerts wait; the range may cross midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  /** Bearer token for POST /hooks/triggers; undefined turns the webhook off. */
  webhookToken: string | undefined;
  nudges: {
    /** Null: alerts go out at any hour. */
    quietHours: QuietHours | null;
    /** For people whose chat profile has no time zone. */
    defaultTimeZone: string;
  };
  port: number;
  /**
   * Where people reach this server (EARSHOT_PUBLIC_URL, without a trailing slash): console links are
   * built on it, and its cookies are Secure when it is https. Defaults to http://localhost:PORT.
   */
  publicUrl: string;
  /**
   * How long a process may work on one inbound event before another may take it over (it crashed), and
   * how long failures are retried in memory before the user gets an apology.
   */
  events: { leaseMs: number; retryWindowMs: number };
  /** Null when Slack is not configured: Earshot runs without it. */
  slack: SlackConfig | null;
  /** The console's sign-in providers; each null (no button, no route) unless configured. */
  consoleSignIn: ConsoleSignInConfig;
  curatorChannel: string | undefined;
  /** Entries past their review date: marked in answers, or left out of them. */
  staleEntries: 'mark' | 'exclude';
  captureEmoji: string;
  /** Chat user ids or emails of the curators. */
  curators: string[];
  /** Null when Teams is not configured: `/api/messages` is not served. */
  teams: TeamsConfig | null;
  /** Undefined when LOG_LEVEL is unset: each entry point picks its own default. */
  logLevel: LogLevel | undefined;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  openai: {
    apiKey: string;
    baseURL: string | undefined;
    /** Chat model that writes answers; undefined means extractive answers only. */
    chatModel: string | undefined;
    /** Embedding model for vector search; undefined means lexical search only. */
    embeddingModel: string | undefined;
    timeoutMs: number;
  } | null;
}

export const DEFAULT_CHAT_MODEL = 'gpt-4.1-mini';
/** Where the embedded database lives unless EARSHOT_DATA_DIR says otherwise (relative to the current directory). */
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, 'data');

/** Reads Earshot's configuration from the environment; the only place that looks at env variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return describeConfigIssue(name, issue.message, env[name]);
    });
    throw configError(`Invalid configuration:\n${lines.join('\n')}\nFix these variables (see .env.example).`);
  }
  const vars = parsed.data;
  const openaiWanted = vars.OPENAI_MODEL ?? vars.OPENAI_EMBEDDING_MODEL ?? vars.OPENAI_BASE_URL;
  if (openaiWanted && !vars.OPENAI_API_KEY) {
    throw configError(
      'Invalid configuration:\n- OPENAI_API_KEY: is required when OPENAI_MODEL, OPENAI_EMBEDDING_MODEL or OPENAI_BASE_URL is set. ' +
        'Set it (any non-empty value for a local server that needs no key) or unset the others.',
    );
  }
  const slack = slackConfig(vars);
  const teams = teamsConfig(vars);
  const consoleSignIn = consoleSignInConfig(vars);
  const quiet = vars.EARSHOT_QUIET_HOURS ?? '20:00-08:00';
  const [quietStart = '', quietEnd = ''] = quiet.split('-');
  return {
    env: vars.NODE_ENV ?? 'development',
    webhookToken: vars.EARSHOT_WEBHOOK_TOKEN,
    nudges: {
      quietHours: quiet === 'off' ? null : { start: quietStart, end: quietEnd },
      defaultTimeZone: vars.EARSHOT_DEFAULT_TIME_ZONE ?? 'UTC',
    },
    teams,
    port: vars.PORT ?? 3000,
    publicUrl: (vars.EARSHOT_PUBLIC_URL ?? `http://localhost:${vars.PORT ?? 3000}`).replace(/\/+$/, ''),
    events: { leaseMs: (vars.EARSHOT_EVENT_LEASE_SECONDS ?? 120) * 1000, retryWindowMs: 120_000 },
    slack,
    consoleSignIn,
    curatorChannel: vars.EARSHOT_CURATOR_CHANNEL,
    staleEntries: vars.EARSHOT_STALE_ENTRIES ?? 'mark',
    captureEmoji: vars.EARSHOT_CAPTURE_EMOJI ?? 'bulb',
    curators: splitList(vars.EARSHOT_CURATORS ?? ''),
    logLevel: vars.LOG_LEVEL,
    database: vars.DATABASE_URL
      ? { kind: 'postgres', url: vars.DATABASE_URL }
      : // The install's own data/, not the current directory's: every command finds the same database.
        {
          kind: 'pglite',
          dataDir: vars.EARSHOT_DATA_DIR ? path.resolve(vars.EARSHOT_DATA_DIR) : DEFAULT_DATA_DIR,
        },
    openai: vars.OPENAI_API_KEY
      ? {
          apiKey: vars.OPENAI_API_KEY,
          baseURL: vars.OPENAI_BASE_URL,
          chatModel: vars.OPENAI_MODEL ?? DEFAULT_CHAT_MODEL,
          embeddingModel: vars.OPENAI_EMBEDDING_MODEL,
          timeoutMs: vars.OPENAI_TIMEOUT_MS ?? 15_000,
        }
      : null,
  };
}

function splitList(list: string): string[] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * Slack is on with a bot token (its one workspace), with OAuth installs (any number of workspaces), or
 * both; either way events arrive signed over HTTP or through Socket Mode.
 */
function slackConfig(vars: z.infer<typeof envSchema>): SlackConfig | null {
  const oauth = slackOAuthConfig(vars);
  const mode =
    'SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth installs)';
  if (!vars.SLACK_BOT_TOKEN && !oauth) {
    if (vars.SLACK_APP_TOKEN || vars.SLACK_SIGNING_SECRET) {
      throw configError(
        `Invalid configuration:\n- SLACK_BOT_TOKEN: is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set, unless Slack OAuth installs are on. ` +
          "Copy the Bot User OAuth Token (xoxb-…) from the Slack app's OAuth & Permissions page, or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET.",
      );
    }
    return null;
  }
  if (!vars.SLACK_APP_TOKEN && !vars.SLACK_SIGNING_SECRET) {
    throw configError(
      `Invalid configuration:\n- SLACK_SIGNING_SECRET: is required with ${mode} in HTTP mode. ` +
        "Copy it from the Slack app's Basic Information page, or set SLACK_APP_TOKEN to use Socket Mode.",
    );
  }
  return {
    botToken: vars.SLACK_BOT_TOKEN,
    appToken: vars.SLACK_APP_TOKEN,
    signingSecret: vars.SLACK_SIGNING_SECRET,
    apiUrl: vars.SLACK_API_URL,
    oauth,
  };
}

/** OAuth installs need all three Slack app credentials, and a key to encrypt the tokens it receives. */
function slackOAuthConfig(vars: z.infer<typeof envSchema>): SlackOAuthConfig | null {
  const credentials = {
    SLACK_CLIENT_ID: vars.SLACK_CLIENT_ID,
    SLACK_CLIENT_SECRET: vars.SLACK_CLIENT_SECRET,
    SLACK_STATE_SECRET: vars.SLACK_STATE_SECRET,
  };
  const given = Object.entries(credentials).filter(([, value]) => value !== undefined);
  if (given.length === 0) return null;
  const missing = Object.keys(credentials).filter((name) => !given.some(([set]) => set === name));
  if (missing.length > 0) {
    throw configError(
      `Invalid configuration:\n- ${missing.join(', ')}: ${missing.length > 1 ? 'are' : 'is'} required for Slack OAuth installs ` +
        `(${given.map(([name]) => name).join(', ')} ${given.length > 1 ? 'are' : 'is'} set). Copy the Client ID and Client Secret from the ` +
        "Slack app's Basic Information page and make a state secret with `openssl rand -hex 32`, or unset the others.",
    );
  }
  const key = vars.EARSHOT_ENCRYPTION_KEY ? encryptionKeyBytes(vars.EARSHOT_ENCRYPTION_KEY) : null;
  if (!key) {
    throw configError(
      'Invalid configuration:\n- EARSHOT_ENCRYPTION_KEY: is required with Slack OAuth installs (SLACK_CLIENT_ID): the bot tokens ' +
        `of installed workspaces are stored encrypted with it. Make one with ${MAKE_KEY} and keep it as safe as a password ` +
        '(without it the stored tokens cannot be read and every workspace must install again).',
    );
  }
  return {
    clientId: vars.SLACK_CLIENT_ID as string,
    clientSecret: vars.SLACK_CLIENT_SECRET as string,
    stateSecret: vars.SLACK_STATE_SECRET as string,
    encryptionKey: key,
  };
}

/**
 * Teams is closed by default: it is on with an app id (every token validated), or without one only by
 * the explicit EARSHOT_TEAMS_DEV_NO_AUTH=true, which production refuses.
 */
/** An OpenID Connect provider the console signs people in with. */
export interface OidcProviderConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface ConsoleSignInConfig {
  slack: OidcProviderConfig | null;
  entra: OidcProviderConfig | null;
}

function consoleSignInConfig(vars: z.infer<typeof envSchema>): ConsoleSignInConfig {
  const provider = (
    prefix: 'EARSHOT_CONSOLE_SLACK' | 'EARSHOT_CONSOLE_ENTRA',
    defaultIssuer: string,
    where: string,
  ): OidcProviderConfig | null => {
    const clientId = vars[`${prefix}_CLIENT_ID`];
    const clientSecret = vars[`${prefix}_CLIENT_SECRET`];
    const issuer = vars[`${prefix}_ISSUER`];
    if (!clientId && !clientSecret) {
      if (issuer) {
        throw configError(
          `Invalid configuration:\n- ${prefix}_CLIENT_ID: is required when ${prefix}_ISSUER is set. Set ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET, or unset ${prefix}_ISSUER.`,
        );
      }
      return null;
    }
    const missing = clientId ? `${prefix}_CLIENT_SECRET` : `${prefix}_CLIENT_ID`;
    if (!clientId || !clientSecret) {
      throw configError(
        `Invalid configuration:\n- ${missing}: is required with ${clientId ? `${prefix}_CLIENT_ID` : `${prefix}_CLIENT_SECRET`} (copy it from ${where}), or unset both to turn this sign-in off.`,
      );
    }
    return { issuer: (issuer ?? defaultIssuer).replace(/\/+$/, ''), clientId, clientSecret };
  };
  return {
    slack: provider('EARSHOT_CONSOLE_SLACK', 'https://slack.com', "the Slack app's Basic Information page"),
    entra: provider(
      'EARSHOT_CONSOLE_ENTRA',
      'https://login.microsoftonline.com/organizations/v2.0',
      "the Entra app registration's Overview and Certificates & secrets pages",
    ),
  };
}

function teamsConfig(vars: z.infer<typeof envSchema>): TeamsConfig | null {
  const devNoAuth = vars.EARSHOT_TEAMS_DEV_NO_AUTH === 'true';
  if (devNoAuth && vars.NODE_ENV === 'production') {
    throw configError(
      'Invalid configuration:\n- EARSHOT_TEAMS_DEV_NO_AUTH: is refused when NODE_ENV=production, because it lets anyone ' +
        'post to the Teams endpoint. Unset it, and set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD from the Azure Bot registration.',
    );
  }
  if (devNoAuth && vars.MICROSOFT_APP_ID) {
    throw configError(
      'Invalid configuration:\n- EARSHOT_TEAMS_DEV_NO_AUTH: cannot be combined with MICROSOFT_APP_ID (with an app id every ' +
        'Teams request is authenticated). Unset one of them.',
    );
  }
  const appType = vars.MICROSOFT_APP_TYPE ?? 'MultiTenant';
  if (!vars.MICROSOFT_APP_ID && !devNoAuth) {
    if (vars.MICROSOFT_APP_PASSWORD || vars.MICROSOFT_APP_TENANT_ID || vars.MICROSOFT_APP_TYPE) {
      throw configError(
        'Invalid configuration:\n- MICROSOFT_APP_ID: is required when MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID or ' +
          "MICROSOFT_APP_TYPE is set. Copy the app (client) id from the Azure Bot's Configuration page, or unset the others.",
      );
    }
    return null;
  }
  if (vars.MICROSOFT_APP_ID && appType !== 'UserAssignedMSI' && !vars.MICROSOFT_APP_PASSWORD) {
    throw configError(
      'Invalid configuration:\n- MICROSOFT_APP_PASSWORD: is required with MICROSOFT_APP_ID (a client secret of the Azure Bot app registration).',
    );
  }
  if (appType === 'SingleTenant' && !vars.MICROSOFT_APP_TENANT_ID) {
    throw configError(
      'Invalid configuration:\n- MICROSOFT_APP_TENANT_ID: is required when MICROSOFT_APP_TYPE=SingleTenant.',
    );
  }
  return {
    appId: vars.MICROSOFT_APP_ID,
    devNoAuth,
    appPassword: vars.MICROSOFT_APP_PASSWORD,
    appTenantId: vars.MICROSOFT_APP_TENANT_ID,
    appType,
    openIdMetadataUrl: vars.MICROSOFT_OPENID_METADATA_URL,
    loginUrl: vars.MICROSOFT_LOGIN_URL,
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function configError(message: string) {
  return new EarshotError({ code: 'config_invalid', message });
}

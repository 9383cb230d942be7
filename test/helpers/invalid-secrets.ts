/**
 * One wrong value for every secret-bearing variable, as people get them wrong: the wrong kind of
 * token, a truncated secret, a trailing line break from Windows, a password inside a URL. `secret` is
 * what must never be printed; `fix` is what the error must say instead.
 */
export interface InvalidSecret {
  variable: string;
  env: Record<string, string>;
  secret: string;
  fix: RegExp;
}

const SIGNING = 'c0ffee5ecretc0ffee5ecretc0ffee55';
const GUID = '7d0c6a2e-93b1-4f5e-8a4c-2b9e1f0d3c55';

export const INVALID_SECRETS: InvalidSecret[] = [
  {
    variable: 'SLACK_BOT_TOKEN',
    env: { SLACK_BOT_TOKEN: 'xoxp-1111-2222-USERTOKENSECRET', SLACK_SIGNING_SECRET: SIGNING },
    secret: 'USERTOKENSECRET',
    fix: /SLACK_BOT_TOKEN: must be a bot token starting with xoxb-: copy the Bot User OAuth Token/,
  },
  {
    variable: 'SLACK_BOT_TOKEN',
    env: { SLACK_BOT_TOKEN: 'xoxb-1111-CRLFTOKENSECRET\r', SLACK_SIGNING_SECRET: SIGNING },
    secret: 'CRLFTOKENSECRET',
    fix: /SLACK_BOT_TOKEN: must be one word, without spaces or line breaks/,
  },
  {
    variable: 'SLACK_SIGNING_SECRET',
    env: { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'Zq9#xW' },
    secret: 'Zq9#xW',
    fix: /SLACK_SIGNING_SECRET: must be the Signing Secret from the Slack app's Basic Information page/,
  },
  {
    variable: 'SLACK_CLIENT_SECRET',
    env: { SLACK_CLIENT_SECRET: 'c11e47-CLIENTSECRET\n' },
    secret: 'CLIENTSECRET',
    fix: /SLACK_CLIENT_SECRET: must be one word, without spaces or line breaks/,
  },
  {
    variable: 'EARSHOT_ENCRYPTION_KEY',
    env: { EARSHOT_ENCRYPTION_KEY: 'SHORTKEYSECRET' },
    secret: 'SHORTKEYSECRET',
    fix: /EARSHOT_ENCRYPTION_KEY: must be 32 random bytes, base64 or hex encoded: make one with `openssl rand -base64 32`/,
  },
  {
    variable: 'SLACK_APP_TOKEN',
    env: { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-PASTEDBOTTOKENSECRET' },
    secret: 'PASTEDBOTTOKENSECRET',
    fix: /SLACK_APP_TOKEN: must be an app-level token starting with xapp-/,
  },
  {
    variable: 'OPENAI_API_KEY',
    env: { OPENAI_API_KEY: 'sk-proj-OPENAIKEYSECRET and a comment' },
    secret: 'OPENAIKEYSECRET',
    fix: /OPENAI_API_KEY: must be the API key as one word/,
  },
  {
    variable: 'MICROSOFT_APP_PASSWORD',
    env: { MICROSOFT_APP_ID: GUID, MICROSOFT_APP_PASSWORD: 'Q8~TEAMSPASSWORDSECRET\n' },
    secret: 'TEAMSPASSWORDSECRET',
    fix: /MICROSOFT_APP_PASSWORD: must be one word/,
  },
  {
    variable: 'MICROSOFT_APP_PASSWORD',
    env: { MICROSOFT_APP_ID: GUID, MICROSOFT_APP_PASSWORD: '0a4f3e2d-5c6b-4a79-8e1d-5ec7e71d0001' },
    secret: '5ec7e71d0001',
    fix: /MICROSOFT_APP_PASSWORD: must be the client secret's Value .* not its Secret ID/,
  },
  {
    variable: 'EARSHOT_WEBHOOK_TOKEN',
    env: { EARSHOT_WEBHOOK_TOKEN: 'WEBHOOKSECRET42' },
    secret: 'WEBHOOKSECRET42',
    fix: /EARSHOT_WEBHOOK_TOKEN: must be a long random secret \(at least 24 characters\)/,
  },
  {
    variable: 'DATABASE_URL',
    env: { DATABASE_URL: 'mysql://admin:DBPASSWORDSECRET@db.internal/earshot' },
    secret: 'DBPASSWORDSECRET',
    fix: /DATABASE_URL: must be a PostgreSQL URL such as postgres:/,
  },
  {
    variable: 'OPENAI_BASE_URL',
    env: { OPENAI_API_KEY: 'sk-1', OPENAI_BASE_URL: 'https://proxy:BASEURLSECRET@llm.example/v1' },
    secret: 'BASEURLSECRET',
    fix: /OPENAI_BASE_URL: must not contain a user name or password: put the key in OPENAI_API_KEY/,
  },
  {
    variable: 'SLACK_API_URL',
    env: {
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: SIGNING,
      SLACK_API_URL: 'https://gov:SLACKURLSECRET@slack-gov.com/api/',
    },
    secret: 'SLACKURLSECRET',
    fix: /SLACK_API_URL: must not contain a user name or password/,
  },
];

const TOKEN_REJECTED = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'missing_scope',
]);

/** The stage a start-up failure happened in: the bot token's check, or opening Socket Mode with the app token. */
export type SlackStartStage = 'bot_token' | 'socket_mode';

/** Marks an error with the stage it came from, so the log line names the right token. */
export class SlackStartError extends Error {
  constructor(
    readonly stage: SlackStartStage,
    readonly original: unknown,
  ) {
    super(original instanceof Error ? original.message : String(original), { cause: original });
  }
}

/** What went wrong starting Slack and how to fix it, in one sentence without secrets. */
export function explainSlackStartFailure(error: unknown, apiUrl: string | undefined): string {
  const stage = error instanceof SlackStartError ? error.stage : 'bot_token';
  const original = error instanceof SlackStartError ? error.original : error;
  const e = original as { code?: string; data?: { error?: string }; original?: { code?: string } };
  const platformError = e?.code === 'slack_webapi_platform_error' ? e.data?.error : undefined;
  if (platformError && TOKEN_REJECTED.has(platformError)) {
    return stage === 'socket_mode'
      ? `SLACK_APP_TOKEN was rejected (${platformError}): create an app-level token with connections:write (Basic Information → App-Level Tokens) and copy it again`
      : `SLACK_BOT_TOKEN was rejected (${platformError}): reinstall the app or copy the Bot User OAuth Token again (OAuth & Permissions)`;
  }
  if (platformError) return `Slack refused to start (${platformError})`;
  if (e?.code === 'slack_webapi_request_error') {
    const why = networkCode(original) ?? 'no answer';
    return `Slack's Web API (${apiUrl ?? 'https://slack.com/api/'}) cannot be reached (${why}): check the network, a proxy, or SLACK_API_URL`;
  }
  return `Slack failed to start: ${original instanceof Error ? original.message : String(original)}`;
}

/** The system error code (ECONNREFUSED, ENOTFOUND…) somewhere down the cause chain of a failed request. */
function networkCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  const e = error as { code?: unknown; cause?: unknown; original?: unknown };
  if (typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code)) return e.code;
  return networkCode(e.original, depth + 1) ?? networkCode(e.cause, depth + 1);
}

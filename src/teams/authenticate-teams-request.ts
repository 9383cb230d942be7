import type { Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/** What botbuilder needs to run a turn for an authenticated request (claims, connector factory). */
export type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

export type TeamsAuthentication =
  | { ok: true; result: AuthenticateRequestResult }
  | { ok: false; status: 401 | 503; reason: string };

/**
 * Validates the request's Bot Framework token. botbuilder signals a bad token in several ways: an
 * `AuthenticationError` with a status (401, or 400 for a missing header), or jsonwebtoken's own errors
 * (a foreign key's signature, `alg: none`, HS256 keyed with the public key) that CloudAdapter turns into
 * 500. All of them mean the caller is not Bot Framework: 401. Only a failure to fetch the signing keys is
 * ours to fix, and says so with 503 (the Bot Connector retries).
 */
export async function authenticateTeamsRequest(
  auth: ConfigurationBotFrameworkAuthentication,
  activity: Activity,
  authorization: string,
): Promise<TeamsAuthentication> {
  try {
    return { ok: true, result: await auth.authenticateRequest(activity, authorization) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, status: signingKeysUnavailable(error) ? 503 : 401, reason };
  }
}

/** botbuilder's OpenID metadata fetch failed (an AuthenticationError with a 5xx status, or the network). */
function signingKeysUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  if (typeof statusCode === 'number') return statusCode >= 500 && /^Failed to load/.test(error.message);
  return error.name === 'FetchError';
}

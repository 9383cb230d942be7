import { randomBytes } from 'node:crypto';
import type { FakeSlackApi, OAuthGrant } from './fake-slack-api.ts';

export interface InstallStart {
  /** Slack's authorize URL Earshot sent the browser to. */
  authorizeUrl: URL;
  state: string;
  /** The state cookie as the browser stores it (`name=value`). */
  cookie: string;
}

/** A browser opening `GET /slack/install`: follows nothing, keeps the redirect and the state cookie. */
export async function startInstall(baseUrl: string): Promise<InstallStart> {
  const response = await fetch(`${baseUrl}/slack/install`, { redirect: 'manual' });
  if (response.status !== 302) throw new Error(`/slack/install answered ${response.status}`);
  const authorizeUrl = new URL(response.headers.get('location') ?? '');
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { authorizeUrl, state: authorizeUrl.searchParams.get('state') ?? '', cookie };
}

/** Slack sending the browser back to `GET /slack/oauth_redirect` with a code and the state. */
export async function finishInstall(
  baseUrl: string,
  query: { code: string; state: string },
  cookie: string | undefined,
): Promise<{ status: number; text: string }> {
  const url = new URL(`${baseUrl}/slack/oauth_redirect`);
  url.searchParams.set('code', query.code);
  url.searchParams.set('state', query.state);
  const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: response.status, text: await response.text() };
}

/** The whole flow: the person approves `grant` on Slack's page, and Slack redirects back. */
export async function installByOAuth(
  baseUrl: string,
  slack: FakeSlackApi,
  grant: OAuthGrant,
): Promise<{ status: number; text: string }> {
  const start = await startInstall(baseUrl);
  const code = `code-${randomBytes(6).toString('hex')}`;
  slack.grantOAuth(code, grant);
  return finishInstall(baseUrl, { code, state: start.state }, start.cookie);
}

import { SLACK_BOT_SCOPES } from '../../../src/slack/oauth/bot-scopes.ts';
import { SLACK_IDS } from './slack-ids.ts';

/** What a person's consent on Slack's authorize page grants: `oauth.v2.access` trades its code for this. */
export interface OAuthGrant {
  /** Null for an Enterprise Grid org-wide install. */
  team: { id: string; name: string } | null;
  enterprise?: { id: string; name: string } | null;
  isEnterpriseInstall?: boolean;
  botToken: string;
  botUserId: string;
  botId: string;
  scope: string;
  installerUserId: string;
}

export interface FakeSlackOAuth {
  clientId: string;
  clientSecret: string;
}

type Reply = { ok: boolean; [field: string]: unknown };

/**
 * Slack's side of OAuth installs: codes redeemable once by the app's client id and secret, and the
 * identity (`auth.test`) of each bot token they gave out.
 */
export class FakeOAuthGrants {
  private readonly codes = new Map<string, OAuthGrant>();
  private readonly bots = new Map<string, OAuthGrant>();

  constructor(private readonly app: FakeSlackOAuth | undefined) {}

  /** The code Slack appends to the redirect after the person approved `grant`. */
  add(code: string, grant: OAuthGrant): void {
    this.codes.set(code, grant);
  }

  /** `oauth.v2.access` (authorization_code grant), answered in Slack's response shape. */
  access(args: Record<string, unknown>): Reply {
    if (!this.app || args.client_id !== this.app.clientId) return { ok: false, error: 'invalid_client_id' };
    if (args.client_secret !== this.app.clientSecret) return { ok: false, error: 'bad_client_secret' };
    const code = typeof args.code === 'string' ? args.code : '';
    const grant = this.codes.get(code);
    if (!grant) return { ok: false, error: 'invalid_code' };
    this.codes.delete(code);
    this.bots.set(grant.botToken, grant);
    return {
      ok: true,
      app_id: SLACK_IDS.appId,
      authed_user: { id: grant.installerUserId },
      scope: grant.scope,
      token_type: 'bot',
      access_token: grant.botToken,
      bot_user_id: grant.botUserId,
      team: grant.team,
      enterprise: grant.enterprise ?? null,
      is_enterprise_install: grant.isEnterpriseInstall ?? false,
    };
  }

  /** `auth.test` for a token `access` gave out; undefined for any other token. */
  identity(token: string | undefined): Reply | undefined {
    const grant = token ? this.bots.get(token) : undefined;
    if (!grant) return undefined;
    return {
      ok: true,
      url: grant.isEnterpriseInstall
        ? `https://${grant.enterprise?.id.toLowerCase()}.enterprise.slack.com/`
        : `https://${grant.team?.id.toLowerCase()}.slack.com/`,
      team: grant.team?.name ?? grant.enterprise?.name,
      user: 'earshot',
      team_id: grant.team?.id ?? grant.enterprise?.id,
      user_id: grant.botUserId,
      bot_id: grant.botId,
      ...(grant.enterprise ? { enterprise_id: grant.enterprise.id } : {}),
      is_enterprise_install: grant.isEnterpriseInstall ?? false,
    };
  }
}

/** The Slack app's OAuth credentials as tests configure both Earshot and the fake Slack with them. */
export const TEST_OAUTH_APP = {
  clientId: '1234567890.9876543210',
  clientSecret: 'fake-client-secret-0123456789',
  stateSecret: 'state-secret-0123456789abcdef0123456789',
};

/** Earshot's environment for OAuth installs with TEST_OAUTH_APP. */
export const OAUTH_ENV = {
  SLACK_CLIENT_ID: TEST_OAUTH_APP.clientId,
  SLACK_CLIENT_SECRET: TEST_OAUTH_APP.clientSecret,
  SLACK_STATE_SECRET: TEST_OAUTH_APP.stateSecret,
  EARSHOT_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

/** A second sales region's workspace, installed by OAuth next to the one of SLACK_BOT_TOKEN. */
export const EMEA_GRANT: OAuthGrant = {
  team: { id: 'T_EMEA', name: 'Acme EMEA' },
  botToken: 'xoxb-emea-oauth-token-4f1c2d9e',
  botUserId: 'U_BOT_EMEA',
  botId: 'B_EMEA',
  scope: SLACK_BOT_SCOPES.join(','),
  installerUserId: 'U_EMEA_ADMIN',
};

import {
  type FakeBotFrameworkAuth,
  primeOutboundToken,
  startFakeBotFrameworkAuth,
} from './bot-framework-auth.ts';
import {
  type FakeBotConnector,
  type FakeBotConnectorOptions,
  startFakeBotConnector,
} from './fake-bot-connector.ts';
import { postActivity as postUnsigned, type TeamsActivity } from './teams-activities.ts';

export const TEAMS_APP_ID = '11111111-2222-4333-8444-555555555555';

export interface TeamsHarness {
  appId: string;
  /** The fake Bot Framework token issuer (OpenID metadata, JWKS); signs and forges tokens. */
  auth: FakeBotFrameworkAuth;
  /** The fake Bot Connector that Earshot's replies go to: put `connector.serviceUrl` in activities. */
  connector: FakeBotConnector;
  /** Environment for `testEarshot`: Teams with an app id, every token validated, as in production. */
  env: Record<string, string>;
  /** `http://127.0.0.1:PORT/api/messages` of a started Earshot server. */
  urlOf(server: { port: number }): string;
  /**
   * POSTs an activity as the Bot Connector does, with a valid token for the activity's `serviceUrl`
   * (or the given one, e.g. a forged token).
   */
  postActivity(
    to: string | { port: number },
    activity: TeamsActivity | Record<string, unknown>,
    options?: { token?: string },
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/**
 * Teams as production runs it, on loopback: a Bot Framework token issuer and a Bot Connector, an
 * outbound token primed so replies need no Azure AD, and the env that points Earshot at them.
 */
export async function startTeamsHarness(
  options: {
    appId?: string;
    connector?: FakeBotConnectorOptions;
    /** Channels the signing key is endorsed for; default `msteams`. */
    endorsements?: string[];
  } = {},
): Promise<TeamsHarness> {
  const appId = options.appId ?? TEAMS_APP_ID;
  const auth = await startFakeBotFrameworkAuth({ appId, endorsements: options.endorsements });
  const connector = await startFakeBotConnector(options.connector);
  const unprime = primeOutboundToken({ appId, token: 'outbound-token' });
  const urlOf = (server: { port: number }) => `http://127.0.0.1:${server.port}/api/messages`;
  return {
    appId,
    auth,
    connector,
    env: {
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: 'test-client-secret',
      MICROSOFT_OPENID_METADATA_URL: auth.openIdMetadataUrl,
    },
    urlOf,
    postActivity: (to, activity, { token } = {}) =>
      postUnsigned(typeof to === 'string' ? to : urlOf(to), activity, {
        token: token ?? auth.signToken({ serviceUrl: String(activity.serviceUrl) }),
      }),
    close: async () => {
      unprime();
      await connector.close();
      await auth.close();
    },
  };
}

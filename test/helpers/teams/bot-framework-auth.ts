import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppCredentials } from 'botframework-connector';
import jwt from 'jsonwebtoken';
import { testRsaKeyPair } from '../test-rsa-keys.ts';

/*
 * How botbuilder 4.23.3 validates a channel's token (read from botbuilder-core/configurationBotFrameworkAuthentication.js
 * and botframework-connector/lib/auth/{botFrameworkAuthenticationFactory,parameterizedBotFrameworkAuthentication,
 * jwtTokenExtractor,openIdMetadata,endorsementsValidator}.js):
 *
 * - `new ConfigurationBotFrameworkAuthentication(config)` reads `ToBotFromChannelOpenIdMetadataUrl` (or the legacy
 *   key `BotOpenIdMetadata`). BUT as soon as ANY of `ToChannelFromBotLoginUrl`, `ToChannelFromBotOAuthScope`,
 *   `ToBotFromChannelTokenIssuer`, `OAuthUrl`, `ToBotFromChannelOpenIdMetadataUrl`,
 *   `ToBotFromEmulatorOpenIdMetadataUrl`, `CallerId` is set, BotFrameworkAuthenticationFactory takes ALL of them
 *   from config and drops the public-cloud defaults for the rest. Setting only the metadata URL leaves the issuer
 *   undefined, so every token is rejected (401) and the outbound login URL/scope are missing. `authConfig()` below
 *   therefore sets all seven.
 * - The token must have `iss` === `ToBotFromChannelTokenIssuer` (else "No valid identity", 401), a `kid` found in
 *   the JWKS, alg RS256, `aud` === `MicrosoftAppId` (checked by the credential factory, not by jsonwebtoken: wrong
 *   audience -> 401 "Invalid AppId passed on token"), and a `serviceurl` claim EXACTLY equal to the activity's
 *   `serviceUrl` (string compare, trailing slash included) whenever the activity has one.
 * - Expiry is checked by jsonwebtoken with `clockTolerance: 300`: a token expired less than 5 minutes ago is still
 *   accepted. Use `expiresInSeconds: -600` for an expired token.
 * - Endorsements: if the JWKS key has a non-empty `endorsements` array, the activity's `channelId` must be in it
 *   (an empty/missing channelId passes). With `endorsements: ['msteams']` an activity with `channelId: 'msteams'`
 *   passes and e.g. `channelId: 'webchat'` gets 401. `teamsMessage()` sets `channelId: 'msteams'`.
 * - OpenID metadata is cached per URL for the whole process (24 h, static map in JwtTokenExtractor): each fake
 *   server has its own URL (a random path, since the OS may hand a closed fake's port to the next one),
 *   which keeps tests independent.
 * - A token with `ver` and `appid` claims and an audience other than the issuer counts as a skill token and is
 *   validated differently: signToken() sets neither.
 *
 * Outbound (the bot replying with an app id): ConnectorFactoryImpl -> PasswordServiceClientCredentialFactory ->
 * MicrosoftAppCredentials/PrivateCloudAppCredentials -> MSAL `acquireTokenByClientCredential` against
 * `ToChannelFromBotLoginUrl`. MSAL refuses any non-https authority (`authority_uri_insecure`), so it cannot be
 * pointed at a loopback http server. Every AppCredentials first looks in the static `AppCredentials.cache` under
 * `${appId}${oAuthScope}-cache`, so `primeOutboundToken()` puts a token there and no login request is made.
 */

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
export const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';
export const BOT_FRAMEWORK_LOGIN_URL = 'https://login.microsoftonline.com/botframework.com';

export interface SignTokenOptions {
  /** Must equal the activity's `serviceUrl` exactly. */
  serviceUrl: string;
  /** Defaults to the app id. */
  audience?: string;
  /** Defaults to 3600; negative for an expired token (beyond -300, see the clock tolerance note). */
  expiresInSeconds?: number;
  /** Defaults to `https://api.botframework.com`. */
  issuer?: string;
  /** Defaults to the served key's kid. */
  keyId?: string;
}

/**
 * Tokens an attacker can make without Bot Framework's private key. Each must get 401:
 * - `unknown-key`: RS256, the served kid, signed with another RSA key;
 * - `unknown-kid`: RS256 with a kid the JWKS does not serve;
 * - `alg-none`: unsigned (`alg: none`, empty signature);
 * - `hs256-public-key`: HS256 with the served public key (PEM) as the HMAC secret, the classic key confusion;
 * - `garbled`: not a JWT at all.
 */
export type ForgedTokenKind = 'unknown-key' | 'unknown-kid' | 'alg-none' | 'hs256-public-key' | 'garbled';

export interface FakeBotFrameworkAuth {
  appId: string;
  /** `http://127.0.0.1:PORT/v1/.well-known/openidconfiguration` */
  openIdMetadataUrl: string;
  jwksUrl: string;
  keyId: string;
  /** An RS256 JWT as the Bot Connector service sends in `Authorization: Bearer …`. */
  signToken(options: SignTokenOptions): string;
  /** A token with valid claims (issuer, audience, serviceurl, expiry) that is not signed by the served key. */
  forgeToken(kind: ForgedTokenKind, options: { serviceUrl: string }): string;
  /** Settings for `new ConfigurationBotFrameworkAuthentication(...)` that validate against this server. */
  authConfig(appPassword?: string): BotFrameworkAuthConfig;
  close(): Promise<void>;
}

export interface BotFrameworkAuthConfig {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: 'MultiTenant';
  ToBotFromChannelOpenIdMetadataUrl: string;
  ToBotFromChannelTokenIssuer: string;
  ToBotFromEmulatorOpenIdMetadataUrl: string;
  ToChannelFromBotLoginUrl: string;
  ToChannelFromBotOAuthScope: string;
  OAuthUrl: string;
  CallerId: string;
  [key: string]: string;
}

/**
 * Serves Bot Framework OpenID metadata and a JWKS (one RSA key generated at start, endorsed for `msteams`) on
 * 127.0.0.1, and signs channel tokens with that key.
 */
export async function startFakeBotFrameworkAuth(options: {
  appId: string;
  endorsements?: string[];
}): Promise<FakeBotFrameworkAuth> {
  const { publicKey, privateKey } = testRsaKeyPair('bot framework');
  const foreignKey = testRsaKeyPair('not the bot framework').privateKey;
  const keyId = `fake-${randomUUID()}`;
  const jwk = publicKey.export({ format: 'jwk' });
  // botbuilder caches OpenID metadata and keys per URL for the whole process, and a test worker keeps
  // its modules from file to file: a later fake on a port the OS hands out again must not find this
  // one's keys cached under its URL. The path makes every fake's URL its own.
  let base = '';
  const prefix = `/${randomUUID()}`;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    if (req.method === 'GET' && path === `${prefix}/v1/.well-known/openidconfiguration`) {
      return sendJson(res, 200, {
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: 'https://invalid.botframework.com',
        jwks_uri: `${base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (req.method === 'GET' && path === `${prefix}/v1/.well-known/keys`) {
      return sendJson(res, 200, {
        keys: [
          {
            kty: 'RSA',
            use: 'sig',
            kid: keyId,
            n: jwk.n,
            e: jwk.e,
            endorsements: options.endorsements ?? ['msteams'],
          },
        ],
      });
    }
    return sendJson(res, 404, { error: `fake-bot-framework-auth: ${path}` });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`;
  const openIdMetadataUrl = `${base}/v1/.well-known/openidconfiguration`;

  return {
    appId: options.appId,
    openIdMetadataUrl,
    jwksUrl: `${base}/v1/.well-known/keys`,
    keyId,
    signToken: ({
      serviceUrl,
      audience,
      expiresInSeconds = 3600,
      issuer = BOT_FRAMEWORK_ISSUER,
      keyId: kid,
    }) => {
      const now = Math.floor(Date.now() / 1000);
      return jwt.sign(
        {
          iss: issuer,
          aud: audience ?? options.appId,
          serviceurl: serviceUrl,
          iat: now + Math.min(0, expiresInSeconds) - 60,
          exp: now + expiresInSeconds,
        },
        privateKey,
        { algorithm: 'RS256', keyid: kid ?? keyId },
      );
    },
    forgeToken: (kind, { serviceUrl }) => {
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        iss: BOT_FRAMEWORK_ISSUER,
        aud: options.appId,
        serviceurl: serviceUrl,
        iat: now - 60,
        exp: now + 3600,
      };
      if (kind === 'unknown-key') return jwt.sign(claims, foreignKey, { algorithm: 'RS256', keyid: keyId });
      if (kind === 'unknown-kid') {
        return jwt.sign(claims, privateKey, { algorithm: 'RS256', keyid: `unknown-${randomUUID()}` });
      }
      if (kind === 'garbled') return 'not.a-jwt';
      // Built by hand: jsonwebtoken refuses to sign these itself.
      const encode = (part: unknown) => Buffer.from(JSON.stringify(part)).toString('base64url');
      if (kind === 'alg-none') {
        return `${encode({ alg: 'none', typ: 'JWT', kid: keyId })}.${encode(claims)}.`;
      }
      const signingInput = `${encode({ alg: 'HS256', typ: 'JWT', kid: keyId })}.${encode(claims)}`;
      const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const signature = createHmac('sha256', publicPem).update(signingInput).digest('base64url');
      return `${signingInput}.${signature}`;
    },
    authConfig: (appPassword = 'fake-app-password') => ({
      MicrosoftAppId: options.appId,
      MicrosoftAppPassword: appPassword,
      MicrosoftAppType: 'MultiTenant',
      ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: BOT_FRAMEWORK_ISSUER,
      // Only used for emulator tokens (issuer login.microsoftonline.com / sts.windows.net); kept off the internet.
      ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
      ToChannelFromBotLoginUrl: BOT_FRAMEWORK_LOGIN_URL,
      ToChannelFromBotOAuthScope: BOT_FRAMEWORK_SCOPE,
      OAuthUrl: BOT_FRAMEWORK_SCOPE,
      CallerId: 'urn:botframework:azure',
    }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/**
 * Makes the bot's outbound calls (replies, proactive messages) use `token` instead of asking
 * login.microsoftonline.com, by seeding botbuilder's process-wide AppCredentials token cache.
 * Returns a function that removes the entry.
 */
export function primeOutboundToken(options: {
  appId: string;
  token?: string;
  /** `ToChannelFromBotOAuthScope`; defaults to `https://api.botframework.com`. */
  scope?: string;
}): () => void {
  const key = `${options.appId}${options.scope ?? BOT_FRAMEWORK_SCOPE}-cache`;
  // `cache` is `private static` in the typings but public at runtime: `Map<string, { accessToken, expiresOn }>`.
  const { cache } = AppCredentials as unknown as {
    cache: Map<string, { accessToken: string; expiresOn: Date }>;
  };
  cache.set(key, {
    accessToken: options.token ?? 'fake-outbound-token',
    expiresOn: new Date(Date.now() + 3_600_000),
  });
  return () => {
    cache.delete(key);
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

import * as client from 'openid-client';
import type { Logger } from '../../logger.ts';
import type { OidcProvider, ProviderIdentity } from './oidc-providers.ts';

/** What the browser keeps between leaving for the provider and coming back (in an HttpOnly cookie). */
export interface PendingSignIn {
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
}

export type FinishedSignIn =
  | { ok: true; identity: ProviderIdentity }
  | { ok: false; reason: 'denied' | 'unverified' | 'unknown_identity' | 'unavailable' };

/** Only a provider on this machine (tests, a local fake) may be reached without TLS. */
function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * The authorization code flow with PKCE, state and nonce through openid-client: the ID token is
 * verified against the provider's JWKS (signature, issuer, audience, expiry, nonce) before its claims
 * are read. Discovery is fetched once per provider, and again after a failure.
 */
export class OidcSignIn {
  private readonly configurations = new Map<string, Promise<client.Configuration>>();

  constructor(
    private readonly deps: { providers: OidcProvider[]; logger: Logger; redirectUri: (id: string) => string },
  ) {}

  get providers(): readonly OidcProvider[] {
    return this.deps.providers;
  }

  provider(id: string): OidcProvider | null {
    return this.deps.providers.find((provider) => provider.id === id) ?? null;
  }

  /** The provider's authorization URL and what to keep until the browser comes back; null when unreachable. */
  async start(provider: OidcProvider): Promise<{ url: URL; pending: PendingSignIn } | null> {
    const configuration = await this.configuration(provider);
    if (!configuration) return null;
    const pending: PendingSignIn = {
      provider: provider.id,
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.deps.redirectUri(provider.id),
      scope: provider.scope,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  /** Checks the provider's answer (`?code&state` or `?error`) against what was kept, and reads the identity. */
  async finish(
    provider: OidcProvider,
    query: URLSearchParams,
    pending: PendingSignIn,
  ): Promise<FinishedSignIn> {
    if (query.has('error')) return { ok: false, reason: 'denied' };
    const configuration = await this.configuration(provider);
    if (!configuration) return { ok: false, reason: 'unavailable' };
    const current = new URL(this.deps.redirectUri(provider.id));
    current.search = query.toString();
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      this.deps.logger.warn(
        { provider: provider.id, reason: error instanceof Error ? error.message : String(error) },
        'console sign-in refused: the provider answer could not be verified',
      );
      return { ok: false, reason: 'unverified' };
    }
    const identity = claims ? provider.identityOf(claims) : null;
    return identity ? { ok: true, identity } : { ok: false, reason: 'unknown_identity' };
  }

  private async configuration(provider: OidcProvider): Promise<client.Configuration | null> {
    let configuration = this.configurations.get(provider.id);
    if (!configuration) {
      const issuer = new URL(provider.issuer);
      configuration = client.discovery(
        issuer,
        provider.clientId,
        undefined,
        client.ClientSecretPost(provider.clientSecret),
        isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      this.configurations.set(provider.id, configuration);
    }
    try {
      return await configuration;
    } catch (error) {
      this.configurations.delete(provider.id);
      this.deps.logger.error({ err: error, provider: provider.id }, 'console sign-in: discovery failed');
      return null;
    }
  }
}

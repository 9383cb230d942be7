import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { testRsaKeyPair } from './test-rsa-keys.ts';

/** What the fake puts in the next ID token, and how it may misbehave. */
export interface FakeSignIn {
  claims: Record<string, unknown>;
  /** Sign the token with this nonce instead of the one asked for. */
  nonce?: string;
  /** Send the browser back with this state instead of the one asked for. */
  state?: string;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string;
  signIn: FakeSignIn;
}

export interface FakeOidcProvider {
  /** The issuer, `http://127.0.0.1:PORT`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next person to reach the authorize endpoint signs in as (they "consent" at once). */
  signInAs(signIn: FakeSignIn): void;
  /** The authorization requests received, as their query parameters. */
  authorizeRequests: URLSearchParams[];
  close(): Promise<void>;
}

/**
 * An OpenID provider on loopback: discovery document, JWKS, an authorize endpoint that redirects back
 * at once with a code, and a token endpoint that checks the client secret and PKCE verifier and returns
 * an RS256 ID token signed by its own key.
 */
export async function startFakeOidcProvider(options: {
  clientId: string;
  clientSecret: string;
}): Promise<FakeOidcProvider> {
  const { privateKey, publicKey } = testRsaKeyPair(`oidc ${options.clientId}`);
  const kid = randomBytes(8).toString('hex');
  const grants = new Map<string, Grant>();
  const authorizeRequests: URLSearchParams[] = [];
  let next: FakeSignIn | null = null;
  let issuer = '';

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post'],
        scopes_supported: ['openid', 'email', 'profile'],
      });
    }
    if (url.pathname === '/jwks') {
      return json(200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] });
    }
    if (url.pathname === '/authorize') {
      authorizeRequests.push(url.searchParams);
      const signIn = next;
      const redirectUri = url.searchParams.get('redirect_uri') ?? '';
      if (!signIn || url.searchParams.get('client_id') !== options.clientId)
        return json(400, { error: 'invalid_request' });
      const code = randomBytes(16).toString('hex');
      grants.set(code, {
        clientId: options.clientId,
        redirectUri,
        challenge: url.searchParams.get('code_challenge') ?? '',
        nonce: url.searchParams.get('nonce') ?? '',
        signIn,
      });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', signIn.state ?? url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const form = new URLSearchParams(await bodyOf(req));
      const grant = grants.get(form.get('code') ?? '');
      grants.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (
        !grant ||
        form.get('client_id') !== options.clientId ||
        form.get('client_secret') !== options.clientSecret ||
        form.get('redirect_uri') !== grant.redirectUri ||
        challenge !== grant.challenge
      ) {
        return json(400, { error: 'invalid_grant' });
      }
      const idToken = jwt.sign(
        { nonce: grant.signIn.nonce ?? grant.nonce, ...grant.signIn.claims },
        privateKey,
        {
          algorithm: 'RS256',
          keyid: kid,
          issuer,
          audience: grant.clientId,
          subject: 'subject-1',
          expiresIn: 300,
        },
      );
      return json(200, {
        access_token: randomBytes(16).toString('hex'),
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken,
      });
    }
    return json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    ...options,
    authorizeRequests,
    signInAs: (signIn) => {
      next = signIn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

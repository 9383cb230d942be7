import { createHmac } from 'node:crypto';

export type SlackContentType = 'application/json' | 'application/x-www-form-urlencoded';

export interface SignedSlackHeaders {
  'x-slack-request-timestamp': string;
  'x-slack-signature': string;
  'content-type': SlackContentType;
}

export interface SignOptions {
  signingSecret: string;
  /** The raw body exactly as it will be sent; the signature covers these bytes. */
  body: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Defaults to JSON for bodies that start with `{`, form encoding otherwise. */
  contentType?: SlackContentType;
}

/** Slack's v0 request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function signSlackRequest({
  signingSecret,
  body,
  timestamp = Math.floor(Date.now() / 1000),
  contentType = body.trimStart().startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded',
}: SignOptions): SignedSlackHeaders {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${digest}`,
    // Exactly these values: Bolt compares the header with === and parses anything else as JSON.
    'content-type': contentType,
  };
}

export interface PostOptions extends SignOptions {
  /** Slack's redelivery headers, as on a retried event. */
  retryNum?: number;
  retryReason?: 'http_timeout' | 'http_error' | 'too_many_connections' | 'unknown_error' | string;
  /** Signs with a different secret, as a forged request would be. */
  badSignature?: boolean;
}

export interface SlackEndpointResponse {
  status: number;
  text: string;
  /** The body parsed, when it was JSON. */
  json?: unknown;
}

/** POSTs a signed request to an app's Slack endpoint, the way Slack delivers events, commands and interactions. */
export async function postToSlackEndpoint(url: string, options: PostOptions): Promise<SlackEndpointResponse> {
  const { retryNum, retryReason, badSignature, ...signing } = options;
  const secret = badSignature ? `${signing.signingSecret}-forged` : signing.signingSecret;
  const headers: Record<string, string> = { ...signSlackRequest({ ...signing, signingSecret: secret }) };
  if (retryNum !== undefined) headers['x-slack-retry-num'] = String(retryNum);
  if (retryReason !== undefined) headers['x-slack-retry-reason'] = retryReason;
  const response = await fetch(url, { method: 'POST', headers, body: options.body });
  const text = await response.text();
  return { status: response.status, text, json: parseJson(text) };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The URL when it is safe to show as a link in any chat: http or https, no credentials (they make
 * `https://trusted.example@evil.example` read as the wrong host), not absurdly long; else null.
 */
export function safeHttpUrl(url: string | null | undefined, maxLength = 1000): URL | null {
  if (!url || url.length > maxLength) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username || parsed.password) return null;
  return parsed;
}

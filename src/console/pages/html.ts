import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Markup whose interpolated values are escaped (hono's `html`); `raw` only for markup built here. */
export { html, raw };
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** A date as people read it in the console, in UTC: 2026-11-30. */
export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Date and time in UTC, to the minute: 2026-11-30 17:05 UTC. */
export function moment(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Only web links become links: a stored `javascript:` URL must never be clickable. */
export function safeHref(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

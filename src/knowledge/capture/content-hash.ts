import { createHash } from 'node:crypto';

/**
 * A hash of what a message says, ignoring mentions, links, case, punctuation and spacing, so the same
 * text reposted or cross-posted to another channel is recognised.
 */
export function contentHash(text: string): string {
  const normalized = text
    .replace(/<[@#!][^>]*>/g, ' ')
    .replace(/<(https?:[^|>]+)(\|[^>]*)?>/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(normalized).digest('hex');
}

/** Slack markup turned into readable text for an entry body. */
export function plainMessageText(text: string): string {
  return text
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

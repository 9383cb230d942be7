import type { types } from '@slack/bolt';
import type { Source } from '../../knowledge/answer/answer-types.ts';
import { notReviewedSince } from '../../knowledge/answer/freshness.ts';
import { packLines, SLACK_LIMITS } from './block-limits.ts';
import { inlineText, mrkdwnLink } from './mrkdwn.ts';

const MAX_TITLE = 200;
const MAX_NAME = 100;

/** Where a source's citations link to (already a `linkTarget`), or null to show plain numbers. */
export type SourceLinks = ReadonlyMap<number, string | null>;

/** The numbered source list as small print, one line per source, in as few context blocks as fit. */
export function sourceBlocks(
  sources: Source[],
  links: SourceLinks,
  maxBlocks: number,
  now = new Date(),
): types.ContextBlock[] {
  const lines = sources.map((source) => sourceLine(source, links.get(source.n) ?? null, now));
  const chunks = packLines(lines, {
    maxChars: SLACK_LIMITS.contextText,
    maxChunks: maxBlocks,
    more: (omitted) => `_…and ${omitted} more ${omitted === 1 ? 'source' : 'sources'}_`,
  });
  return chunks.map((text) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] }));
}

/** `[n] <url|title> — kind, author, account — YYYY-MM-DD`, and `⚠️ not reviewed since March` when overdue. */
export function sourceLine(source: Source, target: string | null, now = new Date()): string {
  const title = inlineText(source.title, MAX_TITLE) || `Source ${source.n}`;
  const by = [source.author, source.account]
    .map((name) => (name ? inlineText(name, MAX_NAME) : ''))
    .filter(Boolean);
  const parts = [
    `[${source.n}] ${target ? mrkdwnLink(target, title) : title}`,
    [source.kind, ...by].join(', '),
  ];
  // A bad date in one source should cost that date, not the whole answer.
  if (!Number.isNaN(source.createdAt.getTime())) parts.push(source.createdAt.toISOString().slice(0, 10));
  if (source.staleSince) parts.push(`:warning: ${notReviewedSince(source.staleSince, now)}`);
  return parts.join(' — ');
}

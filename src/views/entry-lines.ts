import type { Entry } from '../knowledge/entry.ts';
import { clip } from './clip.ts';
import { isoDay } from './iso-day.ts';
import { KIND_LABELS } from './kind-labels.ts';
import type { Line } from './view-model.ts';

/** How much of an entry's body a review item shows; Edit shows all of it. */
const MAX_EXCERPT = 500;
const MAX_TITLE = 150;
const MAX_NAME = 100;
const MAX_TAGS = 300;

/** An entry's title for a line, or "Entry 42" when it has none. */
export function entryTitle(entry: Pick<Entry, 'id' | 'title'>): string {
  return clip(entry.title, MAX_TITLE) || `Entry ${entry.id}`;
}

/** "Seller tip · **Lead with SCIM**", then what `after` adds (" · due today"). */
export function kindAndTitle(entry: Entry, ...after: string[]): Line {
  return [`${KIND_LABELS[entry.kind]} · `, { text: entryTitle(entry), bold: true }, ...after];
}

export function excerpt(entry: Entry): Line {
  return [clip(entry.body, MAX_EXCERPT)];
}

/** "from Maya in #field-intel, 2026-10-30 · source" (linked). */
export function origin(entry: Entry): Line {
  const from = [
    entry.sourceAuthor ? `from ${clip(entry.sourceAuthor, MAX_NAME)}` : '',
    entry.sourceChannel ? `in ${clip(entry.sourceChannel, MAX_NAME)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const day = isoDay(entry.createdAt);
  const where = from ? [from, day].filter(Boolean).join(', ') : day ? `added ${day}` : '';
  return [where, ...(entry.sourceUrl ? [' · ', { text: 'source', href: entry.sourceUrl }] : [])];
}

/** "Topics: sso, scim · Stage: evaluate · Industry: Retail · Roles: CFO", or nothing. */
export function tags(entry: Entry): Line[] {
  const parts = [
    entry.topics.length > 0 ? `Topics: ${entry.topics.join(', ')}` : '',
    entry.stage ? `Stage: ${entry.stage}` : '',
    entry.industry ? `Industry: ${entry.industry}` : '',
    entry.roles.length > 0 ? `Roles: ${entry.roles.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? [[clip(parts.join(' · '), MAX_TAGS)]] : [];
}

import { clip } from './clip.ts';
import type { Line, Span } from './view-model.ts';

const MAX_NAME = 80;
const MAX_TITLE = 200;

/**
 * A person credited in the digest. Earshot stores a Slack user id when it could look up no name: that
 * becomes a mention. Slack ids always have digits, which keeps names like "UBS" plain text.
 */
export function personSpan(person: string): Span {
  const id = person.trim();
  if (/^[UW][A-Z0-9_]{4,}$/.test(id) && /\d/.test(id)) return { person: { platform: 'slack', userId: id } };
  return clip(person, MAX_NAME);
}

/** " — by Sam", or nothing for an entry without an author. */
export function credit(person: string | null): Line {
  return person ? [' — by ', personSpan(person)] : [];
}

/** A title in bold, linked to its source where the renderer finds the link safe. */
export function titleSpan(item: { title: string; url: string | null }): Span {
  return { text: clip(item.title, MAX_TITLE) || 'Untitled', bold: true, href: item.url };
}

/** "1 note", "3 entries". */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

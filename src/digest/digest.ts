import type { EntryKind } from '../knowledge/entry.ts';
import type { TriggerType } from '../nudges/triggers/trigger-types.ts';

/** A list cut to its cap; `more` says how many were left out, so renderers can link to the rest. */
export interface Capped<T> {
  items: T[];
  more: number;
}

/** One cited entry, as a renderer shows it: never private, its link only when safe to show. */
export interface DigestExample {
  id: number;
  title: string;
  excerpt: string;
  url: string | null;
  author: string | null;
  account: string | null;
}

/** What the field is hearing about one topic (or, for untagged chatter, one frequent title word). */
export interface DigestTheme {
  label: string;
  /** `topic`: an entry topic; `title-word`: a frequent word of untagged titles; `other`: the rest. */
  basis: 'topic' | 'title-word' | 'other';
  entries: number;
  reps: number;
  accounts: number;
  examples: DigestExample[];
}

export interface DigestEntry extends DigestExample {
  kind: EntryKind;
  topics: string[];
  createdAt: Date;
}

export interface CitedTip {
  id: number;
  title: string;
  author: string | null;
  url: string | null;
  /** Questions in the period whose answers cited it. */
  citations: number;
}

export interface DigestTrigger {
  id: number;
  type: TriggerType;
  typeLabel: string;
  title: string;
  url: string | null;
  occurredAt: Date;
  /** The matched account's name, else the name or domain the event came with. */
  account: string | null;
}

export interface UnansweredQuestion {
  id: number;
  text: string;
  askedAt: Date;
  askedBy: string | null;
}

export interface UnhelpfulAnswer extends UnansweredQuestion {
  /** Not-helpful votes cast in the period. */
  votes: number;
}

/**
 * A content-gap list: questions asked in the open or in the conversation the digest is shown in are
 * listed (capped); those asked in other private conversations (DMs, group chats, private channels) are
 * only counted, never shown, not even in the full digest.
 */
export interface GapList<T> extends Capped<T> {
  askedInPrivate: number;
}

/** Every question a gap list stands for: listed, cut by the cap, and asked in private. */
export function gapTotal(gap: GapList<unknown>): number {
  return gap.items.length + gap.more + gap.askedInPrivate;
}

/** The line every renderer shows for the questions a gap list only counts. */
export function askedInPrivateNote(count: number): string {
  return `…and ${count} asked in private conversations (not shown here).`;
}

export interface DigestGaps {
  unanswered: GapList<UnansweredQuestion>;
  notHelpful: GapList<UnhelpfulAnswer>;
  /** Captures waiting for a curator (shareable ones only: private captures are not counted). */
  reviewQueueSize: number;
}

export interface DigestContributor {
  person: string;
  entries: number;
}

/** Everything a weekly digest says, as plain data for the Slack, Teams and text renderers. */
export interface Digest {
  workspaceId: string;
  period: { from: Date; to: Date };
  /** Lower-cased topic filter, or null for everything. */
  topics: string[] | null;
  forCurators: boolean;
  generatedAt: Date;
  chatter: { entries: number; reps: number; accounts: number };
  themes: Capped<DigestTheme>;
  tips: Capped<DigestEntry>;
  citedTips: Capped<CitedTip>;
  research: Capped<DigestEntry>;
  triggers: Capped<DigestTrigger>;
  /** Only in curators' digests. */
  gaps: DigestGaps | null;
  contributors: Capped<DigestContributor>;
  /** Nothing new at all: no entries, citations, triggers or gaps in the period. */
  empty: boolean;
}

/** How many items each section keeps; `examples` is per theme. */
export interface DigestLimits {
  themes: number;
  examples: number;
  tips: number;
  citedTips: number;
  research: number;
  triggers: number;
  gaps: number;
  contributors: number;
}

export const DEFAULT_DIGEST_LIMITS: Readonly<DigestLimits> = {
  themes: 5,
  examples: 3,
  tips: 10,
  citedTips: 5,
  research: 10,
  triggers: 20,
  gaps: 10,
  contributors: 5,
};

/** Caps for a digest: the defaults, some overridden, or `'full'` for no caps (`earshot digest show`). */
export function resolveLimits(limits: Partial<DigestLimits> | 'full' | undefined): DigestLimits {
  if (limits === 'full') {
    return {
      themes: Infinity,
      examples: DEFAULT_DIGEST_LIMITS.examples,
      tips: Infinity,
      citedTips: Infinity,
      research: Infinity,
      triggers: Infinity,
      gaps: Infinity,
      contributors: Infinity,
    };
  }
  return { ...DEFAULT_DIGEST_LIMITS, ...limits };
}

/** A cap as a SQL `LIMIT` parameter: null is `LIMIT ALL`. */
export function sqlLimit(cap: number): number | null {
  return Number.isFinite(cap) ? Math.max(0, Math.floor(cap)) : null;
}

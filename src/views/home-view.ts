import type { Entry } from '../knowledge/entry.ts';
import { STATUS_LABELS } from './entry-labels.ts';
import { entryTitle } from './entry-lines.ts';
import { type HelpSyntax, whatYouCanDo } from './help-view.ts';
import { dueEntryItem, queuedEntryItem } from './home-entry-items.ts';
import { isoDay } from './iso-day.ts';
import { KIND_LABELS } from './kind-labels.ts';
import type { MergeTarget } from './merge-entry-form.ts';
import type { Line, MessageView, ViewBlock, ViewItem } from './view-model.ts';

export interface HomeInput {
  isCurator: boolean;
  /** Pending entries, oldest first; shown in the order given. */
  queue: Entry[];
  /** How many entries are pending in all, which may be more than `queue` holds. */
  queueSize: number;
  dueForReview: Entry[];
  /** What the person shared, newest first, with how often answers cited each. */
  contributions: Array<{ entry: Entry; citations: number }>;
  /** Their contributions not shown here (private to a conversation this is not): only counted. */
  privateContributions?: number;
  /** Merge targets per queued entry, where the platform shows the Merge form inline. */
  mergeTargets?: ReadonlyMap<number, MergeTarget[]>;
  now: Date;
  /** How features are used on this platform, for "What you can do". */
  syntax: HelpSyntax;
}

/** How far ahead "due for review" looks. */
export const REVIEW_WINDOW_DAYS = 14;

const DAY = 86_400_000;
const MAX_QUEUED = 20;
const MAX_DUE = 15;

/**
 * A person's home: what they can do, what they shared and how often answers cited it, and for curators
 * the review queue and what is due for review (queue first: it is what a curator opens home for).
 */
export function homeView(input: HomeInput): MessageView {
  const personal: ViewBlock[] = [
    ...contributionBlocks(input),
    { type: 'divider' },
    ...whatYouCanDo(input.syntax, { curator: input.isCurator }),
  ];
  const blocks = input.isCurator
    ? [
        ...queueBlocks(input),
        { type: 'divider' } as const,
        ...dueBlocks(input),
        { type: 'divider' } as const,
        ...personal,
      ]
    : personal;
  return {
    fallback: input.isCurator
      ? 'Your Earshot home: the review queue and your contributions'
      : 'Your Earshot contributions',
    blocks,
  };
}

function queueBlocks(input: HomeInput): ViewBlock[] {
  const entries = uniqueById(input.queue);
  if (entries.length === 0) return [text([bold('Review queue')], ['Nothing waiting for review.'])];
  const shown = entries.slice(0, MAX_QUEUED);
  const pending = Math.max(input.queueSize, entries.length);
  const blocks: ViewBlock[] = [
    text([bold('Review queue'), ` (${pending} pending, oldest first)`]),
    {
      type: 'list',
      noun: 'waiting for review',
      nouns: 'waiting for review',
      items: shown.map((entry) => queuedEntryItem(entry, input.mergeTargets?.get(entry.id))),
      more: pending - shown.length,
    },
  ];
  return blocks;
}

/** Published entries whose review date has passed or falls within the window, most overdue first. */
function dueBlocks(input: HomeInput): ViewBlock[] {
  const horizon = isoDay(new Date(input.now.getTime() + REVIEW_WINDOW_DAYS * DAY)) ?? '';
  const due = uniqueById(input.dueForReview)
    .flatMap((entry) => {
      const day = entry.status === 'published' && entry.reviewBy ? isoDay(entry.reviewBy) : '';
      return day && day <= horizon ? [{ entry, day }] : [];
    })
    .sort((a, b) => a.day.localeCompare(b.day));
  if (due.length === 0) {
    return [text([bold('Due for review')], [`Nothing due in the next ${REVIEW_WINDOW_DAYS} days.`])];
  }
  const shown = due.slice(0, MAX_DUE);
  const blocks: ViewBlock[] = [
    text([bold('Due for review')]),
    {
      type: 'list',
      noun: 'due for review',
      nouns: 'due for review',
      items: shown.map(({ entry }) => dueEntryItem(entry, input.now)),
      more: due.length - shown.length,
    },
  ];
  return blocks;
}

function contributionBlocks(input: HomeInput): ViewBlock[] {
  const hidden = input.privateContributions ?? 0;
  const blocks: ViewBlock[] = [];
  if (input.contributions.length === 0 && hidden === 0) {
    blocks.push(text([bold('Your contributions')], ['Nothing yet. ', ...input.syntax.howToShare]));
    return blocks;
  }
  blocks.push(text([bold('Your contributions')]));
  if (input.contributions.length > 0) {
    blocks.push({
      type: 'list',
      noun: 'contribution',
      bullets: true,
      items: input.contributions.map(contributionItem),
    });
  }
  if (hidden > 0) {
    blocks.push(subtle(`${hidden} more shared in private conversations: they are shown only there.`));
  }
  return blocks;
}

function contributionItem({ entry, citations }: { entry: Entry; citations: number }): ViewItem {
  return {
    line: [
      { text: entryTitle(entry), bold: true, href: entry.sourceUrl },
      ` — ${KIND_LABELS[entry.kind]} · ${STATUS_LABELS[entry.status]} · ${cited(citations)}`,
    ],
  };
}

function cited(citations: number): string {
  if (citations <= 0) return 'not cited yet';
  return citations === 1 ? 'cited 1 time' : `cited ${citations} times`;
}

const bold = (words: string) => ({ text: words, bold: true as const });

function text(...lines: Line[]): ViewBlock {
  return { type: 'text', lines };
}

function subtle(words: string): ViewBlock {
  return { type: 'text', subtle: true, lines: [[{ text: words, italic: true }]] };
}

function uniqueById(entries: Entry[]): Entry[] {
  const seen = new Set<number>();
  return entries.filter((entry) => !seen.has(entry.id) && seen.add(entry.id));
}

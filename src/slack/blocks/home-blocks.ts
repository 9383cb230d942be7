import type { types } from '@slack/bolt';
import type { Entry, EntryStatus } from '../../knowledge/entry.ts';
import { packLines, SLACK_LIMITS } from './block-limits.ts';
import { isoDay, KIND_LABELS, plainText } from './curation-modals.ts';
import { CURATION_ACTIONS, encodeEntryValue } from './entry-action-values.ts';
import { inlineText, linkTarget, mrkdwnLink } from './mrkdwn.ts';

export interface HomeInput {
  isCurator: boolean;
  /** Pending entries, oldest first; shown in the order given. */
  queue: Entry[];
  /** How many entries are pending in all, which may be more than `queue` holds. */
  queueSize: number;
  dueForReview: Entry[];
  contributions: Array<{ entry: Entry; citations: number }>;
  now: Date;
}

/** Slack refuses a Home view with more than 100 blocks. */
export const HOME_MAX_BLOCKS = 100;
/** How far ahead "due for review" looks. */
export const REVIEW_WINDOW_DAYS = 14;

const DAY = 86_400_000;
const MAX_QUEUED = 20;
const MAX_DUE = 15;
const MAX_CONTRIBUTION_SECTIONS = 5;
const MAX_TITLE = 200;
const MAX_EXCERPT = 300;
const MAX_NAME = 100;
const MAX_TOPICS = 200;

const STATUS_LABELS: Record<EntryStatus, string> = {
  pending: 'pending review',
  published: 'published',
  rejected: 'rejected',
  archived: 'archived',
};

/** The Home tab: the review queue and what is due for review (curators only), then your contributions. */
export function homeView(input: HomeInput): types.HomeView {
  const contributions = contributionBlocks(input.contributions);
  if (!input.isCurator) return { type: 'home', blocks: contributions };

  const due = dueBlocks(input.dueForReview, input.now);
  // The queue takes what the other sections leave: a heading, two blocks per entry, a "more" line, dividers.
  const room = HOME_MAX_BLOCKS - contributions.length - due.length - 2 - 2;
  const queue = queueBlocks(input.queue, input.queueSize, Math.min(MAX_QUEUED, Math.floor(room / 2)));
  const divider: types.DividerBlock = { type: 'divider' };
  return { type: 'home', blocks: [...queue, divider, ...due, divider, ...contributions] };
}

function queueBlocks(queue: Entry[], queueSize: number, maxShown: number): types.KnownBlock[] {
  const entries = uniqueById(queue);
  const shown = entries.slice(0, Math.max(0, maxShown));
  if (shown.length === 0) return [section('*Review queue*\nNothing waiting for review.')];
  const pending = Math.max(queueSize, entries.length);
  const blocks: types.KnownBlock[] = [section(`*Review queue* (${pending} pending, oldest first)`)];
  for (const entry of shown) {
    blocks.push(
      { ...section(queuedEntryText(entry)), block_id: `earshot_queue_${entry.id}` },
      {
        type: 'actions',
        block_id: `earshot_queue_actions_${entry.id}`,
        elements: [
          button('Approve', CURATION_ACTIONS.approve, entry, 'primary'),
          button('Edit', CURATION_ACTIONS.edit, entry),
          button('Merge into…', CURATION_ACTIONS.merge, entry),
          { ...button('Reject', CURATION_ACTIONS.reject, entry, 'danger'), confirm: rejectConfirm(entry) },
        ],
      },
    );
  }
  const more = pending - shown.length;
  if (more > 0) blocks.push(context(`…and ${more} more; showing the oldest`));
  return blocks;
}

/** Kind and title, an excerpt, where it came from, who may see it, and how it is tagged. */
function queuedEntryText(entry: Entry): string {
  const tags = [
    entry.topics.length > 0 ? `Topics: ${inlineText(entry.topics.join(', '), MAX_TOPICS)}` : '',
    entry.stage ? `Stage: ${entry.stage}` : '',
  ].filter(Boolean);
  return [
    `${KIND_LABELS[entry.kind]} · *${title(entry)}*`,
    `>${inlineText(entry.body, MAX_EXCERPT)}`,
    origin(entry),
    entry.audience ? '🔒 private to its channel' : '',
    tags.join(' · '),
  ]
    .filter(Boolean)
    .join('\n');
}

/** "from Maya in #field-intel, 2026-10-30 · <url|source>" */
function origin(entry: Entry): string {
  const from = [
    entry.sourceAuthor ? `from ${inlineText(entry.sourceAuthor, MAX_NAME)}` : '',
    entry.sourceChannel ? `in ${inlineText(entry.sourceChannel, MAX_NAME)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const where = [from, isoDay(entry.createdAt)].filter(Boolean).join(', ');
  const target = linkTarget(entry.sourceUrl);
  return [where, target ? mrkdwnLink(target, 'source') : ''].filter(Boolean).join(' · ');
}

function rejectConfirm(entry: Entry): types.ConfirmationDialog {
  return {
    title: { type: 'plain_text', text: 'Reject this entry?' },
    text: {
      type: 'plain_text',
      text: `“${plainText(entry.title || `Entry ${entry.id}`, 200)}” won't show up in answers.`,
    },
    confirm: { type: 'plain_text', text: 'Reject' },
    deny: { type: 'plain_text', text: 'Keep it' },
    style: 'danger',
  };
}

/** Published entries whose review date has passed or falls within the window, most overdue first. */
function dueBlocks(entries: Entry[], now: Date): types.KnownBlock[] {
  const today = isoDay(now) ?? '';
  const horizon = isoDay(new Date(now.getTime() + REVIEW_WINDOW_DAYS * DAY)) ?? '';
  const due = uniqueById(entries)
    .flatMap((entry) => {
      const day = entry.status === 'published' && entry.reviewBy ? isoDay(entry.reviewBy) : null;
      return day && day <= horizon ? [{ entry, day }] : [];
    })
    .sort((a, b) => a.day.localeCompare(b.day));
  if (due.length === 0)
    return [section(`*Due for review*\nNothing due in the next ${REVIEW_WINDOW_DAYS} days.`)];
  const shown = due.slice(0, MAX_DUE);
  const blocks: types.KnownBlock[] = [section('*Due for review*')];
  for (const { entry, day } of shown) {
    const when = day < today ? `overdue since ${day}` : day === today ? 'due today' : `due ${day}`;
    const parts = [`*${title(entry)}*`, KIND_LABELS[entry.kind], when];
    if (entry.audience) parts.push('🔒 private');
    blocks.push({
      ...section(parts.join(' · ')),
      block_id: `earshot_due_${entry.id}`,
      accessory: button('Edit', CURATION_ACTIONS.edit, entry),
    });
  }
  if (due.length > shown.length) blocks.push(context(`…and ${due.length - shown.length} more due`));
  return blocks;
}

function contributionBlocks(contributions: HomeInput['contributions']): types.KnownBlock[] {
  if (contributions.length === 0) {
    return [
      section(
        '*Your contributions*\nNothing yet. React with :bulb: on a useful message or use *Save to Earshot* to share one.',
      ),
    ];
  }
  const lines = contributions.map(({ entry, citations }) => {
    const target = linkTarget(entry.sourceUrl);
    const name = target ? mrkdwnLink(target, title(entry)) : title(entry);
    return `• *${name}* — ${KIND_LABELS[entry.kind]} · ${STATUS_LABELS[entry.status]} · ${cited(citations)}`;
  });
  return packLines(['*Your contributions*', ...lines], {
    maxChars: SLACK_LIMITS.sectionText,
    maxChunks: MAX_CONTRIBUTION_SECTIONS,
    more: (omitted) => `_…and ${omitted} more_`,
  }).map(section);
}

function cited(citations: number): string {
  if (citations <= 0) return 'not cited yet';
  return citations === 1 ? 'cited 1 time' : `cited ${citations} times`;
}

function title(entry: Entry): string {
  return inlineText(entry.title, MAX_TITLE) || `Entry ${entry.id}`;
}

function uniqueById(entries: Entry[]): Entry[] {
  const seen = new Set<number>();
  return entries.filter((entry) => !seen.has(entry.id) && seen.add(entry.id));
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

function button(label: string, actionId: string, entry: Entry, style?: 'primary' | 'danger'): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: label },
    action_id: actionId,
    value: encodeEntryValue({ e: entry.id }),
    ...(style ? { style } : {}),
  };
}

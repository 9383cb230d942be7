import type { Entry } from '../knowledge/entry.ts';
import { clip } from './clip.ts';
import { KIND_LABELS } from './entry-labels.ts';
import { actionButton } from './view-actions.ts';
import type { FormView, Line, ViewButton, ViewItem } from './view-model.ts';

/*
 * The per-entry parts of the home view: one queued entry, one entry due for review. Kept here, behind
 * these two functions, so the curation views can replace them:
 *   queuedEntryItem = (entry, targets) =>
 *     itemFromView(reviewItemView(entry, { mergeTargets: targets }), `earshot_queue_${entry.id}`)
 *   dueEntryItem = (entry, now) => itemFromView(dueReviewView(entry, now), `earshot_due_${entry.id}`)
 */

const MAX_TITLE = 200;
const MAX_EXCERPT = 300;
const MAX_NAME = 100;
const MAX_TOPICS = 200;
/** Teams prefills the Edit form with this much of the text, as its review card does. */
const MAX_EDIT_BODY = 3000;

/** A published entry a queued one may duplicate. */
export interface MergeTarget {
  id: number;
  title: string;
}

export function entryTitle(entry: Entry): string {
  return clip(entry.title, MAX_TITLE) || `Entry ${entry.id}`;
}

/**
 * A queued entry: kind and title, an excerpt, where it came from, who may see it, how it is tagged, and
 * Approve / Edit / Merge / Reject. `mergeTargets` fill the Merge form where the form is shown inline
 * (Teams); without them the platform looks the targets up when Merge is pressed (Slack's modal), and
 * with none there is nothing to merge into.
 */
export function queuedEntryItem(entry: Entry, mergeTargets?: MergeTarget[]): ViewItem {
  const payload = { e: entry.id };
  const tags = [
    entry.topics.length > 0 ? `Topics: ${clip(entry.topics.join(', '), MAX_TOPICS)}` : '',
    entry.stage ? `Stage: ${entry.stage}` : '',
  ].filter(Boolean);
  const details: Line[] = [
    [clip(entry.body, MAX_EXCERPT)],
    origin(entry),
    ...(entry.audience ? [['🔒 private to its channel']] : []),
    ...(tags.length > 0 ? [[tags.join(' · ')]] : []),
  ].filter((line) => line.length > 0);
  const merge: ViewButton | null =
    mergeTargets?.length === 0
      ? null
      : {
          ...actionButton('homeMerge', 'Merge into…', payload),
          ...(mergeTargets ? { form: mergeForm(entry, mergeTargets) } : {}),
        };
  return {
    id: `earshot_queue_${entry.id}`,
    line: [`${KIND_LABELS[entry.kind]} · `, { text: entryTitle(entry), bold: true }],
    details,
    buttons: [
      actionButton('homeApprove', 'Approve', payload, { style: 'primary' }),
      { ...actionButton('homeEdit', 'Edit', payload), form: editForm(entry) },
      ...(merge ? [merge] : []),
      {
        ...actionButton('homeReject', 'Reject', payload, { style: 'danger' }),
        confirm: {
          title: 'Reject this entry?',
          text: `“${clip(entry.title || `Entry ${entry.id}`, 200)}” won't show up in answers.`,
          confirm: 'Reject',
          deny: 'Keep it',
        },
      },
    ],
  };
}

/** A published entry due for review: title, kind, since when it is due, and Edit. */
export function dueEntryItem(entry: Entry, now: Date): ViewItem {
  const day = entry.reviewBy ? isoDay(entry.reviewBy) : '';
  const today = isoDay(now);
  const when = day < today ? `overdue since ${day}` : day === today ? 'due today' : `due ${day}`;
  const parts = [KIND_LABELS[entry.kind], when, ...(entry.audience ? ['🔒 private'] : [])];
  return {
    id: `earshot_due_${entry.id}`,
    line: [{ text: entryTitle(entry), bold: true }, ` · ${parts.join(' · ')}`],
    button: { ...actionButton('homeEdit', 'Edit', { e: entry.id }), form: editForm(entry) },
  };
}

/** "from Maya in #field-intel, 2026-10-30 · source" (the source linked). */
function origin(entry: Entry): Line {
  const from = [
    entry.sourceAuthor ? `from ${clip(entry.sourceAuthor, MAX_NAME)}` : '',
    entry.sourceChannel ? `in ${clip(entry.sourceChannel, MAX_NAME)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const where = [from, isoDay(entry.createdAt)].filter(Boolean).join(', ');
  if (!entry.sourceUrl) return where ? [where] : [];
  return [...(where ? [`${where} · `] : []), { text: 'source', href: entry.sourceUrl }];
}

/** Title and text, prefilled; Teams shows it on the card, Slack opens its own edit modal. */
function editForm(entry: Entry): FormView {
  return {
    title: 'Edit entry',
    submitLabel: 'Save',
    action: actionButton('homeEdit', 'Save', { e: entry.id }).action,
    payload: { e: entry.id },
    fields: [
      { type: 'text', id: 'title', label: 'Title', initial: entry.title.slice(0, 150), maxLength: 150 },
      {
        type: 'text',
        id: 'body',
        label: 'Text',
        initial: entry.body.slice(0, MAX_EDIT_BODY),
        multiline: true,
        maxLength: 20_000,
      },
    ],
  };
}

function mergeForm(entry: Entry, targets: MergeTarget[]): FormView {
  return {
    title: 'Merge into…',
    submitLabel: 'Merge',
    action: actionButton('homeMerge', 'Merge', { e: entry.id }).action,
    payload: { e: entry.id },
    fields: [
      {
        type: 'select',
        id: 'target',
        label: 'Merge into (its text and topics are added there, and this entry is archived)',
        options: targets.map((target) => ({
          value: String(target.id),
          label: `${clip(target.title, 100)} (#${target.id})`,
        })),
      },
    ],
  };
}

/** The UTC day, as review dates are stored; '' for an invalid date. */
export function isoDay(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

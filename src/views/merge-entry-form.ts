import { z } from 'zod';
import type { Entry } from '../knowledge/entry.ts';
import { clip } from './clip.ts';
import { KIND_LABELS } from './kind-labels.ts';
import { VIEW_ACTIONS } from './view-actions.ts';
import type { FormView } from './view-model.ts';

/** An entry the pending one may duplicate, offered as a merge target. */
export interface MergeTarget {
  id: number;
  title: string;
}

export const MERGE_FIELDS = { target: 'target' } as const;

/** Slack lists at most 100 options of 75 characters; Teams shows the same. */
const MAX_TARGETS = 100;
const MAX_TARGET_LABEL = 75;

/** The targets offered: unique, never the entry itself, at most 100. */
export function mergeTargetsFor(entry: Pick<Entry, 'id'>, candidates: MergeTarget[]): MergeTarget[] {
  const seen = new Set([entry.id]);
  return candidates.filter((candidate) => !seen.has(candidate.id) && seen.add(candidate.id));
}

/**
 * Asks which entry this one duplicates. With nothing to merge into the form has no fields: it says
 * so, and there is nothing to submit.
 */
export function mergeEntryForm(entry: Entry, candidates: MergeTarget[]): FormView {
  const targets = mergeTargetsFor(entry, candidates);
  const shown = targets.slice(0, MAX_TARGETS);
  return {
    title: 'Merge entry',
    submitLabel: 'Merge',
    action: VIEW_ACTIONS.mergeEntry.id,
    payload: { e: entry.id },
    intro: [
      [
        'Merge ',
        { text: clip(entry.title, 200) || `Entry ${entry.id}`, bold: true },
        ` (${KIND_LABELS[entry.kind]}) into the entry it duplicates: its text and topics are added there, and this entry is archived.`,
      ],
      [{ text: clip(entry.body, 300), italic: true }],
      ...(shown.length === 0 ? [['There is nothing to merge it into yet.']] : []),
    ],
    fields:
      shown.length === 0
        ? []
        : [
            {
              type: 'select',
              id: MERGE_FIELDS.target,
              label: 'Merge into',
              ...(targets.length > shown.length
                ? { hint: `Showing the first ${shown.length} of ${targets.length}.` }
                : {}),
              options: shown.map((target) => ({
                value: String(target.id),
                label: clip(`[${target.id}] ${target.title}`, MAX_TARGET_LABEL),
              })),
            },
          ],
  };
}

const PICK_TARGET = 'Pick the entry to merge into.';

/** The merge form's submission as the id of the entry to merge into. */
export const mergeEntrySchema = z
  .object({
    [MERGE_FIELDS.target]: z
      .string({ error: PICK_TARGET })
      .regex(/^[1-9]\d{0,9}$/, PICK_TARGET)
      .transform(Number)
      .refine((id) => id <= 2_147_483_647, PICK_TARGET),
  })
  .transform((form) => ({ targetId: form[MERGE_FIELDS.target] }));

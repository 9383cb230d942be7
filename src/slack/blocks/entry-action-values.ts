import { z } from 'zod';
import { parseButtonValue } from './button-value.ts';

/** The action_id of every curation button on the Home tab; listeners register on these. */
export const CURATION_ACTIONS = {
  approve: 'earshot_curate_approve',
  reject: 'earshot_curate_reject',
  edit: 'earshot_curate_edit',
  merge: 'earshot_curate_merge',
} as const;

/** What a curation button (or a curation modal's private_metadata) carries: the entry's id. */
export const entryActionValue = z.strictObject({ e: z.int().positive() });

export type EntryActionValue = z.infer<typeof entryActionValue>;

export function encodeEntryValue(value: EntryActionValue): string {
  return JSON.stringify({ e: value.e });
}

/** Reads the value back from an interaction payload; anyone can post one, so it is checked. */
export function parseEntryValue(raw: string | undefined): EntryActionValue {
  return parseButtonValue(entryActionValue, raw, 'That button is out of date. Refresh the Home tab.');
}

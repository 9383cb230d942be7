import { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import { SLACK_LIMITS } from './block-limits.ts';

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

/** Reads an entry id back from a button value or private_metadata; anyone can post one, so it is checked. */
export function parseEntryValue(raw: string | undefined): EntryActionValue {
  const stale = (reason: string, cause?: unknown) =>
    new EarshotError({
      code: 'invalid_input',
      message: `Invalid entry value (${reason}): ${JSON.stringify(raw?.slice(0, 200) ?? null)}`,
      userMessage: 'That button is out of date. Refresh the Home tab.',
      cause,
    });
  if (raw === undefined || raw.length > SLACK_LIMITS.buttonValue) throw stale('missing or too long');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw stale('not JSON', error);
  }
  const parsed = entryActionValue.safeParse(json);
  if (!parsed.success) throw stale(z.prettifyError(parsed.error).replace(/\n/g, ' '), parsed.error);
  return parsed.data;
}

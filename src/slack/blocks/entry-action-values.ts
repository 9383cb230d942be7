import { VIEW_ACTIONS, type ViewActionPayload } from '../../views/view-actions.ts';
import { parseButtonValue } from './button-value.ts';

/** The action_id of every curation button on the Home tab; listeners register on these. */
export const CURATION_ACTIONS = {
  approve: VIEW_ACTIONS.curateApprove.id,
  reject: VIEW_ACTIONS.curateReject.id,
  edit: VIEW_ACTIONS.curateEdit.id,
  merge: VIEW_ACTIONS.curateMerge.id,
  dueReviewed: VIEW_ACTIONS.dueReviewed.id,
  dueEdit: VIEW_ACTIONS.dueEdit.id,
} as const;

export type EntryActionValue = ViewActionPayload<'curateApprove'>;

export const STALE_HOME_BUTTON = 'That button is out of date. Refresh the Home tab.';

export function encodeEntryValue(value: EntryActionValue): string {
  return JSON.stringify({ e: value.e });
}

/** Reads a curation button's value (or a curation modal's private_metadata); anyone can post one. */
export function parseEntryValue(raw: string | undefined): EntryActionValue {
  return parseButtonValue(VIEW_ACTIONS.curateApprove.payload, raw, STALE_HOME_BUTTON);
}

import { z } from 'zod';
import type { FormValues } from '../../views/form-values.ts';
import { VIEW_ACTIONS } from '../../views/view-actions.ts';
import { parseExecute } from './execute-action.ts';

const ids = <const N extends keyof typeof VIEW_ACTIONS>(...names: N[]) =>
  names.map((name) => VIEW_ACTIONS[name].id) as [
    (typeof VIEW_ACTIONS)[N]['id'],
    ...Array<(typeof VIEW_ACTIONS)[N]['id']>,
  ];

/** Verbs of a review card: its buttons, its forms, and the Edit / Merge of cards made before the forms. */
export const REVIEW_VERBS = ids(
  'curateApprove',
  'curateReject',
  'curateEdit',
  'curateMerge',
  'editEntry',
  'mergeEntry',
);
/** Verbs of a due-for-review card's two forms. */
export const DUE_VERBS = ids('dueReviewed', 'dueEdit');

export const isReviewVerb = (verb: string | undefined) => (REVIEW_VERBS as string[]).includes(verb ?? '');
export const isDueVerb = (verb: string | undefined) => (DUE_VERBS as string[]).includes(verb ?? '');

/**
 * A curation card's `Action.Execute`: the verb, the entry it is about (checked with the action's
 * payload schema) and, when a form was submitted, its inputs, which Teams merges into the data.
 */
export function parseCurationInvoke<V extends string>(
  value: unknown,
  verbs: readonly [V, ...V[]],
  staleMessage: string,
): { verb: V; e: number; values: FormValues } {
  const { verb, data } = parseExecute(value, {
    verbs,
    data: VIEW_ACTIONS.curateApprove.payload.catchall(z.unknown()),
    staleMessage,
    what: 'curation',
  });
  const { e, ...values } = data;
  return { verb, e, values };
}

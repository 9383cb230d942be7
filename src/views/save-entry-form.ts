import { z } from 'zod';
import { formFacets } from '../knowledge/capture/form-facets.ts';
import type { EntryKind } from '../knowledge/entry.ts';
import {
  ENTRY_FIELDS,
  facetFields,
  kindField,
  MAX_NEW_TITLE,
  stageField,
  titleField,
  topicsField,
} from './entry-form-fields.ts';
import { kindValue, stageValue, titleValue, topicsValue } from './entry-form-values.ts';
import { VIEW_ACTIONS, type ViewActionPayload } from './view-actions.ts';
import type { FormView } from './view-model.ts';

/** The "Save to Earshot" form, prefilled from the message; `message` says which message it saves. */
export function saveEntryForm(prefill: {
  kind: EntryKind;
  title: string;
  message: ViewActionPayload<'saveEntry'>;
}): FormView {
  return {
    title: 'Save to Earshot',
    submitLabel: 'Save',
    action: VIEW_ACTIONS.saveEntry.id,
    payload: prefill.message,
    fields: [
      kindField(prefill.kind),
      titleField(prefill.title.slice(0, MAX_NEW_TITLE), MAX_NEW_TITLE),
      topicsField(),
      stageField(),
      ...facetFields(),
    ],
  };
}

/** The save form's submission as what to capture the message with. */
export const saveEntrySchema = z
  .object({
    [ENTRY_FIELDS.kind]: kindValue,
    [ENTRY_FIELDS.title]: titleValue(MAX_NEW_TITLE),
    [ENTRY_FIELDS.topics]: topicsValue,
    [ENTRY_FIELDS.stage]: stageValue,
    [ENTRY_FIELDS.industry]: formFacets.industry,
    [ENTRY_FIELDS.roles]: formFacets.roles,
  })
  .transform((form) => ({
    kind: form[ENTRY_FIELDS.kind],
    title: form[ENTRY_FIELDS.title],
    topics: form[ENTRY_FIELDS.topics],
    stage: form[ENTRY_FIELDS.stage] ?? undefined,
    industry: form[ENTRY_FIELDS.industry],
    roles: form[ENTRY_FIELDS.roles],
  }));

import type { types } from '@slack/bolt';
import { BUYING_STAGES, type EntryKind } from '../../knowledge/entry.ts';
import { facetInputs } from './facet-inputs.ts';

export const SAVE_SHORTCUT_ID = 'earshot_save';
export const SAVE_MODAL_ID = 'earshot_save_modal';
export const SAVE_FIELDS = {
  kind: 'kind',
  title: 'title',
  topics: 'topics',
  stage: 'stage',
  industry: 'industry',
  roles: 'roles',
} as const;

const KIND_OPTIONS: Array<{ value: EntryKind; label: string }> = [
  { value: 'chatter', label: 'Field intel (what a buyer said)' },
  { value: 'tip', label: 'Seller tip' },
  { value: 'research', label: 'Research' },
  { value: 'expert', label: 'Expert content' },
  { value: 'demo', label: 'Demo (script, recording, click path)' },
];

const option = (value: string, label: string) => ({
  text: { type: 'plain_text' as const, text: label },
  value,
});

/** The "Save to Earshot" form, prefilled from the message; `metadata` says which message it is. */
export function saveModal(prefill: { kind: EntryKind; title: string; metadata: string }): types.ModalView {
  const kind = KIND_OPTIONS.find((choice) => choice.value === prefill.kind) ?? KIND_OPTIONS[0];
  return {
    type: 'modal',
    callback_id: SAVE_MODAL_ID,
    private_metadata: prefill.metadata,
    title: { type: 'plain_text', text: 'Save to Earshot' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: SAVE_FIELDS.kind,
        label: { type: 'plain_text', text: 'What is it?' },
        element: {
          type: 'static_select',
          action_id: 'value',
          options: KIND_OPTIONS.map((choice) => option(choice.value, choice.label)),
          initial_option: kind ? option(kind.value, kind.label) : undefined,
        },
      },
      {
        type: 'input',
        block_id: SAVE_FIELDS.title,
        label: { type: 'plain_text', text: 'Title' },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          initial_value: prefill.title.slice(0, 150),
          max_length: 150,
        },
      },
      {
        type: 'input',
        block_id: SAVE_FIELDS.topics,
        optional: true,
        label: { type: 'plain_text', text: 'Topics' },
        hint: { type: 'plain_text', text: 'Separated by commas, e.g. pricing, sso' },
        element: { type: 'plain_text_input', action_id: 'value' },
      },
      {
        type: 'input',
        block_id: SAVE_FIELDS.stage,
        optional: true,
        label: { type: 'plain_text', text: 'Buying stage' },
        element: {
          type: 'static_select',
          action_id: 'value',
          options: BUYING_STAGES.map((stage) => option(stage, stage[0]?.toUpperCase() + stage.slice(1))),
        },
      },
      ...facetInputs(),
    ],
  };
}

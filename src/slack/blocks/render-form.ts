import type { types } from '@slack/bolt';
import { clip } from '../../views/clip.ts';
import type { FormField, FormView } from '../../views/view-model.ts';
import { mrkdwnLine } from './render-line.ts';

/** Slack's caps: a modal title is 24 characters, a submit label 24, an option 75, a select 100 options. */
const MAX_TITLE = 24;
const MAX_OPTION = 75;
const MAX_OPTIONS = 100;
const MAX_LABEL = 2000;

/**
 * A form as a Slack modal: submitting sends `view_submission` with the form's action as `callback_id`,
 * its payload as `private_metadata`, and each field under `state.values[field.id].value`. A form
 * without fields only tells something: it has nothing to submit, just Close.
 */
export function renderSlackModal(form: FormView): types.ModalView {
  const submits = form.fields.length > 0;
  return {
    type: 'modal',
    callback_id: form.action,
    private_metadata: JSON.stringify(form.payload),
    title: { type: 'plain_text', text: clip(form.title, MAX_TITLE) },
    ...(submits ? { submit: { type: 'plain_text' as const, text: clip(form.submitLabel, MAX_TITLE) } } : {}),
    close: { type: 'plain_text', text: submits ? 'Cancel' : 'Close' },
    blocks: [
      ...(form.intro ?? []).map(
        (line): types.KnownBlock => ({
          type: 'context',
          elements: [{ type: 'mrkdwn', text: mrkdwnLine(line) }],
        }),
      ),
      ...form.fields.map(inputBlock),
    ],
  };
}

function inputBlock(field: FormField): types.InputBlock {
  return {
    type: 'input',
    block_id: field.id,
    label: { type: 'plain_text', text: clip(field.label, MAX_LABEL) },
    ...(field.optional ? { optional: true } : {}),
    ...(field.hint ? { hint: { type: 'plain_text', text: clip(field.hint, MAX_LABEL) } } : {}),
    element: inputElement(field),
  };
}

function inputElement(field: FormField): types.InputBlock['element'] {
  switch (field.type) {
    case 'text':
      return {
        type: 'plain_text_input',
        action_id: 'value',
        ...(field.multiline ? { multiline: true } : {}),
        ...(field.initial ? { initial_value: field.initial } : {}),
        ...(field.placeholder
          ? { placeholder: { type: 'plain_text', text: clip(field.placeholder, 150) } }
          : {}),
        max_length: field.maxLength,
      };
    case 'date':
      return {
        type: 'datepicker',
        action_id: 'value',
        ...(field.initial ? { initial_date: field.initial } : {}),
      };
    case 'select': {
      const options = field.options.slice(0, MAX_OPTIONS).map((option) => ({
        text: { type: 'plain_text' as const, text: clip(option.label, MAX_OPTION) },
        value: option.value,
      }));
      const initial = options.filter((option) => field.initial?.includes(option.value));
      if (field.multiple) {
        return {
          type: 'multi_static_select',
          action_id: 'value',
          options,
          ...(initial.length > 0 ? { initial_options: initial } : {}),
        };
      }
      return {
        type: 'static_select',
        action_id: 'value',
        options,
        ...(initial[0] ? { initial_option: initial[0] } : {}),
      };
    }
  }
}

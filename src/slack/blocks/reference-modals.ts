import type { types } from '@slack/bolt';
import { z } from 'zod';
import { describeReason, describeUsage } from '../../nudges/references/availability.ts';
import type { ReferenceAvailability } from '../../nudges/references/reference-views.ts';
import { parseButtonValue } from './button-value.ts';
import { inlineText } from './mrkdwn.ts';

export const REFERENCE_MODALS = {
  request: 'earshot_reference_request_modal',
  decision: 'earshot_reference_decision_modal',
} as const;
export const REFERENCE_FIELDS = { note: 'note', reason: 'reason' } as const;

const MAX_NOTE = 1000;
const MAX_REASON = 300;
const MAX_NAME = 150;

/** Which reference the request form asks for, and where the rep clicked (to answer them there). */
export const requestMetadata = z.strictObject({
  ref: z.int().positive(),
  override: z.boolean(),
  channel: z.string().max(50).optional(),
});
/** Which request the decision form decides, and the owner's message to update afterwards. */
export const decisionMetadata = z.strictObject({
  req: z.int().positive(),
  approve: z.boolean(),
  channel: z.string().max(50),
  ts: z.string().regex(/^\d+\.\d+$/),
});

/** A form's private_metadata checked against `schema`; null when it is not what Earshot put there. */
export function readMetadata<T>(schema: z.ZodType<T>, raw: string): T | null {
  try {
    return parseButtonValue(schema, raw, 'stale form');
  } catch {
    return null;
  }
}

/** The rep's request form: a note for the owner, and a reason when a curator overrides a limit. */
export function requestModal(
  reference: ReferenceAvailability,
  metadata: z.infer<typeof requestMetadata>,
): types.ModalView {
  const account = inlineText(reference.account, MAX_NAME);
  const why = reference.reasons.map(describeReason).join('; ');
  const blocks: types.KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${account}* (${inlineText(reference.industry, MAX_NAME)})\n_${describeUsage(reference)}_`,
      },
    },
  ];
  if (metadata.override) {
    blocks.push(
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:warning: Not available now: ${inlineText(why, 1000)}. Your override is recorded.`,
        },
      },
      textInput(REFERENCE_FIELDS.reason, 'Why override the limit?', {
        maxLength: MAX_REASON,
        placeholder: 'e.g. last reference the buyer needs before signing',
      }),
    );
  }
  blocks.push(
    textInput(REFERENCE_FIELDS.note, 'Note for the owner', {
      optional: true,
      multiline: true,
      maxLength: MAX_NOTE,
      placeholder: 'The prospect, where the deal stands, what they want to hear',
    }),
  );
  return {
    type: 'modal',
    callback_id: REFERENCE_MODALS.request,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: 'Request a reference' },
    submit: { type: 'plain_text', text: 'Ask the owner' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

/** The owner's Approve / Decline form, with an optional note to the rep. */
export function decisionModal(metadata: z.infer<typeof decisionMetadata>): types.ModalView {
  const verb = metadata.approve ? 'Approve' : 'Decline';
  return {
    type: 'modal',
    callback_id: REFERENCE_MODALS.decision,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: `${verb} request` },
    submit: { type: 'plain_text', text: verb },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      textInput(REFERENCE_FIELDS.note, 'Note to the rep', {
        optional: true,
        multiline: true,
        maxLength: MAX_NOTE,
        placeholder: metadata.approve
          ? 'e.g. I will intro you by email tomorrow'
          : 'e.g. they are mid-renewal; try again next quarter',
      }),
    ],
  };
}

type StateValues = Record<string, Record<string, { value?: string | null }>>;

/** A typed field from a submitted form, trimmed; undefined when left empty. */
export function formText(state: { values: unknown }, field: string): string | undefined {
  const value = (state.values as StateValues)[field]?.value?.value?.trim();
  return value ? value : undefined;
}

function textInput(
  blockId: string,
  label: string,
  options: { optional?: boolean; multiline?: boolean; maxLength: number; placeholder: string },
): types.InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: options.optional ?? false,
    label: { type: 'plain_text', text: label },
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      multiline: options.multiline ?? false,
      max_length: options.maxLength,
      placeholder: { type: 'plain_text', text: options.placeholder },
    },
  };
}

import type { types } from '@slack/bolt';
import { z } from 'zod';
import { formFacets } from '../../knowledge/capture/form-facets.ts';
import {
  BUYING_STAGES,
  ENTRY_KINDS,
  type Entry,
  type EntryKind,
  rolesSchema,
} from '../../knowledge/entry.ts';
import { encodeEntryValue } from './entry-action-values.ts';
import { FACET_FIELDS, facetInputs } from './facet-inputs.ts';
import { inlineText } from './mrkdwn.ts';

export const EDIT_MODAL_ID = 'earshot_edit_modal';
export const MERGE_MODAL_ID = 'earshot_merge_modal';
export const EDIT_FIELDS = {
  kind: 'kind',
  title: 'title',
  body: 'body',
  topics: 'topics',
  stage: 'stage',
  industry: FACET_FIELDS.industry,
  roles: FACET_FIELDS.roles,
  reviewBy: 'review_by',
} as const;
export const MERGE_FIELDS = { target: 'target' } as const;

export const KIND_LABELS: Record<EntryKind, string> = {
  chatter: 'Field intel',
  tip: 'Seller tip',
  research: 'Research',
  expert: 'Expert content',
  demo: 'Demo',
};

/** Slack's caps: a plain_text_input holds at most 3000 characters, a select 100 options of 75 characters. */
const MAX_INPUT = 3000;
const MAX_OPTIONS = 100;
const MAX_OPTION_TEXT = 75;
const MIN_TITLE_INPUT = 150;
const MIN_TOPICS_INPUT = 500;
/** Picking this clears the stage: a static_select cannot be emptied once something is chosen. */
const NO_STAGE = 'none';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** One line of text for a plain_text object (no escaping needed), cut with "…" to at most `max` characters. */
export function plainText(text: string, max: number): string {
  const flat = text
    .slice(0, max * 8)
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= max && text.length <= max * 8) return flat;
  let out = '';
  for (const { segment } of graphemes.segment(flat.slice(0, max))) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}

/** YYYY-MM-DD in UTC, the form Slack's datepicker and our imports use; null for an invalid date. */
export function isoDay(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

const option = (value: string, label: string): types.PlainTextOption => ({
  text: { type: 'plain_text', text: label },
  value,
});

const kindOption = (kind: EntryKind) => option(kind, KIND_LABELS[kind]);
const stageOption = (stage: string) => option(stage, stage[0]?.toUpperCase() + stage.slice(1));

/** The curator's edit form, prefilled from the entry. */
export function editEntryModal(entry: Entry): types.ModalView {
  const topics = entry.topics.join(', ');
  const reviewBy = entry.reviewBy ? isoDay(entry.reviewBy) : null;
  return {
    type: 'modal',
    callback_id: EDIT_MODAL_ID,
    private_metadata: encodeEntryValue({ e: entry.id }),
    title: { type: 'plain_text', text: 'Edit entry' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: entrySummary(entry) }] },
      {
        type: 'input',
        block_id: EDIT_FIELDS.kind,
        label: { type: 'plain_text', text: 'What is it?' },
        element: {
          type: 'static_select',
          action_id: 'value',
          options: ENTRY_KINDS.map(kindOption),
          initial_option: kindOption(entry.kind),
        },
      },
      {
        type: 'input',
        block_id: EDIT_FIELDS.title,
        label: { type: 'plain_text', text: 'Title' },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          initial_value: entry.title.slice(0, MAX_INPUT),
          // Never shorter than what is stored, or Slack would refuse to show the title.
          max_length: Math.min(MAX_INPUT, Math.max(MIN_TITLE_INPUT, entry.title.length)),
        },
      },
      ...bodyBlocks(entry),
      {
        type: 'input',
        block_id: EDIT_FIELDS.topics,
        optional: true,
        label: { type: 'plain_text', text: 'Topics' },
        hint: { type: 'plain_text', text: 'Separated by commas, e.g. pricing, sso' },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          ...(topics ? { initial_value: topics.slice(0, MAX_INPUT) } : {}),
          max_length: Math.min(MAX_INPUT, Math.max(MIN_TOPICS_INPUT, topics.length)),
        },
      },
      {
        type: 'input',
        block_id: EDIT_FIELDS.stage,
        optional: true,
        label: { type: 'plain_text', text: 'Buying stage' },
        element: {
          type: 'static_select',
          action_id: 'value',
          placeholder: { type: 'plain_text', text: 'No stage' },
          options: [...BUYING_STAGES.map(stageOption), option(NO_STAGE, 'No stage')],
          ...(entry.stage ? { initial_option: stageOption(entry.stage) } : {}),
        },
      },
      ...facetInputs(entry),
      {
        type: 'input',
        block_id: EDIT_FIELDS.reviewBy,
        optional: true,
        label: { type: 'plain_text', text: 'Review by' },
        hint: { type: 'plain_text', text: 'Curators are reminded on the Home tab two weeks before.' },
        element: {
          type: 'datepicker',
          action_id: 'value',
          ...(reviewBy ? { initial_date: reviewBy } : {}),
        },
      },
    ],
  };
}

/**
 * The body field, or a note when the stored body is longer than a Slack text box holds: editing a
 * cut copy would silently throw the rest away, so the body is left out and kept as it is.
 */
function bodyBlocks(entry: Entry): types.KnownBlock[] {
  if (entry.body.length > MAX_INPUT) {
    return [
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `The body is ${entry.body.length.toLocaleString('en-US')} characters, more than Slack can edit, so it stays as it is. Re-import the entry to change it.`,
          },
        ],
      },
    ];
  }
  return [
    {
      type: 'input',
      block_id: EDIT_FIELDS.body,
      label: { type: 'plain_text', text: 'Body' },
      element: {
        type: 'plain_text_input',
        action_id: 'value',
        multiline: true,
        initial_value: entry.body,
        max_length: MAX_INPUT,
      },
    },
  ];
}

/** Asks which entry this one duplicates; with no candidates there is nothing to submit. */
export function mergeModal(entry: Entry, candidates: Entry[]): types.ModalView {
  const seen = new Set([entry.id]);
  const targets = candidates.filter((candidate) => !seen.has(candidate.id) && seen.add(candidate.id));
  const shown = targets.slice(0, MAX_OPTIONS);
  const base = {
    type: 'modal' as const,
    callback_id: MERGE_MODAL_ID,
    private_metadata: encodeEntryValue({ e: entry.id }),
    title: { type: 'plain_text' as const, text: 'Merge entry' },
  };
  const about: types.SectionBlock = {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `Merge *${inlineText(entry.title, 200) || `Entry ${entry.id}`}* (${KIND_LABELS[entry.kind]}) into the entry it duplicates.\n>${inlineText(entry.body, 300)}`,
    },
  };
  if (shown.length === 0) {
    return {
      ...base,
      close: { type: 'plain_text', text: 'Close' },
      blocks: [
        about,
        { type: 'section', text: { type: 'mrkdwn', text: 'There is nothing to merge it into yet.' } },
      ],
    };
  }
  return {
    ...base,
    submit: { type: 'plain_text', text: 'Merge' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      about,
      {
        type: 'input',
        block_id: MERGE_FIELDS.target,
        label: { type: 'plain_text', text: 'Merge into' },
        ...(targets.length > shown.length
          ? { hint: { type: 'plain_text', text: `Showing the first ${shown.length} of ${targets.length}.` } }
          : {}),
        element: {
          type: 'static_select',
          action_id: 'value',
          placeholder: { type: 'plain_text', text: 'Choose an entry' },
          options: shown.map((candidate) =>
            option(String(candidate.id), plainText(`[${candidate.id}] ${candidate.title}`, MAX_OPTION_TEXT)),
          ),
        },
      },
    ],
  };
}

/** "Entry 42 · pending · from Maya in #sales", escaped, for the top of the edit form. */
function entrySummary(entry: Entry): string {
  const from = [
    entry.sourceAuthor ? `from ${inlineText(entry.sourceAuthor, 100)}` : '',
    entry.sourceChannel ? `in ${inlineText(entry.sourceChannel, 100)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return [`Entry ${entry.id}`, entry.status, from, entry.audience ? '🔒 private to its channel' : '']
    .filter(Boolean)
    .join(' · ');
}

/** One input's state in a view_submission: `view.state.values[block_id].value`. */
const stateBlock = z
  .object({
    value: z.object({
      type: z.string(),
      value: z.string().nullish(),
      selected_option: z.object({ value: z.string() }).nullish(),
      selected_options: z.array(z.object({ value: z.string() })).nullish(),
      selected_date: z.string().nullish(),
    }),
  })
  .optional();

const text = (block: z.output<typeof stateBlock>) => block?.value.value ?? '';
const selected = (block: z.output<typeof stateBlock>) => block?.value.selected_option?.value ?? null;

/**
 * The edit form's `view.state.values` as entry fields. Issues are keyed by block_id (see
 * `submissionErrors`). `body` is undefined when the form had no body field because the stored body is
 * too long to edit in Slack: keep it as it is.
 */
export const editSubmission = z
  .object({
    [EDIT_FIELDS.kind]: stateBlock
      .transform((block) => selected(block) ?? undefined)
      .pipe(z.enum(ENTRY_KINDS, { error: 'Pick what kind of entry this is.' })),
    [EDIT_FIELDS.title]: stateBlock
      .transform(text)
      .pipe(z.string().trim().min(1, 'Give it a title.').max(MAX_INPUT, 'Keep the title shorter.')),
    [EDIT_FIELDS.body]: stateBlock
      .transform((block) => (block === undefined ? undefined : text(block)))
      .pipe(z.string().trim().min(1, 'Write the body.').max(MAX_INPUT, 'Keep the body shorter.').optional()),
    [EDIT_FIELDS.topics]: stateBlock.transform((block) => [
      ...new Set(
        text(block)
          .split(/[,;]/)
          .map((topic) => topic.trim().toLowerCase())
          .filter(Boolean),
      ),
    ]),
    [EDIT_FIELDS.stage]: stateBlock
      .transform(selected)
      .pipe(z.enum([...BUYING_STAGES, NO_STAGE], { error: 'Pick a stage from the list.' }).nullable())
      .transform((stage) => (stage === NO_STAGE ? null : stage)),
    [EDIT_FIELDS.industry]: stateBlock
      .transform((block) => block?.value.value)
      .pipe(formFacets.industry)
      .transform((industry) => industry ?? null),
    [EDIT_FIELDS.roles]: stateBlock
      .transform((block) => block?.value.selected_options?.map((choice) => choice.value) ?? [])
      .pipe(rolesSchema),
    [EDIT_FIELDS.reviewBy]: stateBlock
      .transform((block) => block?.value.selected_date ?? null)
      .pipe(z.iso.date({ error: 'Pick a date such as 2026-11-02.' }).nullable())
      .transform((day) => (day ? new Date(`${day}T00:00:00Z`) : null)),
  })
  .transform((form) => ({
    kind: form[EDIT_FIELDS.kind],
    title: form[EDIT_FIELDS.title],
    body: form[EDIT_FIELDS.body],
    topics: form[EDIT_FIELDS.topics],
    stage: form[EDIT_FIELDS.stage],
    industry: form[EDIT_FIELDS.industry],
    roles: form[EDIT_FIELDS.roles],
    reviewBy: form[EDIT_FIELDS.reviewBy],
  }));

export type EditSubmission = z.output<typeof editSubmission>;

/** The merge form's `view.state.values` as the id of the entry to merge into. */
export const mergeSubmission = z
  .object({
    [MERGE_FIELDS.target]: stateBlock
      .transform(selected)
      .pipe(
        z
          .string({ error: 'Pick the entry to merge into.' })
          .regex(/^[1-9]\d{0,14}$/, 'Pick the entry to merge into.'),
      ),
  })
  .transform((form) => ({ targetId: Number(form[MERGE_FIELDS.target]) }));

export type MergeSubmission = z.output<typeof mergeSubmission>;

/** Zod issues as `{ [block_id]: message }`, ready for `ack({ response_action: 'errors', errors })`. */
export function submissionErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const block = issue.path[0];
    if (typeof block === 'string' && !(block in errors)) errors[block] = issue.message;
  }
  return errors;
}

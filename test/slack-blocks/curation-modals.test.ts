import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/knowledge/entry.ts';
import { parseEntryValue } from '../../src/slack/blocks/entry-action-values.ts';
import { renderSlackModal } from '../../src/slack/blocks/render-form.ts';
import { slackSubmission } from '../../src/slack/blocks/slack-form-values.ts';
import { editEntryForm, editEntrySchema } from '../../src/views/edit-entry-form.ts';
import { fieldErrors as submissionErrors } from '../../src/views/form-values.ts';
import { type MergeTarget, mergeEntryForm, mergeEntrySchema } from '../../src/views/merge-entry-form.ts';
import { VIEW_ACTIONS } from '../../src/views/view-actions.ts';
import { entryFixture } from '../helpers/entry-fixture.ts';

const entry = entryFixture;

// The curation forms are views now (src/views); these render them as Slack shows them.
const EDIT_MODAL_ID = VIEW_ACTIONS.editEntry.id;
const MERGE_MODAL_ID = VIEW_ACTIONS.mergeEntry.id;
const editEntryModal = (edited: Entry) => renderSlackModal(editEntryForm(edited));
const mergeModal = (merged: Entry, candidates: MergeTarget[]) =>
  renderSlackModal(mergeEntryForm(merged, candidates));
const editSubmission = slackSubmission(editEntrySchema());
const mergeSubmission = slackSubmission(mergeEntrySchema);

const sap = entry({
  id: 42,
  kind: 'tip',
  title: 'Kessler wants SAP',
  body: 'Kessler asked twice about the SAP connector.\nThey sign in Q1.',
  sourceAuthor: 'Dan',
  sourceChannel: '#field-intel',
  topics: ['sap', 'integrations'],
  stage: 'decide',
  industry: 'Manufacturing',
  roles: ['CFO', 'IT admin'],
  reviewBy: new Date('2027-01-15T00:00:00Z'),
});

const inputs = (view: types.ModalView) =>
  new Map(
    view.blocks.flatMap(
      (block): Array<[string, types.InputBlock]> =>
        block.type === 'input' && block.block_id ? [[block.block_id, block as types.InputBlock]] : [],
    ),
  );

/** The `view.state.values` Slack sends for a form whose fields hold what it was opened with. */
function untouched(view: types.ModalView) {
  const values: Record<string, { value: Record<string, unknown> }> = {};
  for (const [id, block] of inputs(view)) {
    const element = block.element;
    if (element.type === 'plain_text_input') {
      values[id] = { value: { type: element.type, value: element.initial_value ?? null } };
    } else if (element.type === 'static_select') {
      values[id] = { value: { type: element.type, selected_option: element.initial_option ?? null } };
    } else if (element.type === 'multi_static_select') {
      values[id] = { value: { type: element.type, selected_options: element.initial_options ?? [] } };
    } else if (element.type === 'datepicker') {
      values[id] = { value: { type: element.type, selected_date: element.initial_date ?? null } };
    }
  }
  return values;
}

const form = (fields: {
  kind?: string | null;
  title?: string | null;
  body?: string | null;
  topics?: string | null;
  stage?: string | null;
  reviewBy?: string | null;
}) => ({
  kind: {
    value: {
      type: 'static_select',
      selected_option:
        fields.kind === null
          ? null
          : { text: { type: 'plain_text', text: 'x' }, value: fields.kind ?? 'tip' },
    },
  },
  title: {
    value: { type: 'plain_text_input', value: fields.title === undefined ? 'A title' : fields.title },
  },
  body: { value: { type: 'plain_text_input', value: fields.body === undefined ? 'A body.' : fields.body } },
  topics: { value: { type: 'plain_text_input', value: fields.topics ?? null } },
  stage: {
    value: { type: 'static_select', selected_option: fields.stage ? { value: fields.stage } : null },
  },
  review_by: { value: { type: 'datepicker', selected_date: fields.reviewBy ?? null } },
});

describe('editEntryModal', () => {
  it('opens the edit form prefilled from the entry, carrying its id', () => {
    const view = editEntryModal(sap);
    const fields = inputs(view);

    expect(view).toMatchObject({ type: 'modal', callback_id: EDIT_MODAL_ID, submit: { text: 'Save' } });
    expect(parseEntryValue(view.private_metadata)).toEqual({ e: 42 });
    expect([...fields.keys()]).toEqual([
      'kind',
      'title',
      'body',
      'topics',
      'stage',
      'industry',
      'roles',
      'review_by',
    ]);
    for (const block of fields.values()) expect(block.element).toMatchObject({ action_id: 'value' });
    expect(fields.get('kind')?.element).toMatchObject({
      type: 'static_select',
      initial_option: { value: 'tip', text: { text: 'Seller tip' } },
    });
    expect(fields.get('title')?.element).toMatchObject({ initial_value: 'Kessler wants SAP' });
    expect(fields.get('body')?.element).toMatchObject({
      multiline: true,
      initial_value: 'Kessler asked twice about the SAP connector.\nThey sign in Q1.',
    });
    expect(fields.get('topics')?.element).toMatchObject({ initial_value: 'sap, integrations' });
    expect(fields.get('stage')).toMatchObject({
      optional: true,
      element: { initial_option: { value: 'decide' } },
    });
    expect(fields.get('review_by')).toMatchObject({
      optional: true,
      element: { type: 'datepicker', initial_date: '2027-01-15' },
    });
    expect(fields.get('title')?.optional).toBeFalsy();
    expect(fields.get('body')?.optional).toBeFalsy();
  });

  it('leaves optional fields empty for an entry without them', () => {
    const fields = inputs(editEntryModal(entry({ id: 5 })));

    expect(fields.get('topics')?.element).not.toHaveProperty('initial_value');
    expect(fields.get('stage')?.element).not.toHaveProperty('initial_option');
    expect(fields.get('review_by')?.element).not.toHaveProperty('initial_date');
  });

  it('offers "No stage" so a curator can clear one', () => {
    const stage = inputs(editEntryModal(sap)).get('stage')?.element as types.StaticSelect;
    const values = stage.options?.map((option) => option.value);

    expect(values).toEqual(['explore', 'evaluate', 'decide', 'implement', 'none']);
    expect(editSubmission.parse(form({ stage: 'none' })).stage).toBeNull();
  });

  it('saved untouched, gives back the entry as it was', () => {
    expect(editSubmission.parse(untouched(editEntryModal(sap)))).toEqual({
      kind: 'tip',
      title: 'Kessler wants SAP',
      body: 'Kessler asked twice about the SAP connector.\nThey sign in Q1.',
      topics: ['sap', 'integrations'],
      stage: 'decide',
      industry: 'Manufacturing',
      roles: ['CFO', 'IT admin'],
      reviewBy: new Date('2027-01-15T00:00:00Z'),
    });
  });

  it('keeps a body too long for Slack out of the form, so saving cannot cut it', () => {
    const long = entry({ id: 6, body: 'x'.repeat(5000) });
    const view = editEntryModal(long);

    expect(inputs(view).has('body')).toBe(false);
    expect(JSON.stringify(view.blocks)).toContain('5,000 characters');
    const parsed = editSubmission.parse(untouched(view));
    expect(parsed.body).toBeUndefined();
    expect(parsed.title).toBe('Entry 6');
  });

  it('never shortens a long stored title', () => {
    const title = 'T'.repeat(400);
    const element = inputs(editEntryModal(entry({ id: 8, title }))).get('title')
      ?.element as types.PlainTextInput;

    expect(element.initial_value).toBe(title);
    expect(element.max_length).toBeGreaterThanOrEqual(400);
  });
});

describe('editSubmission', () => {
  it('reads a submitted form into entry fields', () => {
    const parsed = editSubmission.parse(
      form({
        kind: 'research',
        title: '  Identity survey 2026 ',
        body: ' Analysts rank SSO first. ',
        topics: 'SSO, Okta; sso ,, identity ',
        stage: 'evaluate',
        reviewBy: '2027-03-01',
      }),
    );

    expect(parsed).toEqual({
      kind: 'research',
      title: 'Identity survey 2026',
      body: 'Analysts rank SSO first.',
      topics: ['sso', 'okta', 'identity'],
      stage: 'evaluate',
      industry: null,
      roles: [],
      reviewBy: new Date('2027-03-01T00:00:00Z'),
    });
  });

  it('treats empty optional fields as none', () => {
    expect(editSubmission.parse(form({}))).toMatchObject({
      topics: [],
      stage: null,
      industry: null,
      roles: [],
      reviewBy: null,
    });
  });

  it('asks for a title and a body, keyed by field for Slack to show', () => {
    const result = editSubmission.safeParse(form({ title: '   ', body: null }));

    expect(result.success).toBe(false);
    if (result.success) return;
    expect(submissionErrors(result.error)).toEqual({ title: 'Give it a title.', body: 'Write the body.' });
  });

  it.each([
    ['no kind', form({ kind: null }), 'kind', 'Pick what kind of entry this is.'],
    ['an unknown kind', form({ kind: 'gossip' }), 'kind', 'Pick what kind of entry this is.'],
    ['an unknown stage', form({ stage: 'negotiate' }), 'stage', 'Pick a stage from the list.'],
    ['a malformed date', form({ reviewBy: '15/01/2027' }), 'review_by', 'Pick a date such as 2026-11-02.'],
    ['an impossible date', form({ reviewBy: '2027-02-30' }), 'review_by', 'Pick a date such as 2026-11-02.'],
    ['a body too long', form({ body: 'x'.repeat(3001) }), 'body', 'Keep the body shorter.'],
  ])('rejects %s', (_, values, field, message) => {
    const result = editSubmission.safeParse(values);

    expect(result.success).toBe(false);
    if (result.success) return;
    expect(submissionErrors(result.error)).toEqual({ [field]: message });
  });

  it('rejects a form with its required fields missing', () => {
    const result = editSubmission.safeParse({});

    expect(result.success).toBe(false);
    if (result.success) return;
    expect(submissionErrors(result.error)).toEqual({
      kind: 'Pick what kind of entry this is.',
      title: 'Give it a title.',
    });
  });
});

describe('mergeModal', () => {
  const candidates = [
    entry({ id: 7, title: 'Harborview SSO', status: 'published' }),
    entry({ id: 42, title: 'Itself' }),
    entry({ id: 9, title: `A very long title ${'about SAML '.repeat(20)}`, status: 'published' }),
    entry({ id: 7, title: 'Harborview SSO', status: 'published' }),
  ];

  it('asks which entry to merge into, listing the candidates by id and title', () => {
    const view = mergeModal(sap, candidates);
    const target = inputs(view).get('target');
    const select = target?.element as types.StaticSelect;

    expect(view).toMatchObject({ callback_id: MERGE_MODAL_ID, submit: { text: 'Merge' } });
    expect(parseEntryValue(view.private_metadata)).toEqual({ e: 42 });
    expect(view.blocks[0]).toMatchObject({
      type: 'context',
      elements: [{ text: expect.stringContaining('Merge *Kessler wants SAP* (Seller tip)') }],
    });
    expect(select.action_id).toBe('value');
    expect(select.options?.map((option) => option.value)).toEqual(['7', '9']);
    expect(select.options?.[0]?.text.text).toBe('[7] Harborview SSO');
    const long = select.options?.[1]?.text.text ?? '';
    expect(long.length).toBeLessThanOrEqual(75);
    expect(long).toMatch(/^\[9\] A very long title about SAML .*…$/);
  });

  it('lists at most 100 candidates', () => {
    const many = Array.from({ length: 150 }, (_, i) => entry({ id: 100 + i }));
    const select = inputs(mergeModal(sap, many)).get('target')?.element as types.StaticSelect;

    expect(select.options).toHaveLength(100);
    expect(select.options?.[0]?.value).toBe('100');
  });

  it('says there is nothing to merge into, with no way to submit, when there are no candidates', () => {
    const view = mergeModal(sap, [entry({ id: 42 })]);

    expect(view.submit).toBeUndefined();
    expect(inputs(view).size).toBe(0);
    expect(JSON.stringify(view.blocks)).toContain('There is nothing to merge it into yet.');
  });
});

describe('mergeSubmission', () => {
  const pick = (value: unknown) => ({
    target: { value: { type: 'static_select', selected_option: value === null ? null : { value } } },
  });

  it('reads the chosen entry', () => {
    expect(mergeSubmission.parse(pick('7'))).toEqual({ targetId: 7 });
  });

  it.each([
    ['nothing picked', pick(null)],
    ['no field', {}],
    ['not a number', pick('seven')],
    ['zero', pick('0')],
    ['negative', pick('-3')],
    ['a fraction', pick('1.5')],
    ['huge', pick('9'.repeat(40))],
    ['a number, not a string', pick(7)],
  ])('rejects %s', (_, values) => {
    const result = mergeSubmission.safeParse(values);

    expect(result.success).toBe(false);
    if (result.success) return;
    expect(submissionErrors(result.error).target).toBeDefined();
  });
});

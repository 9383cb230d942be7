import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { SLACK_LIMITS } from '../../src/slack/blocks/block-limits.ts';
import { renderSlackModal } from '../../src/slack/blocks/render-form.ts';
import { renderSlackMessage, withinSlackLimits } from '../../src/slack/blocks/render-message.ts';
import { slackSubmission } from '../../src/slack/blocks/slack-form-values.ts';
import type { CardButton, CardElement, RichCard } from '../../src/teams/cards/card-elements.ts';
import { cardBytes, MAX_CARD_BYTES } from '../../src/teams/cards/card-types.ts';
import { renderTeamsCard, renderTeamsForm } from '../../src/teams/cards/render-card.ts';
import { dueReviewView } from '../../src/views/due-review-view.ts';
import { editEntryForm, editEntrySchema } from '../../src/views/edit-entry-form.ts';
import {
  fieldErrorSentences,
  fieldErrors,
  formErrorText,
  initialValues,
} from '../../src/views/form-values.ts';
import { markReviewedForm, markReviewedSchema } from '../../src/views/mark-reviewed-form.ts';
import { mergeEntryForm, mergeEntrySchema } from '../../src/views/merge-entry-form.ts';
import { reviewItemView } from '../../src/views/review-item-view.ts';
import { saveEntryForm, saveEntrySchema } from '../../src/views/save-entry-form.ts';
import type { FormView, MessageView } from '../../src/views/view-model.ts';
import { entryFixture } from '../helpers/entry-fixture.ts';

const NOW = new Date('2026-11-02T15:00:00Z');

const sap = entryFixture({
  id: 42,
  kind: 'tip',
  title: 'Kessler wants SAP',
  body: 'Kessler asked twice about the SAP connector.\nThey sign in Q1.',
  sourceAuthor: 'Dan',
  sourceChannel: '#field-intel',
  sourceUrl: 'https://acme.slack.com/archives/C1/p1700',
  topics: ['sap', 'integrations'],
  stage: 'decide',
  industry: 'Manufacturing',
  roles: ['CFO', 'IT admin'],
  audience: 'slack:G_DEALS',
  reviewBy: new Date('2026-10-20T00:00:00Z'),
  status: 'published',
});

const hostile = 'Buyers ask about <!channel> & *SAML* [click](https://evil.example.com) <@U123> '.repeat(80);
const huge = entryFixture({
  id: 7,
  title: hostile,
  body: hostile.slice(0, 2_990),
  sourceAuthor: hostile,
  sourceChannel: hostile,
  topics: Array.from({ length: 40 }, (_, i) => `topic ${i} ${hostile.slice(0, 60)}`),
  industry: 'x'.repeat(200),
  reviewBy: new Date('2026-11-02T00:00:00Z'),
});
const manyTargets = Array.from({ length: 150 }, (_, i) => ({ id: 1000 + i, title: hostile }));

// ——— What each platform shows, read back the same way ———

interface Button {
  label: string;
  action: string;
  payload?: unknown;
  /** The form's action, when the button opens one (Teams inline; Slack when its listener opens it). */
  form?: string;
  confirms?: boolean;
}

function slackButtons(blocks: types.KnownBlock[]): Button[] {
  return blocks.flatMap((block) =>
    block.type === 'actions'
      ? (block.elements as types.Button[]).map((button) => ({
          label: button.text.text,
          action: button.action_id ?? '',
          payload: JSON.parse(button.value ?? 'null'),
          confirms: button.confirm !== undefined,
        }))
      : [],
  );
}

/** Teams buttons as pressed: a ShowCard's own submit is the action (a form's, or a confirmation's). */
function teamsButtons(actions: CardButton[]): Button[] {
  return actions.map((action) => {
    if (action.type === 'Action.ShowCard') {
      const [submit] = action.card.actions;
      const inputs = action.card.body.some((element) => element.type.startsWith('Input.'));
      return {
        label: action.title,
        action: submit?.type === 'Action.Execute' ? submit.verb : '',
        payload: submit?.type === 'Action.Execute' ? submit.data : undefined,
        ...(inputs ? { form: submit?.type === 'Action.Execute' ? submit.verb : '' } : { confirms: true }),
      };
    }
    if (action.type === 'Action.Execute') {
      return { label: action.title, action: action.verb, payload: action.data, confirms: false };
    }
    return { label: action.title, action: 'submit' };
  });
}

interface Input {
  id: string;
  required: boolean;
  options?: string[];
  initial: string[];
}

/** Earshot renders known blocks only; Bolt's type also allows others. */
const blocksOf = (modal: types.ModalView) => modal.blocks as types.KnownBlock[];

function slackInputs(modal: types.ModalView): Input[] {
  return blocksOf(modal).flatMap((block): Input[] => {
    if (block.type !== 'input') return [];
    const element = block.element;
    const base = { id: block.block_id ?? '', required: !block.optional };
    switch (element.type) {
      case 'plain_text_input':
        return [{ ...base, initial: element.initial_value ? [element.initial_value] : [] }];
      case 'datepicker':
        return [{ ...base, initial: element.initial_date ? [element.initial_date] : [] }];
      case 'static_select':
        return [
          {
            ...base,
            options: element.options?.map((option) => option.value ?? '') ?? [],
            initial: element.initial_option?.value ? [element.initial_option.value] : [],
          },
        ];
      case 'multi_static_select':
        return [
          {
            ...base,
            options: element.options?.map((option) => option.value ?? '') ?? [],
            initial: element.initial_options?.map((option) => option.value ?? '') ?? [],
          },
        ];
      default:
        throw new Error(`unexpected input ${element.type}`);
    }
  });
}

function teamsInputs(body: CardElement[]): Input[] {
  return body.flatMap((element): Input[] => {
    const base = (id: string, required?: boolean) => ({ id, required: required === true });
    const values = (value?: string) => (value ? value.split(',') : []);
    switch (element.type) {
      case 'Input.Text':
      case 'Input.Date':
        return [{ ...base(element.id, element.isRequired), initial: element.value ? [element.value] : [] }];
      case 'Input.ChoiceSet':
        return [
          {
            ...base(element.id, element.isRequired),
            options: element.choices.map((choice) => choice.value),
            initial: values(element.value),
          },
        ];
      default:
        return [];
    }
  });
}

/** The form a Teams card's button opens inline. */
function teamsFormOf(card: RichCard, label: string): CardElement[] {
  const button = card.actions.find((action) => action.title === label);
  if (button?.type !== 'Action.ShowCard') throw new Error(`no form behind ${label}`);
  return button.card.body;
}

/** What Slack checks before it opens a modal. */
function expectValidModal(modal: types.ModalView) {
  expect(modal.blocks.length).toBeLessThanOrEqual(100);
  expect(modal.title.text.length).toBeLessThanOrEqual(24);
  expect(modal.submit?.text.length ?? 0).toBeLessThanOrEqual(24);
  expect(modal.private_metadata?.length ?? 0).toBeLessThanOrEqual(3000);
  for (const block of blocksOf(modal)) {
    if (block.type === 'context') {
      for (const element of block.elements) {
        if ('text' in element) expect(element.text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
      }
    }
    if (block.type !== 'input') continue;
    expect(block.label.text.length).toBeLessThanOrEqual(2000);
    const element = block.element;
    if (element.type === 'plain_text_input') {
      expect(element.max_length).toBeLessThanOrEqual(3000);
      expect(element.initial_value?.length ?? 0).toBeLessThanOrEqual(element.max_length ?? 3000);
    }
    if (element.type === 'static_select' || element.type === 'multi_static_select') {
      expect(element.options?.length).toBeLessThanOrEqual(100);
      for (const option of element.options ?? []) expect(option.text.text.length).toBeLessThanOrEqual(75);
    }
  }
}

const both = (view: MessageView) => ({ slack: renderSlackMessage(view), teams: renderTeamsCard(view) });

function expectWithinLimits(view: MessageView) {
  const { slack, teams } = both(view);
  expect(withinSlackLimits(slack.blocks)).toBe(true);
  expect(slack.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
  expect(cardBytes(teams)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  for (const button of slackButtons(slack.blocks)) {
    expect(JSON.stringify(button.payload).length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
  }
}

/** The same form on both platforms: the same fields, required alike, with the same choices and values. */
function expectSameForm(form: FormView) {
  const modal = renderSlackModal(form);
  const card = renderTeamsForm(form);
  expectValidModal(modal);
  expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  expect(slackInputs(modal)).toEqual(teamsInputs(card.body));
  expect(modal.callback_id).toBe(form.action);
  expect(card.actions).toEqual([
    expect.objectContaining({ type: 'Action.Execute', verb: form.action, data: form.payload }),
  ]);
  return { modal, card };
}

// ——— The review queue item ———

describe('a review queue item on Slack and Teams', () => {
  const targets = [
    { id: 7, title: 'Harborview SSO' },
    { id: 9, title: 'SAP connector roadmap' },
  ];

  it('shows the same entry and the same four buttons, each carrying the entry', () => {
    const { slack, teams } = both(reviewItemView(sap, { mergeTargets: targets }));
    const slackText = JSON.stringify(slack.blocks);
    const teamsText = JSON.stringify(teams.body);
    for (const shown of [
      'Seller tip · ',
      'Kessler wants SAP',
      'Kessler asked twice about the SAP connector. They sign in Q1.',
      'from Dan in #field-intel, 2026-10-30',
      '🔒 private to its channel',
      'Topics: sap, integrations · Stage: decide · Industry: Manufacturing · Roles: CFO, IT admin',
    ]) {
      expect(slackText).toContain(shown);
      expect(teamsText).toContain(shown);
    }
    expect(slackText).toContain('<https://acme.slack.com/archives/C1/p1700|source>');
    expect(teamsText).toContain('[source](https://acme.slack.com/archives/C1/p1700)');

    expect(slackButtons(slack.blocks)).toEqual([
      { label: 'Approve', action: 'earshot_curate_approve', payload: { e: 42 }, confirms: false },
      { label: 'Edit', action: 'earshot_curate_edit', payload: { e: 42 }, confirms: false },
      { label: 'Merge into…', action: 'earshot_curate_merge', payload: { e: 42 }, confirms: false },
      { label: 'Reject', action: 'earshot_curate_reject', payload: { e: 42 }, confirms: true },
    ]);
    // Teams opens Edit and Merge inline and submits the forms Slack opens as modals.
    expect(teamsButtons(teams.actions)).toEqual([
      { label: 'Approve', action: 'earshot_curate_approve', payload: { e: 42 }, confirms: false },
      { label: 'Edit', action: 'earshot_edit_modal', payload: { e: 42 }, form: 'earshot_edit_modal' },
      {
        label: 'Merge into…',
        action: 'earshot_merge_modal',
        payload: { e: 42 },
        form: 'earshot_merge_modal',
      },
      { label: 'Reject', action: 'earshot_curate_reject', payload: { e: 42 }, confirms: true },
    ]);
    expect(slack.blocks.find((block) => block.type === 'actions')?.block_id).toBe('earshot_queue_actions_42');
  });

  it('asks before rejecting, in the same words on both', () => {
    const { slack, teams } = both(reviewItemView(sap));
    const reject = slackButtons(slack.blocks).find((button) => button.label === 'Reject');
    const slackReject = (slack.blocks.find((block) => block.type === 'actions') as types.ActionsBlock)
      .elements[3] as types.Button;
    expect(reject?.confirms).toBe(true);
    expect(slackReject.confirm).toMatchObject({
      title: { text: 'Reject this entry?' },
      text: { text: "“Kessler wants SAP” won't show up in answers." },
      confirm: { text: 'Reject' },
      deny: { text: 'Keep it' },
      style: 'danger',
    });
    const teamsReject = teams.actions.at(-1);
    expect(JSON.stringify(teamsReject)).toContain('Reject this entry?');
    expect(JSON.stringify(teamsReject)).toContain("“Kessler wants SAP” won't show up in answers.");
  });

  it('puts the same edit form behind Edit on Teams as Slack opens for it', () => {
    const teams = renderTeamsCard(reviewItemView(sap, { mergeTargets: targets }));
    const modal = renderSlackModal(editEntryForm(sap));
    expect(teamsInputs(teamsFormOf(teams, 'Edit'))).toEqual(slackInputs(modal));
    expect(teamsInputs(teamsFormOf(teams, 'Merge into…'))).toEqual(
      slackInputs(renderSlackModal(mergeEntryForm(sap, targets))),
    );
  });

  it('leaves Merge out where nothing can be merged into, and asks for the target on press when not given', () => {
    const none = renderTeamsCard(reviewItemView(sap, { mergeTargets: [{ id: 42, title: 'Itself' }] }));
    expect(none.actions.map((action) => action.title)).toEqual(['Approve', 'Edit', 'Reject']);
    const onPress = renderSlackMessage(reviewItemView(sap));
    expect(slackButtons(onPress.blocks).map((button) => button.label)).toContain('Merge into…');
  });

  it('escapes entry text on both, so it cannot ping, link or format', () => {
    const { slack, teams } = both(reviewItemView(huge, { mergeTargets: manyTargets }));
    // Only mrkdwn can ping or link; plain_text (buttons, the confirm dialog) shows text as it is.
    const slackText = JSON.stringify(
      slack.blocks.flatMap((block) =>
        block.type === 'section' ? [block.text] : block.type === 'context' ? block.elements : [],
      ),
    );
    expect(slackText).not.toContain('<!channel>');
    expect(slackText).not.toContain('<@U123>');
    expect(slackText).not.toContain('|click>');
    expect(JSON.stringify(teams.body)).not.toContain('](https://evil.example.com)');
  });

  it('stays within both platforms’ limits with huge text and 150 merge targets', () => {
    expectWithinLimits(reviewItemView(huge, { mergeTargets: manyTargets }));
    expectWithinLimits(reviewItemView(huge));
  });
});

// ——— The due-for-review item ———

describe('a due-for-review item on Slack and Teams', () => {
  it('says since when it is due and offers Mark reviewed and Edit on both', () => {
    const { slack, teams } = both(dueReviewView(sap, NOW));
    for (const text of [JSON.stringify(slack.blocks), JSON.stringify(teams.body)]) {
      expect(text).toContain('Kessler wants SAP');
      expect(text).toContain(' · overdue since 2026-10-20 · 🔒 private');
      expect(text).toContain('Kessler asked twice about the SAP connector.');
    }
    expect(slackButtons(slack.blocks)).toEqual([
      { label: 'Mark reviewed', action: 'earshot_due_reviewed', payload: { e: 42 }, confirms: false },
      { label: 'Edit', action: 'earshot_due_edit', payload: { e: 42 }, confirms: false },
    ]);
    expect(teamsButtons(teams.actions)).toEqual([
      {
        label: 'Mark reviewed',
        action: 'earshot_due_reviewed',
        payload: { e: 42 },
        form: 'earshot_due_reviewed',
      },
      { label: 'Edit', action: 'earshot_due_edit', payload: { e: 42 }, form: 'earshot_due_edit' },
    ]);
  });

  it('says due today and due on a day, by the day in UTC', () => {
    const today = { ...sap, reviewBy: new Date('2026-11-02T00:00:00Z') };
    const later = { ...sap, reviewBy: new Date('2026-11-10T00:00:00Z') };
    expect(renderSlackMessage(dueReviewView(today, NOW)).text).toContain('(due today)');
    expect(renderTeamsCard(dueReviewView(later, NOW)).fallbackText).toContain('(due 2026-11-10)');
  });

  it('puts the same forms behind its buttons on Teams as Slack opens for them', () => {
    const teams = renderTeamsCard(dueReviewView(sap, NOW));
    expect(teamsInputs(teamsFormOf(teams, 'Mark reviewed'))).toEqual(
      slackInputs(renderSlackModal(markReviewedForm(sap, NOW))),
    );
    expect(teamsInputs(teamsFormOf(teams, 'Edit'))).toEqual(
      slackInputs(renderSlackModal(editEntryForm(sap, { due: { now: NOW } }))),
    );
  });

  it('stays within both platforms’ limits with huge text', () => {
    expectWithinLimits(dueReviewView(huge, NOW));
  });
});

// ——— The forms ———

describe('the curation forms on Slack and Teams', () => {
  it('edit: every field, prefilled, the same on both', () => {
    const { modal, card } = expectSameForm(editEntryForm(sap));
    expect(slackInputs(modal)).toEqual([
      {
        id: 'kind',
        required: true,
        options: ['chatter', 'tip', 'research', 'expert', 'demo'],
        initial: ['tip'],
      },
      { id: 'title', required: true, initial: ['Kessler wants SAP'] },
      { id: 'body', required: true, initial: [sap.body] },
      { id: 'topics', required: false, initial: ['sap, integrations'] },
      {
        id: 'stage',
        required: false,
        options: ['explore', 'evaluate', 'decide', 'implement', 'none'],
        initial: ['decide'],
      },
      { id: 'industry', required: false, initial: ['Manufacturing'] },
      {
        id: 'roles',
        required: false,
        options: expect.arrayContaining(['CFO', 'IT admin']),
        initial: ['CFO', 'IT admin'],
      },
      { id: 'review_by', required: false, initial: ['2026-10-20'] },
    ]);
    expect(JSON.stringify(card)).toContain(
      'Entry 42 · published · from Dan in #field-intel · 🔒 private to its channel',
    );
  });

  it('edit: a body too long to edit is left out with a note on both, and kept when saved', () => {
    const long = entryFixture({ id: 6, body: 'word '.repeat(1_200) });
    const form = editEntryForm(long);
    const { modal, card } = expectSameForm(form);
    expect(slackInputs(modal).map((input) => input.id)).not.toContain('body');
    for (const rendered of [JSON.stringify(modal), JSON.stringify(card)]) {
      expect(rendered).toContain('The body is 6,000 characters, more than Earshot can edit here');
    }
    expect(editEntrySchema().parse(initialValues(form)).body).toBeUndefined();
  });

  it('edit for a due entry: the next review date is required, after today, suggested in 90 days', () => {
    const form = editEntryForm(sap, { due: { now: NOW } });
    const { modal, card } = expectSameForm(form);
    expect(slackInputs(modal).at(-1)).toEqual({ id: 'review_by', required: true, initial: ['2027-01-31'] });
    expect(card.body.at(-1)).toMatchObject({ type: 'Input.Date', min: '2026-11-03' });
    const schema = editEntrySchema({ due: { now: NOW } });
    const today = schema.safeParse({ ...initialValues(form), review_by: '2026-11-02' });
    expect(today.success).toBe(false);
    if (!today.success)
      expect(fieldErrors(today.error)).toEqual({ review_by: 'Pick a next review date after today.' });
  });

  it('merge: the targets by id and title, at most 100 of at most 75 characters, the same on both', () => {
    const { modal } = expectSameForm(mergeEntryForm(sap, manyTargets));
    const [target] = slackInputs(modal);
    expect(target?.options).toHaveLength(100);
    expect(target?.options?.[0]).toBe('1000');
    expect(JSON.stringify(modal)).toContain('Showing the first 100 of 150.');
  });

  it('merge: with nothing to merge into, nothing to submit on either', () => {
    const form = mergeEntryForm(sap, []);
    expect(renderSlackModal(form).submit).toBeUndefined();
    expect(renderTeamsForm(form).actions).toEqual([]);
    expect(JSON.stringify(renderTeamsForm(form))).toContain('There is nothing to merge it into yet.');
  });

  it('mark reviewed: one date, required, from tomorrow', () => {
    const { modal, card } = expectSameForm(markReviewedForm(sap, NOW));
    expect(slackInputs(modal)).toEqual([{ id: 'reviewBy', required: true, initial: ['2027-01-31'] }]);
    expect(card.body.at(-1)).toMatchObject({ type: 'Input.Date', min: '2026-11-03' });
    expect(card.actions[0]).toMatchObject({ title: 'Still accurate' });
  });

  it('save: prefilled from the message, the same on both; Teams submits its dialog with Action.Submit', () => {
    const form = saveEntryForm({
      kind: 'tip',
      title: 'T'.repeat(400),
      message: { channel: 'C1', ts: '1.2' },
    });
    const { modal } = expectSameForm(form);
    expect(slackInputs(modal).map((input) => input.id)).toEqual([
      'kind',
      'title',
      'topics',
      'stage',
      'industry',
      'roles',
    ]);
    expect(slackInputs(modal)[1]?.initial[0]).toHaveLength(150);
    expect(JSON.parse(modal.private_metadata ?? '')).toEqual({ channel: 'C1', ts: '1.2' });
    const dialog = renderTeamsForm({ ...form, payload: {} }, { inTaskModule: true });
    expect(dialog.actions).toEqual([{ type: 'Action.Submit', title: 'Save', data: {} }]);
    expect(JSON.stringify(dialog.body)).not.toContain('**Save to Earshot**');
    expect(teamsInputs(dialog.body)).toEqual(slackInputs(modal));
  });
});

// ——— One schema per form, both platforms' submissions ———

/** Slack's `view.state.values` for what was typed and picked. */
function slackState(modal: types.ModalView, values: Record<string, string | string[] | null>) {
  const state: Record<string, { value: Record<string, unknown> }> = {};
  for (const block of blocksOf(modal)) {
    if (block.type !== 'input' || !block.block_id || !(block.block_id in values)) continue;
    const value = values[block.block_id] ?? null;
    const type = block.element.type;
    state[block.block_id] = {
      value:
        type === 'multi_static_select'
          ? { type, selected_options: ((value as string[] | null) ?? []).map((v) => ({ value: v })) }
          : type === 'static_select'
            ? { type, selected_option: value === null ? null : { value } }
            : type === 'datepicker'
              ? { type, selected_date: value }
              : { type, value },
    };
  }
  return state;
}

describe('reading a submitted form the same on both platforms', () => {
  const typed = {
    kind: 'research',
    title: ' Identity survey 2026 ',
    body: 'Analysts rank SSO first.',
    topics: 'SSO, Okta; sso',
    stage: 'none',
    industry: ' Healthcare ',
    review_by: '2027-03-01',
  };

  it('edit: Slack state and Teams data give the same entry fields', () => {
    const form = editEntryForm(sap);
    const fromSlack = slackSubmission(editEntrySchema()).parse(
      slackState(renderSlackModal(form), { ...typed, roles: ['CFO', 'chief information security officer'] }),
    );
    const fromTeams = editEntrySchema().parse({
      e: 42,
      ...typed,
      roles: 'CFO,chief information security officer',
    });
    expect(fromSlack).toEqual(fromTeams);
    expect(fromTeams).toEqual({
      kind: 'research',
      title: 'Identity survey 2026',
      body: 'Analysts rank SSO first.',
      topics: ['sso', 'okta'],
      stage: null,
      industry: 'Healthcare',
      roles: ['CFO', 'CISO'],
      reviewBy: new Date('2027-03-01T00:00:00Z'),
    });
  });

  it('edit: an untouched form gives the entry back on both', () => {
    const form = editEntryForm(sap);
    const modal = renderSlackModal(form);
    const untouched = Object.fromEntries(
      slackInputs(modal).map((input) => [
        input.id,
        input.options && input.id === 'roles' ? input.initial : (input.initial[0] ?? null),
      ]),
    );
    const expected = {
      kind: 'tip',
      title: sap.title,
      body: sap.body,
      topics: sap.topics,
      stage: 'decide',
      industry: 'Manufacturing',
      roles: ['CFO', 'IT admin'],
      reviewBy: sap.reviewBy,
    };
    expect(slackSubmission(editEntrySchema()).parse(slackState(modal, untouched))).toEqual(expected);
    expect(editEntrySchema().parse(initialValues(form))).toEqual(expected);
  });

  it('names the field in errors: under it on Slack, in the one message Teams shows', () => {
    const form = editEntryForm(sap);
    const bad = { ...typed, industry: 'Healthcare; Retail', roles: 'CFO,Wizard' };
    const fromTeams = editEntrySchema().safeParse(bad);
    expect(fromTeams.success).toBe(false);
    if (fromTeams.success) return;
    expect(formErrorText(form, fromTeams.error)).toMatch(/^Industry must be a short industry name/);
    expect(fieldErrors(fromTeams.error)).toEqual({
      industry: expect.stringMatching(/^must be a short industry name/),
      roles: expect.stringMatching(/^must be one of the buyer roles/),
    });
    const noTitle = editEntrySchema().safeParse({ ...typed, title: '  ' });
    if (noTitle.success) throw new Error('a blank title was accepted');
    expect(formErrorText(form, noTitle.error)).toBe('Give it a title.');
  });

  it("edit with the account (the web console's form): prefilled, trimmed, blank clears it; chat's forms leave it", () => {
    const form = editEntryForm({ ...sap, sourceAccount: 'Kessler' }, { account: true });
    expect(form.fields.find((field) => field.id === 'account')).toMatchObject({
      label: 'Account',
      initial: 'Kessler',
    });
    expect(editEntryForm(sap).fields.map((field) => field.id)).not.toContain('account');
    expect(editEntrySchema().parse({ ...typed, account: ' Initech ' }).sourceAccount).toBe('Initech');
    expect(editEntrySchema().parse({ ...typed, account: '' }).sourceAccount).toBeNull();
    expect('sourceAccount' in editEntrySchema().parse(typed)).toBe(false);
    const twoLines = editEntrySchema().safeParse({ ...typed, account: 'Kessler\nGmbH' });
    if (twoLines.success) throw new Error('an account on two lines was accepted');
    expect(fieldErrorSentences(form, twoLines.error)).toEqual({
      account: 'Keep the account name on one line.',
    });
  });

  it('save: the same capture from both; a blank stage is none', () => {
    const form = saveEntryForm({ kind: 'tip', title: 'x', message: {} });
    const values = { kind: 'demo', title: 'CFO script', topics: 'roi', stage: null, industry: null };
    const fromSlack = slackSubmission(saveEntrySchema).parse(
      slackState(renderSlackModal(form), { ...values, roles: ['VP Finance'] }),
    );
    const fromTeams = saveEntrySchema.parse({ ...values, stage: '', industry: '', roles: 'VP Finance' });
    expect(fromSlack).toEqual(fromTeams);
    expect(fromTeams).toEqual({
      kind: 'demo',
      title: 'CFO script',
      topics: ['roi'],
      stage: undefined,
      industry: undefined,
      roles: ['VP Finance'],
    });
  });

  it('merge and mark reviewed: the same target and date from both', () => {
    const merge = mergeEntryForm(sap, [{ id: 7, title: 'Harborview SSO' }]);
    expect(
      slackSubmission(mergeEntrySchema).parse(slackState(renderSlackModal(merge), { target: '7' })),
    ).toEqual(mergeEntrySchema.parse({ e: 42, target: '7' }));
    const reviewed = markReviewedForm(sap, NOW);
    const schema = markReviewedSchema(NOW);
    expect(
      slackSubmission(schema).parse(slackState(renderSlackModal(reviewed), { reviewBy: '2027-02-21' })),
    ).toEqual({
      reviewBy: new Date('2027-02-21T00:00:00Z'),
    });
    const today = schema.safeParse({ reviewBy: '2026-11-02' });
    if (today.success) throw new Error('today was accepted as the next review date');
    expect(formErrorText(reviewed, today.error)).toBe('Pick a next review date after today.');
  });
});

import { ROLE_CHOICES } from '../knowledge/capture/form-facets.ts';
import {
  BUYING_STAGES,
  type BuyingStage,
  ENTRY_KINDS,
  type EntryKind,
  MAX_INDUSTRY_CHARS,
} from '../knowledge/entry.ts';
import type { FormField } from './view-model.ts';

/** Field ids of the save and edit forms (Slack block ids, Teams input ids). */
export const ENTRY_FIELDS = {
  kind: 'kind',
  title: 'title',
  body: 'body',
  topics: 'topics',
  stage: 'stage',
  industry: 'industry',
  roles: 'roles',
  reviewBy: 'review_by',
  account: 'account',
} as const;

/** The longest account name the edit form takes. */
export const MAX_ACCOUNT = 200;

/** Slack's text inputs hold at most 3000 characters; Teams gets the same so both forms edit alike. */
export const MAX_INPUT = 3000;
export const MAX_NEW_TITLE = 150;
const MIN_TOPICS_INPUT = 500;
/** Picking this clears the stage: a single choice cannot be emptied once something is chosen. */
export const NO_STAGE = 'none';

const KIND_CHOICES: Record<EntryKind, string> = {
  chatter: 'Field intel (what a buyer said)',
  tip: 'Seller tip',
  research: 'Research',
  expert: 'Expert content',
  demo: 'Demo (script, recording, click path)',
};

const capitalized = (word: string) => `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`;

export function kindField(initial: EntryKind): FormField {
  return {
    type: 'select',
    id: ENTRY_FIELDS.kind,
    label: 'What is it?',
    options: ENTRY_KINDS.map((kind) => ({ value: kind, label: KIND_CHOICES[kind] })),
    initial: [initial],
  };
}

/** A title input never shorter than the stored title, or it could not be shown. */
export function titleField(initial: string, minLength = MAX_NEW_TITLE): FormField {
  return {
    type: 'text',
    id: ENTRY_FIELDS.title,
    label: 'Title',
    initial: initial.slice(0, MAX_INPUT),
    maxLength: Math.min(MAX_INPUT, Math.max(minLength, initial.length)),
  };
}

export function bodyField(initial: string): FormField {
  return {
    type: 'text',
    id: ENTRY_FIELDS.body,
    label: 'Body',
    initial,
    multiline: true,
    maxLength: MAX_INPUT,
  };
}

export function topicsField(topics: readonly string[] = []): FormField {
  const initial = topics.join(', ');
  return {
    type: 'text',
    id: ENTRY_FIELDS.topics,
    label: 'Topics',
    optional: true,
    hint: 'Separated by commas, e.g. pricing, sso',
    ...(initial ? { initial: initial.slice(0, MAX_INPUT) } : {}),
    maxLength: Math.min(MAX_INPUT, Math.max(MIN_TOPICS_INPUT, initial.length)),
  };
}

export function stageField(stage: BuyingStage | null = null): FormField {
  return {
    type: 'select',
    id: ENTRY_FIELDS.stage,
    label: 'Buying stage',
    optional: true,
    options: [
      ...BUYING_STAGES.map((value) => ({ value, label: capitalized(value) })),
      { value: NO_STAGE, label: 'No stage' },
    ],
    ...(stage ? { initial: [stage] } : {}),
  };
}

/** Industry and buyer roles, for the save and edit forms, prefilled when editing. */
export function facetFields(
  prefill: { industry?: string | null; roles?: readonly string[] } = {},
): FormField[] {
  const roles = (prefill.roles ?? []).filter((role) => (ROLE_CHOICES as readonly string[]).includes(role));
  return [
    {
      type: 'text',
      id: ENTRY_FIELDS.industry,
      label: 'Industry',
      optional: true,
      placeholder: 'Who it is for, e.g. Healthcare',
      maxLength: MAX_INDUSTRY_CHARS,
      ...(prefill.industry ? { initial: prefill.industry.slice(0, MAX_INDUSTRY_CHARS) } : {}),
    },
    {
      type: 'select',
      id: ENTRY_FIELDS.roles,
      label: 'Buyer roles',
      optional: true,
      multiple: true,
      options: ROLE_CHOICES.map((role) => ({ value: role, label: role })),
      ...(roles.length > 0 ? { initial: roles } : {}),
    },
  ];
}

/** The account the entry is about (web console only: chat's forms leave it as it is). */
export function accountField(initial: string | null): FormField {
  return {
    type: 'text',
    id: ENTRY_FIELDS.account,
    label: 'Account',
    optional: true,
    hint: 'The customer or prospect it is about, e.g. Globex',
    maxLength: MAX_ACCOUNT,
    ...(initial ? { initial: initial.slice(0, MAX_ACCOUNT) } : {}),
  };
}

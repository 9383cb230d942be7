import type { types } from '@slack/bolt';
import { ROLE_CHOICES } from '../../knowledge/capture/form-facets.ts';
import { MAX_INDUSTRY_CHARS } from '../../knowledge/entry.ts';

/** Block ids of the industry and roles inputs, shared by the save and edit modals. */
export const FACET_FIELDS = { industry: 'industry', roles: 'roles' } as const;

const roleOption = (role: string): types.PlainTextOption => ({
  text: { type: 'plain_text', text: role },
  value: role,
});

/** Industry and buyer roles inputs, prefilled when editing. */
export function facetInputs(
  prefill: { industry?: string | null; roles?: readonly string[] } = {},
): types.InputBlock[] {
  const roles = (prefill.roles ?? []).filter((role) => (ROLE_CHOICES as readonly string[]).includes(role));
  return [
    {
      type: 'input',
      block_id: FACET_FIELDS.industry,
      optional: true,
      label: { type: 'plain_text', text: 'Industry' },
      hint: { type: 'plain_text', text: 'Who it is for, e.g. Healthcare' },
      element: {
        type: 'plain_text_input',
        action_id: 'value',
        max_length: MAX_INDUSTRY_CHARS,
        ...(prefill.industry ? { initial_value: prefill.industry } : {}),
      },
    },
    {
      type: 'input',
      block_id: FACET_FIELDS.roles,
      optional: true,
      label: { type: 'plain_text', text: 'Buyer roles' },
      element: {
        type: 'multi_static_select',
        action_id: 'value',
        options: ROLE_CHOICES.map(roleOption),
        ...(roles.length > 0 ? { initial_options: roles.map(roleOption) } : {}),
      },
    },
  ];
}

import { ROLE_CHOICES } from '../../knowledge/capture/form-facets.ts';
import { MAX_INDUSTRY_CHARS } from '../../knowledge/entry.ts';

/**
 * Industry and buyer roles inputs for the save and edit forms, prefilled when editing. A multi-select
 * ChoiceSet submits its values comma-joined, which the form parser splits again.
 */
export function facetInputs(prefill: { industry?: string | null; roles?: readonly string[] } = {}) {
  const roles = (prefill.roles ?? []).filter((role) => (ROLE_CHOICES as readonly string[]).includes(role));
  return [
    {
      type: 'Input.Text',
      id: 'industry',
      label: 'Industry',
      placeholder: 'Healthcare',
      maxLength: MAX_INDUSTRY_CHARS,
      ...(prefill.industry ? { value: prefill.industry } : {}),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'roles',
      label: 'Buyer roles',
      isMultiSelect: true,
      choices: ROLE_CHOICES.map((role) => ({ title: role, value: role })),
      ...(roles.length > 0 ? { value: roles.join(',') } : {}),
    },
  ];
}

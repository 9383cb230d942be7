import type { AccountDraft, AccountField, AccountProblem } from '../../nudges/accounts/account-edits.ts';
import { namedProblem } from './form-html.ts';
import { type Html, html } from './html.ts';

export const ACCOUNT_LABELS: Record<AccountField, string> = {
  name: 'Account name',
  domain: 'Domain',
  industry: 'Industry',
  ownerEmail: 'Owner email',
};

const HINTS: Record<AccountField, string> = {
  name: 'As trigger feeds write it; “Inc.”, “GmbH” and the like are ignored when matching.',
  domain: 'Such as acme.com: trigger events are matched by domain first.',
  industry: 'Alerts suggest reference customers in the same industry.',
  ownerEmail: 'Alerts about this account go to this person, in Slack or Teams.',
};

const MAX_LENGTHS: Record<AccountField, number> = { name: 200, domain: 253, industry: 100, ownerEmail: 254 };

/** "Nothing was saved": each problem names its field and links to it; announced on arrival. */
export function accountProblems(problems: readonly AccountProblem[], idPrefix: string): Html {
  if (problems.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" id="${idPrefix}-problems">
<h2>Nothing was saved: ${problems.length === 1 ? 'one field needs' : `${problems.length} fields need`} fixing</h2>
<ul>${problems.map(
    (problem) =>
      html`<li><a href="#${idPrefix}-${problem.field}">${namedProblem(ACCOUNT_LABELS[problem.field], problem.message)}</a></li>`,
  )}</ul>
</div>`;
}

/** Labelled inputs for the given account fields, each with its hint and its problem. */
export function accountFields(options: {
  fields: readonly AccountField[];
  values: Partial<AccountDraft>;
  problems: readonly AccountProblem[];
  idPrefix: string;
}): Html {
  return html`${options.fields.map((field) => {
    const id = `${options.idPrefix}-${field}`;
    const problem = options.problems.find((p) => p.field === field);
    const optional = field === 'domain' || field === 'industry';
    const described = `${id}-hint${problem ? ` ${id}-error` : ''}`;
    return html`<div class="field${problem ? ' invalid' : ''}">
<label for="${id}">${ACCOUNT_LABELS[field]}${optional ? html` <span class="muted">(optional)</span>` : ''}</label>
<p class="hint" id="${id}-hint">${HINTS[field]}</p>
${problem ? html`<p class="field-error" id="${id}-error">${namedProblem(ACCOUNT_LABELS[field], problem.message)}</p>` : ''}
<input type="${field === 'ownerEmail' ? 'email' : 'text'}" id="${id}" name="${field}" value="${options.values[field] ?? ''}" maxlength="${MAX_LENGTHS[field]}" aria-describedby="${described}"${problem ? html` aria-invalid="true"` : ''}${optional ? '' : ' required'}>
</div>`;
  })}`;
}

import type { AccountDraft, AccountProblem, SavedAccount } from '../../nudges/accounts/account-edits.ts';
import { accountFields, accountProblems } from './account-form.ts';
import { type Html, html } from './html.ts';
import { layout, type Viewer } from './layout.ts';

/** One account's owner, industry and domain, for a curator to change. */
export function accountEditPage(options: {
  viewer: Viewer;
  account: SavedAccount;
  draft: Omit<AccountDraft, 'name'>;
  problems: readonly AccountProblem[];
}): Html {
  const { viewer, account, problems } = options;
  return layout({
    title: `Change ${account.name}`,
    viewer,
    current: 'accounts',
    body: html`<h1>Change ${account.name}</h1>
<p>A new owner gets this account's alerts that have not been sent yet, and every alert from now on.</p>
<form method="post" action="/console/accounts/${account.id}" class="new-entry-form" aria-label="Change ${account.name}">
  <input type="hidden" name="_csrf" value="${viewer.csrfToken}">
  ${accountProblems(problems, 'edit')}
  ${accountFields({ fields: ['ownerEmail', 'industry', 'domain'], values: options.draft, problems, idPrefix: 'edit' })}
  <div class="actions"><button type="submit">Save changes</button> <a href="/console/accounts">Back to accounts</a></div>
</form>`,
  });
}

import type { ListedAccount } from '../../nudges/accounts/account-directory.ts';
import type { AccountDraft, AccountProblem } from '../../nudges/accounts/account-edits.ts';
import { accountFields, accountProblems } from './account-form.ts';
import { type Html, html } from './html.ts';
import { layout, type Viewer } from './layout.ts';

export interface AccountFilters {
  search: string;
  industry: string;
  owner: string;
}

const PLATFORM_NAMES: Record<string, string> = { slack: 'Slack', teams: 'Teams' };

/** The organization's accounts and owners, searchable, a page at a time; curators add and change them. */
export function accountsPage(options: {
  viewer: Viewer;
  filters: AccountFilters;
  industries: string[];
  accounts: ListedAccount[];
  /** The name key to continue after; null on the last page. */
  next: string | null;
  firstPage: boolean;
  notice?: string | null;
  draft?: AccountDraft | null;
  problems?: readonly AccountProblem[];
}): Html {
  const { viewer, filters, accounts } = options;
  const curator = viewer.role === 'curator';
  const problems = options.problems ?? [];
  return layout({
    title: 'Accounts',
    viewer,
    current: 'accounts',
    body: html`<h1>Accounts</h1>
<div role="status">${options.notice ? html`<p class="notice">${options.notice}</p>` : ''}</div>
<p>Accounts and their owners. When a buying trigger (a funding round, a new executive…) concerns an
account, its owner gets an alert in chat.</p>
<form method="get" action="/console/accounts" role="search" aria-label="Accounts">
  <fieldset>
    <legend>Find accounts</legend>
    <div><label for="q">Name or domain starts with</label>
      <input type="search" id="q" name="q" value="${filters.search}"></div>
    <div><label for="industry">Industry</label>
      <select id="industry" name="industry"><option value="">Any industry</option>${options.industries.map(
        (industry) =>
          html`<option value="${industry}"${filters.industry === industry ? ' selected' : ''}>${industry}</option>`,
      )}</select></div>
    <div><label for="owner">Owner email starts with</label>
      <input type="text" id="owner" name="owner" value="${filters.owner}"></div>
    <button type="submit" class="secondary">Find</button>
  </fieldset>
</form>
${accountsTable(accounts, curator)}
${pages(filters, options.next, options.firstPage)}
${curator ? addForm(viewer, options.draft ?? null, problems) : ''}`,
  });
}

function accountsTable(accounts: ListedAccount[], curator: boolean): Html {
  if (accounts.length === 0) return html`<p>No accounts match.</p>`;
  return html`<table>
<caption class="visually-hidden">Accounts in name order</caption>
<thead><tr><th scope="col">Account</th><th scope="col">Domain</th><th scope="col">Industry</th><th scope="col">Owner</th><th scope="col">Alerts reach the owner in</th>${curator ? html`<th scope="col"><span class="visually-hidden">Change</span></th>` : ''}</tr></thead>
<tbody>${accounts.map(
    (account) =>
      html`<tr><td>${account.name}</td><td>${account.domain ?? ''}</td><td>${account.industry ?? ''}</td><td>${account.ownerEmail}</td><td>${
        account.ownerFoundIn.length > 0
          ? account.ownerFoundIn.map((platform) => PLATFORM_NAMES[platform] ?? platform).join(', ')
          : html`<span class="muted">not met in chat yet</span>`
      }</td>${curator ? html`<td><a href="/console/accounts/${account.id}" aria-label="Change ${account.name}">Change</a></td>` : ''}</tr>`,
  )}</tbody>
</table>`;
}

function pages(filters: AccountFilters, next: string | null, firstPage: boolean): Html {
  if (!next && firstPage) return html``;
  const query = (after: string | null) => {
    const params = new URLSearchParams();
    if (filters.search) params.set('q', filters.search);
    if (filters.industry) params.set('industry', filters.industry);
    if (filters.owner) params.set('owner', filters.owner);
    if (after) params.set('after', after);
    const text = params.toString();
    return `/console/accounts${text ? `?${text}` : ''}`;
  };
  return html`<nav aria-label="Pages of accounts" class="actions">
${firstPage ? '' : html`<a href="${query(null)}">First page</a>`}
${next ? html`<a href="${query(next)}" rel="next">Next page</a>` : ''}
</nav>`;
}

function addForm(viewer: Viewer, draft: AccountDraft | null, problems: readonly AccountProblem[]): Html {
  return html`<h2 id="add-heading">Add an account</h2>
<form method="post" action="/console/accounts" aria-labelledby="add-heading" class="new-entry-form">
  <input type="hidden" name="_csrf" value="${viewer.csrfToken}">
  ${accountProblems(problems, 'add')}
  ${accountFields({ fields: ['name', 'domain', 'industry', 'ownerEmail'], values: draft ?? {}, problems, idPrefix: 'add' })}
  <button type="submit">Add account</button>
</form>`;
}

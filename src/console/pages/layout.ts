import type { ConsoleRole } from '../console-roles.ts';
import { type Html, html } from './html.ts';

export type ConsolePage = 'knowledge' | 'review' | 'audit' | 'due' | 'synonyms' | 'references';
/** Import and insight pages (their own line, so other pages can be added beside it). */
export type ImportInsightPage = 'import' | 'insight';
/** Weekly digest subscriptions. */
export type DigestsPage = 'digests';
/** Accounts and trigger events. */
export type AccountsPage = 'accounts' | 'triggers';

/** Who is signed in, as every page shows it. */
export interface Viewer {
  email: string;
  organization: string;
  role: ConsoleRole;
  csrfToken: string;
}

type NavPage = ConsolePage | ImportInsightPage | DigestsPage | AccountsPage;

const NAV: { page: NavPage; href: string; label: string; curatorsOnly: boolean }[] = [
  { page: 'knowledge', href: '/console', label: 'Knowledge', curatorsOnly: false },
  { page: 'references', href: '/console/references', label: 'References', curatorsOnly: false },
  { page: 'accounts', href: '/console/accounts', label: 'Accounts', curatorsOnly: false },
  { page: 'triggers', href: '/console/triggers', label: 'Triggers', curatorsOnly: false },
  { page: 'review', href: '/console/review', label: 'Review queue', curatorsOnly: true },
  { page: 'due', href: '/console/due', label: 'Due for review', curatorsOnly: true },
  { page: 'audit', href: '/console/audit', label: 'Audit log', curatorsOnly: true },
  { page: 'insight', href: '/console/insight', label: 'Insight', curatorsOnly: true },
  { page: 'import', href: '/console/import', label: 'Import', curatorsOnly: true },
  { page: 'synonyms', href: '/console/synonyms', label: 'Synonyms', curatorsOnly: true },
  { page: 'digests', href: '/console/digests', label: 'Digests', curatorsOnly: true },
];

/** A page of the signed-in console: skip link, header with navigation and sign-out, then the page's main. */
/** `current`: the navigation item to mark as this page; null on pages not in the navigation (an entry's). */
export function layout(options: {
  title: string;
  viewer: Viewer;
  current: NavPage | null;
  body: Html;
}): Html {
  const { viewer, current } = options;
  const links = NAV.filter((item) => !item.curatorsOnly || viewer.role === 'curator').map(
    (item) =>
      html`<li><a href="${item.href}"${item.page === current ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
  );
  return document(
    options.title,
    html`<header>
  <span class="brand">Earshot console</span>
  <nav aria-label="Console"><ul>${links}</ul></nav>
  <span class="who">${viewer.email} · ${viewer.role === 'curator' ? 'curator' : 'member'} of ${viewer.organization}</span>
  <form method="post" action="/console/sign-out">
    <input type="hidden" name="_csrf" value="${viewer.csrfToken}">
    <button type="submit">Sign out</button>
  </form>
</header>
<main id="main">${options.body}</main>`,
  );
}

/** A page without the signed-in header (sign-in, sign-in problems, signed out). */
export function plainPage(title: string, body: Html): Html {
  return document(
    title,
    html`<header><span class="brand">Earshot console</span></header>
<main id="main">${body}</main>`,
  );
}

/** A heading and one message: refusals and errors. */
export function messagePage(title: string, message: Html | string): Html {
  return plainPage(title, html`<h1>${title}</h1><p>${message}</p>`);
}

function document(title: string, content: Html): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Earshot</title>
<link rel="stylesheet" href="/console/console.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
${content}
</body>
</html>`;
}

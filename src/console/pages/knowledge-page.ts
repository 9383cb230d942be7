import type { UnloggedAnswer } from '../../knowledge/answer/answer-question.ts';
import type { BuyerRole } from '../../knowledge/buyer-roles.ts';
import { type BuyingStage, type Entry, type EntryKind, KIND_NAMES } from '../../knowledge/entry.ts';
import { answerSection } from './answer-section.ts';
import { entryFilterForm } from './entry-filter-form.ts';
import { exportForm } from './export-form.ts';
import { day, type Html, html } from './html.ts';
import { layout, type Viewer } from './layout.ts';

export interface EntryFilters {
  kind: EntryKind | null;
  topic: string | null;
  stage: BuyingStage | null;
  industry: string | null;
  role: BuyerRole | null;
  author: string | null;
  /** Added in the last this many days. */
  days: RecentDays | null;
}

export const RECENT_DAYS = [7, 30, 90, 365] as const;
export type RecentDays = (typeof RECENT_DAYS)[number];

/** Search (the chat answer) and the newest published entries, filtered by kind, topic and stage. */
export function knowledgePage(options: {
  viewer: Viewer;
  query: string;
  answer: UnloggedAnswer | null;
  /** Why the question could not be answered, in words for the reader. */
  problem: string | null;
  filters: EntryFilters;
  entries: Entry[];
  now: Date;
}): Html {
  const { query, answer, problem, filters, entries, now } = options;
  return layout({
    title: 'Knowledge',
    viewer: options.viewer,
    current: 'knowledge',
    body: html`<h1>Knowledge</h1>
<form method="get" action="/console" role="search" aria-label="Knowledge base">
  <label for="q">Ask or search: what are you hearing about…</label>
  <input type="search" id="q" name="q" value="${query}" placeholder="e.g. SSO objections in healthcare">
  <button type="submit">Search</button>
</form>
${problem ? html`<p class="notice" role="alert">${problem}</p>` : ''}
${answer ? answerSection(answer, query, now) : ''}
<h2 id="recent-heading">Recent entries</h2>
${entryFilterForm({ action: '/console', labelledBy: 'recent-heading', filters })}
${options.viewer.role === 'curator' ? exportForm(options.viewer, filters) : ''}
${entriesTable(entries)}`,
  });
}

function entriesTable(entries: Entry[]): Html {
  if (entries.length === 0) return html`<p>No published entries match.</p>`;
  return html`<table>
<caption class="visually-hidden">Recent published entries, newest first</caption>
<thead><tr><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Topics</th><th scope="col">Stage</th><th scope="col">Industry</th><th scope="col">Roles</th><th scope="col">Author</th><th scope="col">Added</th></tr></thead>
<tbody>${entries.map(
    (entry) =>
      html`<tr><td><a href="/console/entries/${entry.id}">${entry.title}</a>${entry.audience ? html` <span class="muted">🔒 private</span>` : ''}</td><td>${KIND_NAMES[entry.kind]}</td><td>${entry.topics.join(', ')}</td><td>${entry.stage ?? ''}</td><td>${entry.industry ?? ''}</td><td>${entry.roles.join(', ')}</td><td>${entry.sourceAuthor ?? entry.contributor ?? ''}</td><td>${day(entry.createdAt)}</td></tr>`,
  )}</tbody>
</table>`;
}

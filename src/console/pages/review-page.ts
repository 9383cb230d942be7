import { type Entry, KIND_NAMES } from '../../knowledge/entry.ts';
import { clip } from '../../views/clip.ts';
import { entryFilterForm, filterHiddenFields } from './entry-filter-form.ts';
import { day, type Html, html } from './html.ts';
import type { EntryFilters } from './knowledge-page.ts';
import { layout, type Viewer } from './layout.ts';

/** What the last review did, shown once after the redirect. */
export interface ReviewOutcome {
  approved: number;
  rejected: number;
  skipped: number;
}

const EXCERPT_CHARS = 400;

/**
 * The review queue, oldest first: per-entry Approve and Reject, and checkboxes for bulk decisions, in one
 * form that works without JavaScript. Private captures are not listed (see the notice).
 */
export function reviewPage(options: {
  viewer: Viewer;
  entries: Entry[];
  /** The queue's filter, and how many waiting entries it matches. */
  filters: EntryFilters;
  matching: number;
  waiting: number;
  privateWaiting: number;
  outcome: ReviewOutcome | null;
}): Html {
  const { viewer, entries, filters, matching, waiting, privateWaiting, outcome } = options;
  const filtered = Object.values(filters).some((value) => value !== null);
  return layout({
    title: 'Review queue',
    viewer,
    current: 'review',
    body: html`<h1>Review queue</h1>
<div role="status">${outcome ? outcomeText(outcome) : ''}</div>
<p>${waiting} waiting for review${filtered ? html`, ${matching} ${matching === 1 ? 'matches' : 'match'} the filter` : ''}${entries.length < matching ? html`; the oldest ${entries.length} are listed` : ''}.</p>
${entryFilterForm({ action: '/console/review', filters, legend: 'Filter the queue' })}
<p class="notice">Private captures (from private channels, group chats and DMs) are listed only for curators who are
members of their Slack conversation, as in chat; Teams' stay in their conversation. Others are reviewed there, in
Slack or Teams.${privateWaiting > 0 ? ` ${privateWaiting} private ${privateWaiting === 1 ? 'capture is' : 'captures are'} waiting there.` : ''}</p>
${entries.length === 0 ? html`<p>Nothing to review here${filtered ? ' with this filter' : ''}.</p>` : queueForm(viewer, entries, filters)}`,
  });
}

function outcomeText({ approved, rejected, skipped }: ReviewOutcome): Html {
  const parts = [
    approved > 0 ? `Approved ${approved} ${approved === 1 ? 'entry' : 'entries'}.` : '',
    rejected > 0 ? `Rejected ${rejected} ${rejected === 1 ? 'entry' : 'entries'}.` : '',
    skipped > 0 ? `${skipped} could not be changed: already reviewed, private or gone.` : '',
  ].filter(Boolean);
  return html`<p class="notice">${parts.length > 0 ? parts.join(' ') : 'Nothing was selected.'}</p>`;
}

function queueForm(viewer: Viewer, entries: Entry[], filters: EntryFilters): Html {
  return html`<form method="post" action="/console/review">
<input type="hidden" name="_csrf" value="${viewer.csrfToken}">
${filterHiddenFields(filters)}
<table>
<caption class="visually-hidden">Entries waiting for review, oldest first</caption>
<thead><tr><th scope="col">Select</th><th scope="col">Entry</th><th scope="col">Captured</th><th scope="col">Decide</th></tr></thead>
<tbody>${entries.map(
    (entry) => html`<tr>
<td><input type="checkbox" name="ids" value="${entry.id}" id="select-${entry.id}"><label for="select-${entry.id}" class="visually-hidden">Select ${entry.title}</label></td>
<td><strong><a href="/console/entries/${entry.id}/edit">${entry.title}</a></strong> <span class="muted">(${KIND_NAMES[entry.kind]})${entry.audience ? ' · 🔒 private' : ''}</span><br>${clip(entry.body, EXCERPT_CHARS)}</td>
<td>${day(entry.createdAt)}${entry.sourceAuthor ? html`<br><span class="muted">by ${entry.sourceAuthor}</span>` : ''}</td>
<td><div class="actions">
  <button type="submit" name="one" value="approve:${entry.id}">Approve<span class="visually-hidden"> ${entry.title}</span></button>
  <button type="submit" name="one" value="reject:${entry.id}" class="danger">Reject<span class="visually-hidden"> ${entry.title}</span></button>
</div></td>
</tr>`,
  )}</tbody>
</table>
<div class="bulk">
  <button type="submit" name="bulk" value="approve">Approve selected</button>
  <button type="submit" name="bulk" value="reject" class="danger">Reject selected</button>
</div>
</form>`;
}

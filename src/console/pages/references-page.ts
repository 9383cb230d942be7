import { describeReason } from '../../nudges/references/availability.ts';
import type { ReferenceAvailability } from '../../nudges/references/reference-views.ts';
import { day, type Html, html } from './html.ts';
import { layout, type Viewer } from './layout.ts';

/**
 * Reference customers as the reference desk sees them (the rules chat uses): available first, each with
 * its limits, use in the last 90 days, pending requests, last call and, when not available, why and until when.
 */
export function referencesPage(options: {
  viewer: Viewer;
  criteria: string;
  references: ReferenceAvailability[];
}): Html {
  const { viewer, criteria, references } = options;
  const available = references.filter((reference) => reference.available).length;
  return layout({
    title: 'Reference customers',
    viewer,
    current: 'references',
    body: html`<h1>Reference customers</h1>
<form method="get" action="/console/references" role="search" aria-label="Reference customers">
  <label for="criteria">Industry, product or use case</label>
  <input type="search" id="criteria" name="criteria" value="${criteria}" placeholder="e.g. healthcare payments">
  <button type="submit">Show</button>
</form>
<p><a href="/console/references/requests">Requests waiting for a decision</a></p>
<p>${available} of ${references.length} ${references.length === 1 ? 'reference' : 'references'}${criteria ? html` matching “${criteria}”` : ''} can take a call now. Reps request one from chat (the answer's or the reference list's <strong>Request</strong>); its owner decides there${viewer.role === 'curator' ? ', or you do on a reference’s page and the requests page' : ''}.</p>
${
  references.length === 0
    ? criteria
      ? html`<p>No reference customers match.</p>`
      : html`<p>No reference customers yet: import them with <code>earshot references import</code>.</p>`
    : html`<table>
<caption class="visually-hidden">Reference customers, available first</caption>
<thead><tr><th scope="col">Customer</th><th scope="col">Industry</th><th scope="col">Products and use cases</th><th scope="col">Owner</th><th scope="col">Calls in 90 days</th><th scope="col">Pending</th><th scope="col">Last call</th><th scope="col">Now</th></tr></thead>
<tbody>${references.map(
        (
          reference,
        ) => html`<tr><td><a href="/console/references/${reference.id}">${reference.account}</a></td><td>${reference.industry}</td>
<td>${[...reference.products, ...reference.useCases].join(', ')}</td><td>${reference.ownerEmail ?? ''}</td>
<td>${reference.usedIn90Days} of ${reference.maxRequestsPer90Days}</td><td>${reference.pendingRequests}</td>
<td>${reference.lastCallAt ? day(reference.lastCallAt) : ''}</td>
<td>${reference.available ? 'Available' : html`Not available: ${reference.reasons.map(describeReason).join('; ')}`}</td></tr>`,
      )}</tbody>
</table>`
}`,
  });
}

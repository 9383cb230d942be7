import { type Entry, KIND_NAMES } from '../../knowledge/entry.ts';
import type { FormView } from '../../views/view-model.ts';
import { errorSummary, formFieldsHtml, introHtml } from './form-html.ts';
import { day, type Html, html } from './html.ts';
import { layout, type Viewer } from './layout.ts';

/**
 * Merging a duplicate: pick the entry it duplicates (chat's merge form), see both side by side, then
 * confirm. Nothing changes before the confirming button.
 */
export function entryMergePage(options: {
  viewer: Viewer;
  entry: Entry;
  pick: FormView;
  target: Entry | null;
  /** Why the merge was refused, in words for the curator. */
  problem?: string | null;
  pickErrors?: Record<string, string>;
}): Html {
  const { viewer, entry, pick, target, problem, pickErrors = {} } = options;
  return layout({
    title: `Merge: ${entry.title}`,
    viewer,
    current: null,
    body: html`<h1>Merge a duplicate</h1>
${problem ? html`<p class="notice" role="alert">${problem}</p>` : ''}
${errorSummary(pick, pickErrors)}
${introHtml(pick)}
${
  pick.fields.length > 0
    ? html`<form method="get" action="/console/entries/${entry.id}/merge">
${formFieldsHtml(pick, { values: target ? { target: String(target.id) } : {}, errors: pickErrors })}
<div class="actions"><button type="submit" class="secondary">Compare side by side</button></div>
</form>`
    : ''
}
${target ? comparison(viewer, entry, target) : ''}
<p><a href="/console/entries/${entry.id}/edit">Back to editing this entry</a></p>`,
  });
}

const FIELDS: { label: string; value: (entry: Entry) => string }[] = [
  { label: 'Kind', value: (entry) => KIND_NAMES[entry.kind] },
  { label: 'Title', value: (entry) => entry.title },
  { label: 'Text', value: (entry) => entry.body },
  { label: 'Topics', value: (entry) => entry.topics.join(', ') },
  { label: 'Buying stage', value: (entry) => entry.stage ?? '' },
  { label: 'Industry', value: (entry) => entry.industry ?? '' },
  { label: 'Buyer roles', value: (entry) => entry.roles.join(', ') },
  { label: 'Account', value: (entry) => entry.sourceAccount ?? '' },
  { label: 'Review by', value: (entry) => (entry.reviewBy ? day(entry.reviewBy) : '') },
  { label: 'Status', value: (entry) => entry.status },
  {
    label: 'Added',
    value: (entry) => `${day(entry.createdAt)}${entry.sourceAuthor ? ` by ${entry.sourceAuthor}` : ''}`,
  },
];

function comparison(viewer: Viewer, entry: Entry, target: Entry): Html {
  return html`<h2 id="compare-heading">Side by side</h2>
<table class="side-by-side" aria-labelledby="compare-heading">
<thead><tr><th scope="col">Field</th><th scope="col">#${entry.id}: this entry (archived by the merge)</th><th scope="col">#${target.id}: the entry kept</th></tr></thead>
<tbody>${FIELDS.map(
    (field) =>
      html`<tr><th scope="row">${field.label}</th><td>${field.value(entry)}</td><td>${field.value(target)}</td></tr>`,
  )}</tbody>
</table>
<p>Merging adds this entry's text (unless #${target.id} says it already) and topics to #${target.id}, and archives #${entry.id}, so the same intel is not reviewed or cited twice.</p>
<form method="post" action="/console/entries/${entry.id}/merge">
<input type="hidden" name="_csrf" value="${viewer.csrfToken}">
<input type="hidden" name="target" value="${target.id}">
<button type="submit">Merge #${entry.id} into #${target.id}</button>
</form>`;
}

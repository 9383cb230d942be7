import type { StoredSynonym } from '../../knowledge/search/workspace-synonyms.ts';
import { day, type Html, html } from './html.ts';
import { layout, type Viewer } from './layout.ts';

/** The organization's own synonyms, a form to add a pair and a button to remove each. */
export function synonymsPage(options: {
  viewer: Viewer;
  synonyms: StoredSynonym[];
  notice?: string | null;
  problem?: { term: string; synonym: string; message: string } | null;
}): Html {
  const { viewer, synonyms, notice, problem } = options;
  return layout({
    title: 'Synonyms',
    viewer,
    current: 'synonyms',
    body: html`<h1>Synonyms</h1>
<div role="status">${notice ? html`<p class="notice">${notice}</p>` : ''}</div>
<p>Words your people use for the same thing ("MSA" and "master agreement"). A question using either also
finds entries using the other, a little below its own words. A built-in sales thesaurus (price, cost and
pricing; pilot, trial and POC; …) and the acronyms of business software (WFM and workforce management; …)
always apply.</p>
<h2 id="add-heading">Add a pair</h2>
<form method="post" action="/console/synonyms" aria-labelledby="add-heading">
  <input type="hidden" name="_csrf" value="${viewer.csrfToken}">
  ${problem ? html`<p class="notice" role="alert" id="synonym-problem">${problem.message}</p>` : ''}
  <div><label for="term">Word or phrase</label>
    <input type="text" id="term" name="term" required maxlength="100" value="${problem?.term ?? ''}"${problem ? html` aria-describedby="synonym-problem"` : ''}></div>
  <div><label for="synonym">Means the same as</label>
    <input type="text" id="synonym" name="synonym" required maxlength="100" value="${problem?.synonym ?? ''}"></div>
  <button type="submit">Add synonyms</button>
</form>
<h2>This organization's synonyms</h2>
${
  synonyms.length === 0
    ? html`<p>None yet.</p>`
    : html`<table>
<thead><tr><th scope="col">Word or phrase</th><th scope="col">Means the same as</th><th scope="col">Added by</th><th scope="col">Added</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
<tbody>${synonyms.map(
        (
          pair,
        ) => html`<tr><td>${pair.term}</td><td>${pair.synonym}</td><td>${pair.createdBy ?? ''}</td><td>${day(pair.createdAt)}</td>
<td><form method="post" action="/console/synonyms/remove">
  <input type="hidden" name="_csrf" value="${viewer.csrfToken}">
  <input type="hidden" name="term" value="${pair.term}"><input type="hidden" name="synonym" value="${pair.synonym}">
  <button type="submit" class="secondary" aria-label="Remove ${pair.term} and ${pair.synonym}">Remove</button>
</form></td></tr>`,
      )}</tbody>
</table>`
}`,
  });
}

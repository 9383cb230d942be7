import type { Entry } from '../../knowledge/entry.ts';
import type { FormView } from '../../views/view-model.ts';
import { errorSummary, type FormState, formFieldsHtml, introHtml } from './form-html.ts';
import { type Html, html } from './html.ts';
import { layout, type Viewer } from './layout.ts';

/**
 * An entry's edit page: chat's edit form with every field (and the account), problems listed first and
 * under their fields, and the way to merge it into a duplicate.
 */
export function entryEditPage(options: {
  viewer: Viewer;
  entry: Entry;
  form: FormView;
  state?: FormState;
  /** Shown once after a redirect: "Saved." */
  notice?: string | null;
}): Html {
  const { viewer, entry, form, state = {}, notice } = options;
  return layout({
    title: `Edit: ${entry.title}`,
    viewer,
    current: null,
    body: html`<h1>Edit entry</h1>
<div role="status">${notice ? html`<p class="notice">${notice}</p>` : ''}</div>
${errorSummary(form, state.errors ?? {})}
${introHtml(form)}
<form method="post" action="/console/entries/${entry.id}/edit" class="entry-form" novalidate>
<input type="hidden" name="_csrf" value="${viewer.csrfToken}">
${formFieldsHtml(form, state)}
<div class="actions"><button type="submit">${form.submitLabel}</button></div>
</form>
<h2>Duplicates</h2>
<p><a href="/console/entries/${entry.id}/merge">Merge this entry into a duplicate</a>: see both side by side before anything changes.</p>`,
  });
}

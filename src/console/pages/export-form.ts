import { type Html, html } from './html.ts';
import type { EntryFilters } from './knowledge-page.ts';
import type { Viewer } from './layout.ts';

/** Curators' button under the knowledge filter: every entry the filter matches, as JSONL, CSV or Markdown files that import back. */
export function exportForm(viewer: Viewer, filters: EntryFilters): Html {
  return html`<form method="post" action="/console/export" class="export">
  <input type="hidden" name="_csrf" value="${viewer.csrfToken}">
  <input type="hidden" name="kind" value="${filters.kind ?? ''}">
  <input type="hidden" name="topic" value="${filters.topic ?? ''}">
  <input type="hidden" name="stage" value="${filters.stage ?? ''}">
  <input type="hidden" name="industry" value="${filters.industry ?? ''}">
  <input type="hidden" name="role" value="${filters.role ?? ''}">
  <input type="hidden" name="author" value="${filters.author ?? ''}">
  <input type="hidden" name="days" value="${filters.days ?? ''}">
  <button type="submit" name="format" value="jsonl" class="secondary">Export JSONL</button>
  <button type="submit" name="format" value="csv" class="secondary">Export CSV</button>
  <button type="submit" name="format" value="markdown" class="secondary">Export Markdown (zip)</button>
  <span class="muted">every published entry this filter matches, in an import format</span>
</form>`;
}

import { BUYER_ROLE_NAMES } from '../../knowledge/buyer-roles.ts';
import { BUYING_STAGES, ENTRY_KINDS, KIND_NAMES } from '../../knowledge/entry.ts';
import { type Html, html } from './html.ts';
import { type EntryFilters, RECENT_DAYS } from './knowledge-page.ts';

/** The entry filter (kind, topic, stage, industry, role, author, recency) as a GET form to `action`. */
export function entryFilterForm(options: {
  action: string;
  filters: EntryFilters;
  /** The heading that names the form; without one, the legend does. */
  labelledBy?: string;
  legend?: string;
}): Html {
  const legend = options.legend ?? 'Filter entries';
  return html`<form method="get" action="${options.action}"${options.labelledBy ? html` aria-labelledby="${options.labelledBy}"` : html` aria-label="${legend}"`}>
  <fieldset>
    <legend>${legend}</legend>
    <div><label for="kind">Kind</label>
      <select id="kind" name="kind"><option value="">Any kind</option>${ENTRY_KINDS.map(
        (kind) =>
          html`<option value="${kind}"${options.filters.kind === kind ? ' selected' : ''}>${KIND_NAMES[kind]}</option>`,
      )}</select></div>
    <div><label for="topic">Topic</label>
      <input type="text" id="topic" name="topic" value="${options.filters.topic ?? ''}"></div>
    <div><label for="stage">Buying stage</label>
      <select id="stage" name="stage"><option value="">Any stage</option>${BUYING_STAGES.map(
        (stage) =>
          html`<option value="${stage}"${options.filters.stage === stage ? ' selected' : ''}>${stage}</option>`,
      )}</select></div>
    <div><label for="industry">Industry</label>
      <input type="text" id="industry" name="industry" value="${options.filters.industry ?? ''}"></div>
    <div><label for="role">Buyer role</label>
      <select id="role" name="role"><option value="">Any role</option>${BUYER_ROLE_NAMES.map(
        (role) =>
          html`<option value="${role}"${options.filters.role === role ? ' selected' : ''}>${role}</option>`,
      )}</select></div>
    <div><label for="author">Author</label>
      <input type="text" id="author" name="author" value="${options.filters.author ?? ''}"></div>
    <div><label for="days">Added</label>
      <select id="days" name="days"><option value="">Any time</option>${RECENT_DAYS.map(
        (days) =>
          html`<option value="${days}"${options.filters.days === days ? ' selected' : ''}>in the last ${days} days</option>`,
      )}</select></div>
    <button type="submit" class="secondary">Apply filters</button>
  </fieldset>
</form>`;
}

/** The active filter as hidden fields, so a form posted from a filtered page comes back to it. */
export function filterHiddenFields(filters: EntryFilters): Html[] {
  return Object.entries(filters)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${String(value)}">`);
}

/** The active filter as a query string ("" when none), for links and redirects. */
export function filterQuery(filters: EntryFilters): string {
  const active = Object.entries(filters).flatMap(([name, value]): [string, string][] =>
    value === null ? [] : [[name, String(value)]],
  );
  return new URLSearchParams(active).toString();
}

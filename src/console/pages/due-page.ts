import { type Entry, KIND_NAMES } from '../../knowledge/entry.ts';
import { markReviewedForm } from '../../views/mark-reviewed-form.ts';
import { formFieldsHtml } from './form-html.ts';
import { day, type Html, html } from './html.ts';
import { layout, type Viewer } from './layout.ts';

const DAY_MS = 86_400_000;

/** A Mark reviewed that was refused: which entry, the values posted and the problems. */
export interface DueProblem {
  entryId: number;
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

/**
 * Published entries past or near their review date, most overdue first: each with chat's Mark reviewed
 * form (a next review date, "Still accurate") and a link to edit it.
 */
export function duePage(options: {
  viewer: Viewer;
  entries: Entry[];
  windowDays: number;
  privateDue: number;
  now: Date;
  notice?: string | null;
  problem?: DueProblem | null;
}): Html {
  const { viewer, entries, windowDays, privateDue, now, notice, problem } = options;
  return layout({
    title: 'Due for review',
    viewer,
    current: 'due',
    body: html`<h1>Due for review</h1>
<div role="status">${notice ? html`<p class="notice">${notice}</p>` : ''}</div>
<p>Published entries whose review date has passed or comes within ${windowDays} days, most overdue first.
Mark one reviewed when it is still accurate, or edit it.</p>
${privateDue > 0 ? html`<p class="notice">${privateDue} private ${privateDue === 1 ? 'entry is' : 'entries are'} due as well: review ${privateDue === 1 ? 'it' : 'them'} in ${privateDue === 1 ? 'its' : 'their'} conversation in Slack or Teams.</p>` : ''}
${
  entries.length === 0
    ? html`<p>Nothing is due for review.</p>`
    : html`<table>
<caption class="visually-hidden">Entries due for review, most overdue first</caption>
<thead><tr><th scope="col">Entry</th><th scope="col">Review by</th><th scope="col">Still accurate?</th><th scope="col">Change it</th></tr></thead>
<tbody>${entries.map((entry) => row(viewer, entry, now, problem?.entryId === entry.id ? problem : null))}</tbody>
</table>`
}`,
  });
}

function row(viewer: Viewer, entry: Entry, now: Date, problem: DueProblem | null): Html {
  const form = markReviewedForm(entry, now);
  const reviewBy = entry.reviewBy ?? now;
  const days = Math.round((reviewBy.getTime() - now.getTime()) / DAY_MS);
  const when =
    days < 0
      ? `overdue by ${-days} day${days === -1 ? '' : 's'}`
      : days === 0
        ? 'due today'
        : `due in ${days} day${days === 1 ? '' : 's'}`;
  return html`<tr>
<td><strong>${entry.title}</strong> <span class="muted">(${KIND_NAMES[entry.kind]})</span></td>
<td>${day(reviewBy)}<br><span class="${days < 0 ? 'overdue' : 'muted'}">${when}</span></td>
<td><form method="post" action="/console/due/${entry.id}/reviewed" novalidate aria-label="Mark ${entry.title} reviewed">
<input type="hidden" name="_csrf" value="${viewer.csrfToken}">
${formFieldsHtml(form, { idPrefix: `due-${entry.id}`, ...(problem ? { values: problem.values, errors: problem.errors } : {}) })}
<button type="submit">${form.submitLabel}<span class="visually-hidden">: ${entry.title}</span></button>
</form></td>
<td><a href="/console/entries/${entry.id}/edit">Edit<span class="visually-hidden"> ${entry.title}</span></a></td>
</tr>`;
}

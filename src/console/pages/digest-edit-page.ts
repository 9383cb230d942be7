import type { DigestSubscription } from '../../digest/digest-subscriptions.ts';
import { describeSchedule, WEEKDAY_NAMES } from '../../digest/weekly-schedule.ts';
import type { FormView } from '../../views/view-model.ts';
import type { DigestRow } from '../digests/digest-rows.ts';
import { conversationLabel, platformLabel, runLabel, topicsLabel } from './digest-labels.ts';
import { errorSummary, type FormState, formFieldsHtml } from './form-html.ts';
import { type Html, html } from './html.ts';
import { layout, type Viewer } from './layout.ts';

/** The schedule form's fields, named as the route reads them, filled with the subscription's settings. */
export function digestForm(subscription: DigestSubscription): FormView {
  const { schedule, topics, forCurators } = subscription;
  return {
    title: 'Change the digest',
    submitLabel: 'Save schedule',
    action: 'digest-change',
    payload: {},
    fields: [
      {
        type: 'select',
        id: 'weekday',
        label: 'Weekday',
        options: WEEKDAY_NAMES.map((name, index) => ({ value: String(index), label: name })),
        initial: [String(schedule.weekday)],
      },
      {
        type: 'text',
        id: 'time',
        label: 'Time',
        initial: schedule.time,
        maxLength: 5,
        hint: '24-hour HH:MM, like 09:00 or 16:30.',
      },
      {
        type: 'text',
        id: 'timeZone',
        label: 'Time zone',
        initial: schedule.timeZone,
        maxLength: 64,
        hint: 'An IANA name, like Europe/Berlin, America/New_York or UTC.',
      },
      {
        type: 'text',
        id: 'topics',
        label: 'Topics',
        initial: topics.join(', '),
        maxLength: 500,
        optional: true,
        hint: 'Separated by commas; leave empty for every topic.',
      },
      {
        type: 'select',
        id: 'forCurators',
        label: 'Content gaps',
        options: [
          { value: 'no', label: 'No: the digest for everyone' },
          {
            value: 'yes',
            label: "Yes: the curators' digest, with unanswered questions and the review queue",
          },
        ],
        initial: [forCurators ? 'yes' : 'no'],
      },
    ],
  };
}

/** One subscription: its schedule form, its latest runs, preview, and how to stop it. */
export function digestEditPage(options: {
  viewer: Viewer;
  row: DigestRow;
  state?: FormState;
  notice?: string | null;
}): Html {
  const { viewer, row, state = {}, notice } = options;
  const { subscription } = row;
  const form = digestForm(subscription);
  const zone = subscription.schedule.timeZone;
  const where = `${platformLabel(subscription.platform)}: ${conversationLabel(row)}`;
  return layout({
    title: `Digest: ${where}`,
    viewer,
    current: 'digests',
    body: html`<h1>Weekly digest in ${where}</h1>
<div role="status">${notice ? html`<p class="notice">Saved: ${notice}</p>` : ''}</div>
${errorSummary(form, state.errors ?? {})}
<p>Now: ${describeSchedule(subscription.schedule)}, ${topicsLabel(subscription.topics)}. Set up by ${row.createdBy}.
<a href="/console/digests/${subscription.id}/preview">Preview this week's digest</a></p>
<form method="post" action="/console/digests/${subscription.id}" class="entry-form" novalidate>
<input type="hidden" name="_csrf" value="${viewer.csrfToken}">
${formFieldsHtml(form, state)}
${row.curatorsChannel ? html`<p class="muted">This is the curators' channel: its digest always carries the content gaps.</p>` : ''}
<p class="muted">A changed schedule starts from now: a time already past this week is not posted again.</p>
<div class="actions"><button type="submit">${form.submitLabel}</button></div>
</form>
<h2>Latest digests</h2>
${
  row.runs.length === 0
    ? html`<p>None posted yet.</p>`
    : html`<ul>${row.runs.map((run) => html`<li>${runLabel(run, zone)}</li>`)}</ul>`
}
<h2>Stop the digest</h2>
<form method="post" action="/console/digests/${subscription.id}/remove">
<input type="hidden" name="_csrf" value="${viewer.csrfToken}">
<p>The channel gets no more digests; the ones posted stay in the channel. It can be set up again from chat.</p>
<button type="submit" class="danger">Remove this subscription</button>
</form>
<p><a href="/console/digests">All digests</a></p>`,
  });
}

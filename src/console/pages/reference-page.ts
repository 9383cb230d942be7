import { describeReason } from '../../nudges/references/availability.ts';
import type { ReferenceRequestRecord } from '../../nudges/references/reference-history.ts';
import type { ReferenceLimitField } from '../../nudges/references/reference-settings.ts';
import type { ReferenceAvailability } from '../../nudges/references/reference-views.ts';
import { day, type Html, html, moment } from './html.ts';
import { layout, type Viewer } from './layout.ts';

/** What a curator last typed into a settings form and what was wrong with it; nothing of it was stored. */
export interface ReferenceFormProblems {
  limits?: {
    values: Record<ReferenceLimitField, string>;
    errors: Partial<Record<ReferenceLimitField, string>>;
  };
  pause?: { reason: string; message: string };
  owner?: { email: string; message: string };
}

/**
 * One reference customer: its facts, whether it can take a call now and why not (the desk's rules),
 * curators' forms for limits, pause and owner, and every request made for it, newest first.
 */
export function referencePage(options: {
  viewer: Viewer;
  reference: ReferenceAvailability;
  history: ReferenceRequestRecord[];
  notice?: string | null;
  problems?: ReferenceFormProblems;
}): Html {
  const { viewer, reference, history, notice, problems = {} } = options;
  const curator = viewer.role === 'curator';
  const pending = history.filter((request) => request.status === 'pending').length;
  return layout({
    title: reference.account,
    viewer,
    current: 'references',
    body: html`<p><a href="/console/references">All reference customers</a></p>
<h1>${reference.account}</h1>
<div role="status">${notice ? html`<p class="notice">${notice}</p>` : ''}</div>
<dl class="facts">
  <dt>Industry</dt><dd>${reference.industry}</dd>
  <dt>Products</dt><dd>${reference.products.join(', ') || '—'}</dd>
  <dt>Use cases</dt><dd>${reference.useCases.join(', ') || '—'}</dd>
  <dt>Owner</dt><dd>${reference.ownerEmail ?? 'a chat user (no email on file)'}</dd>
  <dt>Limits</dt><dd>at most ${reference.maxRequestsPer90Days} ${reference.maxRequestsPer90Days === 1 ? 'call' : 'calls'} per 90 days; ${reference.cooldownDays} days' cooldown after a call</dd>
  <dt>Calls in 90 days</dt><dd>${reference.usedIn90Days} of ${reference.maxRequestsPer90Days}${reference.lastCallAt ? html`; last call ${day(reference.lastCallAt)}` : ''}</dd>
  <dt>Status</dt><dd id="reference-status">${statusText(reference)}</dd>
  <dt>Now</dt><dd id="reference-now">${nowText(reference)}</dd>
</dl>
${pending > 0 ? html`<p>${pending} ${pending === 1 ? 'request waits' : 'requests wait'} for a decision: <a href="/console/references/requests">${curator ? 'decide on the requests page' : 'see the requests page'}</a>.</p>` : ''}
${curator ? settingsForms(viewer, reference, problems) : html`<p class="muted">Only curators can change a reference's limits, pause it or change its owner.</p>`}
<h2>Usage history</h2>
${historyTable(history)}`,
  });
}

function statusText(reference: ReferenceAvailability): string {
  if (reference.status === 'active') return 'Active';
  const paused = reference.reasons.find((reason) => reason.kind === 'paused');
  return paused?.kind === 'paused' && paused.reason ? `Paused: ${paused.reason}` : 'Paused';
}

function nowText(reference: ReferenceAvailability): string {
  if (reference.available) return 'Available: can take a call now';
  const why = reference.reasons.map(describeReason).join('; ');
  const from = reference.availableFrom ? ` Available again ${day(reference.availableFrom)}.` : '';
  return `Not available: ${why}.${from}`;
}

function settingsForms(
  viewer: Viewer,
  reference: ReferenceAvailability,
  problems: ReferenceFormProblems,
): Html {
  const base = `/console/references/${reference.id}`;
  const limits = problems.limits;
  const csrf = html`<input type="hidden" name="_csrf" value="${viewer.csrfToken}">`;
  const limitField = (field: ReferenceLimitField, label: string, current: number, hint: string) => {
    const error = limits?.errors[field];
    const id = `limit-${field}`;
    return html`<div class="field${error ? ' invalid' : ''}">
<label for="${id}">${label}</label>
<p class="hint" id="${id}-hint">${hint}</p>
${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
<input type="text" inputmode="numeric" id="${id}" name="${field}" value="${limits?.values[field] ?? String(current)}" aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"${error ? html` aria-invalid="true"` : ''}>
</div>`;
  };
  const limitErrors = Object.values(limits?.errors ?? {});
  return html`<h2>Settings</h2>
<div class="settings">
<form method="post" action="${base}/limits" aria-labelledby="limits-heading">
  <h3 id="limits-heading">Limits</h3>
  ${limitErrors.length > 0 ? html`<p class="notice" role="alert">Nothing was changed: ${limitErrors.join(' ')}</p>` : ''}
  ${csrf}
  ${limitField('maxRequestsPer90Days', 'Max requests per 90 days', reference.maxRequestsPer90Days, 'Approved calls allowed in any 90 days; 1 or more.')}
  ${limitField('cooldownDays', 'Cooldown days', reference.cooldownDays, 'Days of rest after a call; 0 for none.')}
  <button type="submit">Save limits</button>
</form>
${
  reference.status === 'active'
    ? html`<form method="post" action="${base}/pause" aria-labelledby="pause-heading">
  <h3 id="pause-heading">Pause</h3>
  ${problems.pause ? html`<p class="notice" role="alert" id="pause-problem">${problems.pause.message}</p>` : ''}
  ${csrf}
  <div class="field"><label for="pause-reason">Reason for pausing</label>
  <input type="text" id="pause-reason" name="reason" maxlength="300" value="${problems.pause?.reason ?? ''}" placeholder="e.g. open P1 service issue"${problems.pause ? html` aria-describedby="pause-problem" aria-invalid="true"` : ''}></div>
  <button type="submit" class="danger">Pause reference</button>
</form>`
    : html`<form method="post" action="${base}/resume" aria-labelledby="resume-heading">
  <h3 id="resume-heading">Paused</h3>
  <p>${statusText(reference)}. Resume when it can take calls again; its limits and cooldown still apply.</p>
  ${csrf}
  <button type="submit">Resume reference</button>
</form>`
}
<form method="post" action="${base}/owner" aria-labelledby="owner-heading">
  <h3 id="owner-heading">Owner</h3>
  ${problems.owner ? html`<p class="notice" role="alert" id="owner-problem">${problems.owner.message}</p>` : ''}
  ${csrf}
  <div class="field"><label for="owner-email">Owner email</label>
  <input type="text" inputmode="email" id="owner-email" name="ownerEmail" value="${problems.owner?.email ?? reference.ownerEmail ?? ''}"${problems.owner ? html` aria-describedby="owner-problem" aria-invalid="true"` : ''}></div>
  <button type="submit">Save owner</button>
</form>
</div>`;
}

const STATUS: Record<ReferenceRequestRecord['status'], string> = {
  pending: 'Pending',
  approved: 'Approved',
  declined: 'Declined',
  done: 'Call done',
};

function historyTable(history: ReferenceRequestRecord[]): Html {
  if (history.length === 0) return html`<p>No requests yet.</p>`;
  return html`<table id="usage-history">
<caption class="visually-hidden">Every request for this reference, newest first</caption>
<thead><tr><th scope="col">Requested</th><th scope="col">By</th><th scope="col">Note</th><th scope="col">Status</th><th scope="col">Decided</th><th scope="col">Call done</th><th scope="col">Override</th></tr></thead>
<tbody>${history.map(
    (
      request,
    ) => html`<tr><td>${moment(request.requestedAt)}</td><td>${request.requestedBy}</td><td>${request.note ?? ''}</td>
<td>${STATUS[request.status]}</td>
<td>${request.decidedAt ? html`${request.decidedBy ?? ''}, ${moment(request.decidedAt)}${request.ownerNote ? html`: “${request.ownerNote}”` : ''}` : ''}</td>
<td>${request.completedAt ? day(request.completedAt) : ''}</td>
<td>${request.override ? `${request.override.by}: ${request.override.reason ?? 'no reason given'}` : ''}</td></tr>`,
  )}</tbody>
</table>`;
}

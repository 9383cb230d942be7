import type { RecentTrigger, TriggerAlert, TriggerCursor } from '../../nudges/triggers/recent-triggers.ts';
import { TRIGGER_PLAYBOOK, TRIGGER_TYPES, type TriggerType } from '../../nudges/triggers/trigger-types.ts';
import { day, type Html, html, moment, safeHref } from './html.ts';
import { layout, type Viewer } from './layout.ts';

export type MatchedFilter = 'matched' | 'unmatched' | null;

export interface TriggerFilters {
  type: TriggerType | null;
  matched: MatchedFilter;
}

const PLATFORM_NAMES: Record<string, string> = { slack: 'Slack', teams: 'Teams' };

/** Recent trigger events, newest first, with the alerts each caused; curators match the unmatched ones. */
export function triggersPage(options: {
  viewer: Viewer;
  filters: TriggerFilters;
  triggers: RecentTrigger[];
  next: TriggerCursor | null;
  firstPage: boolean;
  notice?: string | null;
  problem?: string | null;
}): Html {
  const { viewer, filters, triggers } = options;
  return layout({
    title: 'Trigger events',
    viewer,
    current: 'triggers',
    body: html`<h1>Trigger events</h1>
<div role="status">${options.notice ? html`<p class="notice">${options.notice}</p>` : ''}</div>
${options.problem ? html`<p class="notice" role="alert">${options.problem}</p>` : ''}
<p>Buying triggers received for this organization's accounts, newest first, and the alert each sent to
the account's owner. An event no account matched waits here; it is matched when its account is added.</p>
<form method="get" action="/console/triggers" aria-label="Filter trigger events">
  <fieldset>
    <legend>Filter events</legend>
    <div><label for="type">Type</label>
      <select id="type" name="type"><option value="">Any type</option>${TRIGGER_TYPES.map(
        (type) =>
          html`<option value="${type}"${filters.type === type ? ' selected' : ''}>${TRIGGER_PLAYBOOK[type].label}</option>`,
      )}</select></div>
    <div><label for="matched">Account</label>
      <select id="matched" name="matched">
        <option value="">Matched or not</option>
        <option value="matched"${filters.matched === 'matched' ? ' selected' : ''}>Matched to an account</option>
        <option value="unmatched"${filters.matched === 'unmatched' ? ' selected' : ''}>Unmatched</option>
      </select></div>
    <button type="submit" class="secondary">Apply filters</button>
  </fieldset>
</form>
${triggersTable(triggers, viewer)}
${pages(filters, options.next, options.firstPage)}`,
  });
}

function triggersTable(triggers: RecentTrigger[], viewer: Viewer): Html {
  if (triggers.length === 0) return html`<p>No trigger events match.</p>`;
  return html`<table>
<caption class="visually-hidden">Trigger events, newest first, with their alerts</caption>
<thead><tr><th scope="col">Occurred</th><th scope="col">Type</th><th scope="col">Event</th><th scope="col">Account</th><th scope="col">Alerts</th></tr></thead>
<tbody>${triggers.map((trigger) => {
    const href = safeHref(trigger.url);
    return html`<tr id="trigger-${trigger.id}"><td>${day(trigger.occurredAt)}<br><span class="muted">received ${moment(trigger.receivedAt)}</span></td>
<td>${TRIGGER_PLAYBOOK[trigger.type].label}</td>
<td>${href ? html`<a href="${href}" rel="noopener noreferrer">${trigger.title}</a>` : trigger.title}</td>
<td>${accountCell(trigger, viewer)}</td>
<td>${alertsCell(trigger)}</td></tr>`;
  })}</tbody>
</table>`;
}

function accountCell(trigger: RecentTrigger, viewer: Viewer): Html {
  if (trigger.account) {
    return html`${trigger.account.name}${trigger.account.domain ? html`<br><span class="muted">${trigger.account.domain}</span>` : ''}`;
  }
  const cameWith = [trigger.cameWith.name, trigger.cameWith.domain].filter(Boolean).join(', ');
  return html`<strong>Unmatched</strong><br><span class="muted">came with: ${cameWith}</span>
${
  viewer.role === 'curator'
    ? html`<form method="post" action="/console/triggers/${trigger.id}/match">
  <input type="hidden" name="_csrf" value="${viewer.csrfToken}">
  <label for="match-${trigger.id}">Match to account (name or domain)</label>
  <input type="text" id="match-${trigger.id}" name="account" maxlength="300" required>
  <button type="submit" class="secondary">Match</button>
</form>`
    : ''
}`;
}

function alertsCell(trigger: RecentTrigger): Html {
  if (trigger.alerts.length === 0) {
    return html`<span class="muted">${trigger.account ? 'None: the event was too old to alert' : 'None until an account matches'}</span>`;
  }
  return html`<ul class="alerts">${trigger.alerts.map((alert) => html`<li>${alert.ownerEmail}: ${alertStatus(alert)}</li>`)}</ul>`;
}

function alertStatus(alert: TriggerAlert): Html {
  const extras = [
    alert.snoozeCount > 0 ? `snoozed ${alert.snoozeCount}×` : null,
    alert.helpful === null ? null : alert.helpful ? 'voted helpful' : 'voted not helpful',
  ].filter(Boolean);
  const tail = extras.length > 0 ? ` · ${extras.join(' · ')}` : '';
  switch (alert.status) {
    case 'sent':
      return html`<strong>sent</strong> ${alert.sentAt ? moment(alert.sentAt) : ''}${alert.platform ? ` in ${PLATFORM_NAMES[alert.platform] ?? alert.platform}` : ''}${tail}`;
    case 'failed':
      return html`<strong class="overdue">failed</strong> after ${alert.attempts} ${alert.attempts === 1 ? 'attempt' : 'attempts'}: ${alert.lastError ?? 'no reason recorded'}${tail}`;
    case 'dismissed':
      return html`<strong>dismissed</strong> by the owner${alert.sentAt ? html` (sent ${moment(alert.sentAt)})` : ''}${tail}`;
    case 'sending':
      return html`<strong>sending</strong> now${tail}`;
    default:
      return html`<strong>pending</strong>, due ${moment(alert.dueAt)}${alert.lastError ? ` (last try: ${alert.lastError})` : ''}${tail}`;
  }
}

function pages(filters: TriggerFilters, next: TriggerCursor | null, firstPage: boolean): Html {
  if (!next && firstPage) return html``;
  const query = (before: TriggerCursor | null) => {
    const params = new URLSearchParams();
    if (filters.type) params.set('type', filters.type);
    if (filters.matched) params.set('matched', filters.matched);
    if (before) params.set('before', `${before.occurredAt.toISOString()}~${before.id}`);
    const text = params.toString();
    return `/console/triggers${text ? `?${text}` : ''}`;
  };
  return html`<nav aria-label="Pages of trigger events" class="actions">
${firstPage ? '' : html`<a href="${query(null)}">Newest events</a>`}
${next ? html`<a href="${query(next)}" rel="next">Older events</a>` : ''}
</nav>`;
}

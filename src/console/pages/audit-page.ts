import type { AuditEvent } from '../console-audit.ts';
import { type Html, html, moment } from './html.ts';
import { layout, type Viewer } from './layout.ts';

const DID: Record<AuditEvent['action'], string> = {
  approve: 'Approved',
  reject: 'Rejected',
  edit: 'Edited',
  merge: 'Merged',
  reviewed: 'Marked reviewed',
  create: 'Created',
  import: 'Imported',
  export: 'Exported',
  'synonym-added': 'Added synonyms',
  'synonym-removed': 'Removed synonyms',
  'reference-limits': 'Changed reference limits',
  'reference-paused': 'Paused a reference',
  'reference-resumed': 'Resumed a reference',
  'reference-owner': 'Changed a reference owner',
  'reference-request-decided': 'Decided a reference request',
  'digest-changed': 'Changed a digest',
  'digest-removed': 'Removed a digest',
  'account-added': 'Added an account',
  'account-changed': 'Changed an account',
  'trigger-matched': 'Matched a trigger event',
};

/** What curators did in the console, newest first. */
export function auditPage(options: { viewer: Viewer; events: AuditEvent[] }): Html {
  const { events } = options;
  return layout({
    title: 'Audit log',
    viewer: options.viewer,
    current: 'audit',
    body: html`<h1>Audit log</h1>
<p>Every curator action taken in the console, newest first.</p>
${
  events.length === 0
    ? html`<p>No curator actions yet.</p>`
    : html`<table>
<caption class="visually-hidden">Curator actions, newest first</caption>
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Entry, file or reference</th></tr></thead>
<tbody>${events.map(
        (event) =>
          html`<tr><td>${moment(event.at)}</td><td>${event.actor}</td><td>${DID[event.action]}</td><td>${whatOf(event)}</td></tr>`,
      )}</tbody>
</table>`
}`,
  });
}

function whatOf(event: AuditEvent): string {
  return event.entryId === null ? (event.detail ?? '') : `#${event.entryId} ${event.entryTitle ?? ''}`;
}

import { describeReason } from '../../nudges/references/availability.ts';
import type { ReferenceRequestRecord } from '../../nudges/references/reference-history.ts';
import type { ReferenceAvailability } from '../../nudges/references/reference-views.ts';
import { type Html, html, moment } from './html.ts';
import { layout, type Viewer } from './layout.ts';

/** What a curator typed into one request's form when the decision was refused; nothing was stored. */
export interface DecisionProblem {
  requestId: number;
  note: string;
  overrideReason: string;
  message: string;
}

/**
 * Requests waiting for a decision across the organization's references, oldest first, each with its
 * reference's availability now; curators approve or decline with a note, and approving past a limit or
 * cooldown takes an override reason, as in chat.
 */
export function referenceRequestsPage(options: {
  viewer: Viewer;
  pending: ReferenceRequestRecord[];
  availability: Map<number, ReferenceAvailability>;
  notice?: string | null;
  problem?: DecisionProblem | null;
}): Html {
  const { viewer, pending, availability, notice, problem } = options;
  return layout({
    title: 'Reference requests',
    viewer,
    current: 'references',
    body: html`<p><a href="/console/references">All reference customers</a></p>
<h1>Reference requests</h1>
<div role="status">${notice ? html`<p class="notice">${notice}</p>` : ''}</div>
<p>Requests reps made from chat that wait for a decision, oldest first. ${
      viewer.role === 'curator'
        ? 'Approving or declining here tells the rep in chat, as the owner’s buttons do.'
        : 'The reference’s owner decides in chat; curators can also decide here.'
    }</p>
${
  pending.length === 0
    ? html`<p>No requests are waiting.</p>`
    : pending.map((request) =>
        requestSection(
          viewer,
          request,
          availability.get(request.referenceId),
          problem?.requestId === request.id ? problem : null,
        ),
      )
}`,
  });
}

function requestSection(
  viewer: Viewer,
  request: ReferenceRequestRecord,
  reference: ReferenceAvailability | undefined,
  problem: DecisionProblem | null,
): Html {
  const headingId = `request-${request.id}`;
  const blocked = reference !== undefined && !reference.available && !request.override;
  const why = reference?.reasons.map(describeReason).join('; ') ?? '';
  return html`<section class="request" aria-labelledby="${headingId}">
<h2 id="${headingId}"><a href="/console/references/${request.referenceId}">${request.account}</a> for ${request.requestedBy}</h2>
<p>Asked ${moment(request.requestedAt)}${request.note ? html`: “${request.note}”` : ''}.</p>
<p>${reference?.available ? 'Available now.' : `Not available now: ${why}.`}${request.override ? ` Already overridden by ${request.override.by}: ${request.override.reason ?? 'no reason given'}.` : ''}</p>
${viewer.role === 'curator' ? decisionForm(viewer, request, blocked, problem) : ''}
</section>`;
}

function decisionForm(
  viewer: Viewer,
  request: ReferenceRequestRecord,
  blocked: boolean,
  problem: DecisionProblem | null,
): Html {
  const id = (name: string) => `${name}-${request.id}`;
  return html`<form method="post" action="/console/references/requests/${request.id}" aria-label="Decide the request for ${request.account} by ${request.requestedBy}">
<input type="hidden" name="_csrf" value="${viewer.csrfToken}">
${problem ? html`<p class="notice" role="alert" id="${id('problem')}">${problem.message}</p>` : ''}
<div class="field"><label for="${id('note')}">Note to the rep <span class="muted">(optional)</span></label>
<input type="text" id="${id('note')}" name="note" maxlength="500" value="${problem?.note ?? ''}"></div>
${
  blocked
    ? html`<div class="field${problem ? ' invalid' : ''}"><label for="${id('override')}">Override reason <span class="muted">(needed to approve past the limit)</span></label>
<input type="text" id="${id('override')}" name="overrideReason" maxlength="300" value="${problem?.overrideReason ?? ''}"${problem ? html` aria-describedby="${id('problem')}" aria-invalid="true"` : ''}></div>`
    : ''
}
<div class="actions">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="decline" class="secondary">Decline</button>
</div>
</form>`;
}

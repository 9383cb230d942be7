import type { DecisionOutcome } from '../../nudges/references/reference-desk.ts';
import type { ReferenceAvailability, ReferenceRequestView } from '../../nudges/references/reference-views.ts';
import { requestDecidedView, requestDoneView } from '../../views/reference-outcome-views.ts';
import { referenceRequestView } from '../../views/reference-request-view.ts';
import { renderSlackMessage, type SlackMessage } from './render-message.ts';

/** The request as its owner gets it in Slack; people are mentioned. */
export function referenceRequestBlocks(request: ReferenceRequestView): SlackMessage {
  const { platform } = request.requestedBy;
  return renderSlackMessage(
    referenceRequestView(request, {
      requester: request.requestedBy,
      overrideBy: request.override ? { platform, userId: request.override.by } : null,
    }),
  );
}

/** The owner's request message once a Slack user decided it. */
export function requestDecidedBlocks(
  decision: Omit<DecisionOutcome, 'requester'> & {
    requester: DecisionOutcome['requester'];
    decidedBy: string;
    note: string | null;
  },
): SlackMessage {
  return renderSlackMessage(
    requestDecidedView({ ...decision, decidedBy: { platform: 'slack', userId: decision.decidedBy } }),
  );
}

/** The owner's request message once a Slack user marked the call done. */
export function requestDoneBlocks(reference: ReferenceAvailability, doneBy: string): SlackMessage {
  return renderSlackMessage(requestDoneView(reference, { platform: 'slack', userId: doneBy }));
}

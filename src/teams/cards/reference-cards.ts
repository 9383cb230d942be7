import type { ReferenceAvailability, ReferenceRequestView } from '../../nudges/references/reference-views.ts';
import {
  type DecidedRequest,
  requestDecidedView,
  requestDoneView,
} from '../../views/reference-outcome-views.ts';
import { referenceRequestView } from '../../views/reference-request-view.ts';
import type { PersonRef } from '../../views/view-model.ts';
import type { RichCard } from './card-elements.ts';
import { renderTeamsCard } from './render-card.ts';

/** How people are named on a card: their email when Earshot knows it (Teams cannot mention them). */
export interface PeopleNames {
  requester: string | null;
  overrideBy?: string | null;
}

/** The request as its owner gets it in Teams. */
export function referenceRequestCard(request: ReferenceRequestView, names: PeopleNames): RichCard {
  const { platform } = request.requestedBy;
  return renderTeamsCard(
    referenceRequestView(request, {
      requester: { ...request.requestedBy, name: names.requester },
      overrideBy: request.override
        ? { platform, userId: request.override.by, name: names.overrideBy ?? null }
        : null,
    }),
  );
}

/** The owner's card once they decided: Approved (with "Mark call done") or Declined. */
export function referenceDecidedCard(decided: DecidedRequest): RichCard {
  return renderTeamsCard(requestDecidedView(decided));
}

/** After "Mark call done": the reference's cooldown and usage. */
export function referenceDoneCard(reference: ReferenceAvailability, doneBy: PersonRef): RichCard {
  return renderTeamsCard(requestDoneView(reference, doneBy));
}

import type { ReferenceFinder, SuggestedReference } from '../../knowledge/answer/answer-references.ts';
import { describeReason } from './availability.ts';
import type { ReferenceDesk } from './reference-desk.ts';
import type { ReferenceAvailability } from './reference-views.ts';

/** Lets answers offer reference customers through the desk, limits and pauses respected. */
export function answerReferenceFinder(desk: Pick<ReferenceDesk, 'check'>): ReferenceFinder {
  return async (request) => (await desk.check(request)).map(suggested);
}

function suggested(reference: ReferenceAvailability): SuggestedReference {
  return {
    id: reference.id,
    account: reference.account,
    industry: reference.industry,
    products: reference.products,
    useCases: reference.useCases,
    available: reference.available,
    notNow: reference.available ? null : reference.reasons.map(describeReason).join('; '),
    availableFrom: reference.availableFrom,
  };
}

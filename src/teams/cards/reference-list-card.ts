import type { ReferenceAvailability } from '../../nudges/references/reference-views.ts';
import { referenceListView } from '../../views/reference-list-view.ts';
import type { RichCard } from './card-elements.ts';
import { renderTeamsCard } from './render-card.ts';

/** The answer to `references [criteria]` as an Adaptive Card. */
export function referenceListCard(
  references: ReferenceAvailability[],
  options: { criteria: string; isCurator: boolean },
): RichCard {
  return renderTeamsCard(referenceListView(references, options));
}

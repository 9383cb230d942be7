import type { ReferenceAvailability } from '../../nudges/references/reference-views.ts';
import { referenceListView } from '../../views/reference-list-view.ts';
import { renderSlackMessage, type SlackMessage } from './render-message.ts';

/** `/earshot references [criteria]` as a Slack message. */
export function referenceListBlocks(
  references: ReferenceAvailability[],
  options: { criteria: string; isCurator: boolean },
): SlackMessage {
  return renderSlackMessage(referenceListView(references, options));
}

import { z } from 'zod';
import { viewId } from './view-id.ts';

const question = z.strictObject({ q: viewId });

/** The buttons on an answer: each carries the question's row in the question log. */
export const ANSWER_ACTIONS = {
  helpful: { id: 'earshot_feedback_helpful', payload: question },
  notHelpful: { id: 'earshot_feedback_not_helpful', payload: question },
  share: { id: 'earshot_share', payload: question },
  routeToCurators: { id: 'earshot_route_to_curators', payload: question },
  dropFacets: { id: 'earshot_drop_facets', payload: question },
} as const;

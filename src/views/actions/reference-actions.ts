import { z } from 'zod';
import { viewId } from './view-id.ts';

/** Buttons and forms of the reference desk: a reference's id, or a request's. */
export const REFERENCE_VIEW_ACTIONS = {
  requestReference: { id: 'earshot_reference_request', payload: z.strictObject({ ref: viewId }) },
} as const;

import { z } from 'zod';
import { viewId } from './view-id.ts';

const reference = z.strictObject({ ref: viewId });
const request = z.strictObject({ req: viewId });

/**
 * Buttons and forms of the reference desk: Request (and a curator's Request anyway) carry the
 * reference's id; Approve, Decline and Mark call done the request's. A form submitted with one of these
 * sends the same payload, with what was typed beside it (under the form's field ids).
 */
export const REFERENCE_VIEW_ACTIONS = {
  requestReference: { id: 'earshot_reference_request', payload: reference },
  overrideReference: { id: 'earshot_reference_override', payload: reference },
  approveRequest: { id: 'earshot_reference_approve', payload: request },
  declineRequest: { id: 'earshot_reference_decline', payload: request },
  markCallDone: { id: 'earshot_reference_done', payload: request },
} as const;

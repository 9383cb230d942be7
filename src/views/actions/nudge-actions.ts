import { z } from 'zod';
import { viewId } from './view-id.ts';

const nudge = z.strictObject({ n: viewId });

/** Buttons on a buying-trigger alert: each carries the alert's (nudge's) id. */
export const NUDGE_VIEW_ACTIONS = {
  snoozeAlert: { id: 'earshot_nudge_snooze', payload: nudge },
  dismissAlert: { id: 'earshot_nudge_dismiss', payload: nudge },
  alertHelpful: { id: 'earshot_nudge_helpful', payload: nudge },
} as const;

/** Users are told this when an alert's button carries something Earshot did not put there. */
export const STALE_ALERT = 'That alert is out of date; nothing was changed.';

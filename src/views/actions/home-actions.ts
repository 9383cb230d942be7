import { z } from 'zod';
import { viewId } from './view-id.ts';

const entry = z.strictObject({ e: viewId });

/**
 * Buttons on the home view: a curator's Approve / Edit / Merge / Reject on a queued entry and Edit on
 * one due for review. They send the curation actions' ids, so the listeners that handle the review
 * cards handle these too; once the curation actions are registered in curation-actions.ts the home
 * can use those names instead.
 */
export const HOME_VIEW_ACTIONS = {
  homeApprove: { id: 'earshot_curate_approve', payload: entry },
  homeEdit: { id: 'earshot_curate_edit', payload: entry },
  homeMerge: { id: 'earshot_curate_merge', payload: entry },
  homeReject: { id: 'earshot_curate_reject', payload: entry },
} as const;

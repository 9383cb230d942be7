import { z } from 'zod';
import { viewId } from './view-id.ts';

/** The entry a curation button or form is about. */
const entry = z.strictObject({ e: viewId });

/**
 * Which message "Save to Earshot" saves. Slack's form carries the message (its text too, when it fits,
 * for channels Earshot is not in); Teams' message action brings the message itself, so its form carries
 * nothing.
 */
const savedMessage = z.union([
  z.strictObject({
    channel: z.string().min(1).max(100),
    ts: z.string().regex(/^\d+\.\d+$/),
    user: z.string().max(100).optional(),
    text: z.string().max(2_500).optional(),
  }),
  z.strictObject({}),
]);

/**
 * Buttons and forms curators use. On Slack a button that opens a form sends its own id (the listener
 * opens the modal) and the modal submits the form's id; on Teams the form opens inline and submits the
 * form's id. Teams cards made before forms had their own ids submitted the button's id
 * (`earshot_curate_edit` with the edited fields), which is still accepted.
 */
export const CURATION_VIEW_ACTIONS = {
  curateApprove: { id: 'earshot_curate_approve', payload: entry },
  curateReject: { id: 'earshot_curate_reject', payload: entry },
  curateEdit: { id: 'earshot_curate_edit', payload: entry },
  curateMerge: { id: 'earshot_curate_merge', payload: entry },
  /** The button and its form (a next review date) share the id. */
  dueReviewed: { id: 'earshot_due_reviewed', payload: entry },
  /** The button and its form (every field, a next review date required) share the id. */
  dueEdit: { id: 'earshot_due_edit', payload: entry },
  editEntry: { id: 'earshot_edit_modal', payload: entry },
  mergeEntry: { id: 'earshot_merge_modal', payload: entry },
  saveEntry: { id: 'earshot_save_modal', payload: savedMessage },
} as const;

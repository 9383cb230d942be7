import { z } from 'zod';
import type { ReviewAction } from '../console-audit.ts';

const decision = z.enum(['approve', 'reject']);
const entryId = z.coerce.number().int().positive();
const fieldValues = z.union([z.string(), z.array(z.string())]).optional();

/** The review form as posted: one entry's button (`one=approve:12`) or a bulk button with the checked ids. */
const reviewForm = z.union([
  z.object({
    one: z.string().regex(/^(approve|reject):\d+$/),
  }),
  z.object({ bulk: decision, ids: fieldValues }),
]);

export interface ReviewDecision {
  action: ReviewAction;
  ids: number[];
}

/** The decision a posted review form asks for; null when the form is not one. */
export function parseReviewForm(form: Record<string, unknown>): ReviewDecision | null {
  const parsed = reviewForm.safeParse(form);
  if (!parsed.success) return null;
  if ('one' in parsed.data) {
    const [action, id] = parsed.data.one.split(':');
    return { action: decision.parse(action), ids: [entryId.parse(id)] };
  }
  const values = parsed.data.ids === undefined ? [] : [parsed.data.ids].flat();
  const ids = values.map((value) => entryId.safeParse(value));
  if (ids.some((id) => !id.success)) return null;
  return { action: parsed.data.bulk, ids: ids.flatMap((id) => (id.success ? [id.data] : [])) };
}

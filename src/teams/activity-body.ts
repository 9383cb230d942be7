import { z } from 'zod';

/**
 * The least a request body must be before botbuilder's CloudAdapter sees it: an object with a string
 * `type`. CloudAdapter.process checks that by throwing (a 500) where it means a 400.
 */
export const activityBodySchema = z.looseObject({ type: z.string() });

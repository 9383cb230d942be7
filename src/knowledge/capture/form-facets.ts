import { z } from 'zod';
import { BUYER_ROLE_NAMES } from '../buyer-roles.ts';
import { industrySchema, rolesSchema } from '../entry.ts';

/** The roles a form offers, in the canonical order. */
export const ROLE_CHOICES = BUYER_ROLE_NAMES;

/**
 * Industry and buyer roles as a save or edit form submits them, on either platform: the industry as
 * typed (empty means none), roles as a multi-select's values (Slack) or one comma-joined string (Teams).
 */
export const formFacets = {
  industry: z
    .string()
    .nullish()
    .transform((value) => value?.trim() || undefined)
    .pipe(industrySchema.optional()),
  roles: z
    .union([z.array(z.string()), z.string()])
    .nullish()
    .transform((value) => (typeof value === 'string' ? value.split(',') : (value ?? [])))
    .pipe(rolesSchema),
};

import { z } from 'zod';

/** A database id in a button payload. */
export const viewId = z.int().positive().max(2_147_483_647);

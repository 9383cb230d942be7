import type { z } from 'zod';
import { formErrorText } from '../../views/form-values.ts';
import type { FormView } from '../../views/view-model.ts';

/**
 * A form submitted from a card, read with its schema; or, since Teams shows one message, the first
 * problem naming its field, and that `outcome` (nothing was changed).
 */
export function readCardForm<S extends z.ZodType>(
  form: FormView,
  schema: S,
  values: unknown,
  outcome = 'nothing was changed',
): { ok: true; data: z.output<S> } | { ok: false; message: string } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, message: `${formErrorText(form, parsed.error).replace(/\.$/, '')}; ${outcome}.` };
}

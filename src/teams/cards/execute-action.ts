import { z } from 'zod';
import { EarshotError } from '../../errors.ts';

/** The verb of an `adaptiveCard/action` invoke, to route it before its data is read. */
export function verbOf(value: unknown): string | undefined {
  const verb = (value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' ? verb : undefined;
}

/**
 * Reads an `Action.Execute` Earshot rendered: one of `verbs`, with the data it carried (card inputs are
 * merged into it by Teams). Anyone who can reach the endpoint can send an invoke, so anything else is
 * refused as `invalid_input` with `staleMessage` for the clicker.
 */
export function parseExecute<V extends string, D extends z.ZodType>(
  value: unknown,
  options: { verbs: readonly [V, ...V[]]; data: D; staleMessage: string; what: string },
): { verb: V; data: z.infer<D> } {
  const schema = z.object({
    action: z.object({ type: z.literal('Action.Execute'), verb: z.enum(options.verbs), data: options.data }),
  });
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new EarshotError({
      code: 'invalid_input',
      message: `Invalid ${options.what} card action: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`,
      userMessage: options.staleMessage,
      cause: parsed.error,
    });
  }
  const action = parsed.data.action as { verb: V; data: z.infer<D> };
  return { verb: action.verb, data: action.data };
}

/** A database id in card data. */
export const cardId = z.int().positive().max(2_147_483_647);

/** A typed note from a card input: trimmed, at most `max` characters, empty as undefined. */
export function cardNote(max: number) {
  return z
    .string()
    .max(max * 2)
    .optional()
    .transform((text) => text?.trim().slice(0, max) || undefined);
}

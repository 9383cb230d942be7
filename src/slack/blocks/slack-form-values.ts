import { z } from 'zod';
import type { FormValues } from '../../views/form-values.ts';

/** One input's state in a view_submission: `view.state.values[block_id].value` (see render-form.ts). */
const inputState = z.object({
  value: z.object({
    type: z.string(),
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
    selected_date: z.string().nullish(),
  }),
});

function fieldValue({ value: element }: z.output<typeof inputState>): FormValues[string] {
  switch (element.type) {
    case 'multi_static_select':
      return element.selected_options?.map((option) => option.value) ?? [];
    case 'static_select':
      return element.selected_option?.value ?? null;
    case 'datepicker':
      return element.selected_date ?? null;
    default:
      return element.value ?? null;
  }
}

/** A modal's `view.state.values` as form values by field id; malformed input is an issue on its field. */
export const slackFormValues = z
  .record(z.string(), inputState)
  .transform(
    (state): FormValues =>
      Object.fromEntries(Object.entries(state).map(([id, input]) => [id, fieldValue(input)])),
  );

/** Reads a modal's `view.state.values` with a form's schema; issues are keyed by field (block) id. */
export function slackSubmission<T extends z.ZodType>(schema: T): z.ZodType<z.output<T>> {
  return slackFormValues.pipe(schema as unknown as z.ZodType<z.output<T>, FormValues>);
}

import type { z } from 'zod';
import type { FormView } from './view-model.ts';

/**
 * A submitted form, by field id, as both platforms send it: text, a date and a single choice as a
 * string (null or '' when empty), several choices as a list (Slack) or one comma-joined string
 * (Teams). A field the form did not have is absent. Anyone can post a submission, so each form
 * reads these with its own zod schema.
 */
export type FormValues = Record<string, unknown>;

/** Zod issues as `{ [field id]: message }`, the first per field: Slack shows each under its field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && !(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

/**
 * The first problem in one sentence, for platforms that show one message (Teams): a message about a
 * value ("must be one of …") is prefixed with its field's label; the others name what to do already.
 */
export function formErrorText(form: FormView, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Check the form and try again.';
  return errorSentence(form, issue.path[0], issue.message);
}

/** Every field's first problem as a sentence that names the field (the web console lists them all). */
export function fieldErrorSentences(form: FormView, error: z.ZodError): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors(error)).map(([id, message]) => [id, errorSentence(form, id, message)]),
  );
}

function errorSentence(form: FormView, fieldId: PropertyKey | undefined, issueMessage: string): string {
  const label = form.fields.find((field) => field.id === fieldId)?.label;
  const message = issueMessage.replace(/\.$/, '');
  return label && /^[a-z]/.test(message) ? `${label} ${message}.` : `${message}.`;
}

/** What a form submits when nobody changes it, in the shape Teams sends. */
export function initialValues(form: FormView): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of form.fields) {
    const initial = field.type === 'select' ? field.initial?.join(',') : field.initial;
    if (initial) values[field.id] = initial;
  }
  return values;
}

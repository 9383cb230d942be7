import type { FormField, FormView, Line } from '../../views/view-model.ts';
import { type Html, html } from './html.ts';

/** What the form shows: the values last submitted (else the view's initial values) and each field's problem. */
export interface FormState {
  values?: Record<string, unknown>;
  errors?: Record<string, string>;
  /** Prefix of element ids, so one page can hold several copies of a form. */
  idPrefix?: string;
}

/**
 * A view-model form's fields as HTML inputs, named by field id, so the submission reads with the same
 * zod schema as chat's: text and dates as strings, a multiple choice as a list. Labels, hints and
 * problems are tied to their input for screen readers.
 */
export function formFieldsHtml(form: FormView, state: FormState = {}): Html {
  return html`${form.fields.map((field) => fieldHtml(field, state))}`;
}

/** The form's intro lines as paragraphs (plain text: the console styles nothing inside them). */
export function introHtml(form: FormView): Html {
  return html`${(form.intro ?? []).map((line) => html`<p>${lineText(line)}</p>`)}`;
}

/**
 * "Nothing was saved": every problem, each naming its field and linking to it, announced on arrival.
 */
export function errorSummary(form: FormView, errors: Record<string, string>, idPrefix = 'f'): Html {
  const problems = form.fields.filter((field) => errors[field.id]);
  if (problems.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" id="problems">
<h2>Nothing was saved: ${problems.length === 1 ? 'one field needs' : `${problems.length} fields need`} fixing</h2>
<ul>${problems.map(
    (field) =>
      html`<li><a href="#${idPrefix}-${field.id}">${namedProblem(field.label, errors[field.id] ?? '')}</a></li>`,
  )}</ul>
</div>`;
}

/** "Title: Give it a title." — or the message as it is when it names the field already. */
export function namedProblem(label: string, message: string): string {
  return message.startsWith(label) ? message : `${label}: ${message}`;
}

function fieldHtml(field: FormField, state: FormState): Html {
  const id = `${state.idPrefix ?? 'f'}-${field.id}`;
  const problem = state.errors?.[field.id];
  const described = [field.hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  const submitted = state.values?.[field.id];
  const aria = html`${described ? html` aria-describedby="${described}"` : ''}${problem ? html` aria-invalid="true"` : ''}`;
  return html`<div class="field${problem ? ' invalid' : ''}">
<label for="${id}">${field.label}${field.optional ? html` <span class="muted">(optional)</span>` : ''}</label>
${field.hint ? html`<p class="hint" id="${id}-hint">${field.hint}</p>` : ''}
${problem ? html`<p class="field-error" id="${id}-error">${namedProblem(field.label, problem)}</p>` : ''}
${inputHtml(field, id, submitted, aria)}
</div>`;
}

function inputHtml(field: FormField, id: string, submitted: unknown, aria: Html): Html {
  if (field.type === 'text') {
    const value = typeof submitted === 'string' ? submitted : (field.initial ?? '');
    return field.multiline
      ? html`<textarea id="${id}" name="${field.id}" rows="8" maxlength="${field.maxLength}"${aria}>${value}</textarea>`
      : html`<input type="text" id="${id}" name="${field.id}" value="${value}" maxlength="${field.maxLength}"${field.placeholder ? html` placeholder="${field.placeholder}"` : ''}${aria}>`;
  }
  if (field.type === 'date') {
    const value = typeof submitted === 'string' ? submitted : (field.initial ?? '');
    return html`<input type="date" id="${id}" name="${field.id}" value="${value}"${field.min ? html` min="${field.min}"` : ''}${aria}>`;
  }
  const chosen = new Set(
    submitted === undefined ? (field.initial ?? []) : [submitted].flat().map((value) => String(value)),
  );
  const blank = !field.multiple && chosen.size === 0;
  return html`<select id="${id}" name="${field.id}"${field.multiple ? html` multiple size="${Math.min(8, field.options.length)}"` : ''}${aria}>
${blank ? html`<option value="">Choose…</option>` : ''}${field.options.map(
  (option) =>
    html`<option value="${option.value}"${chosen.has(option.value) ? ' selected' : ''}>${option.label}</option>`,
)}</select>`;
}

function lineText(line: Line): string {
  return line
    .map((span) => {
      if (typeof span === 'string') return span;
      if ('text' in span) return span.text;
      return '';
    })
    .join('');
}

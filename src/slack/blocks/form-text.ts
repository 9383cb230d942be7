type StateValues = Record<string, Record<string, { value?: string | null }>>;

/** A typed field of a submitted modal (rendered by render-form.ts), trimmed; undefined when left empty. */
export function formText(state: { values: unknown }, field: string): string | undefined {
  const value = (state.values as StateValues)[field]?.value?.value?.trim();
  return value ? value : undefined;
}

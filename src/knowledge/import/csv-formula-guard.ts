/**
 * Spreadsheets run a cell that starts with =, +, -, @, a tab or a carriage return as a formula, so a
 * CSV export could carry a formula typed into an entry ("=HYPERLINK(…)") into a curator's spreadsheet.
 * Such cells are written with a leading apostrophe, which spreadsheets show as text, and the import
 * takes exactly one apostrophe off again: `'*` before the trigger keeps the pair one-to-one.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED_START = /^'+[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return GUARDED_START.test(cell) ? cell.slice(1) : cell;
}

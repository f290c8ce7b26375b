/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return as a formula. Cells Recall writes for spreadsheets get a leading `'` when they start so, which
 * spreadsheets show as text and do not display; a cell that already starts with `'` before such a
 * character gets one more, so that reading undoes exactly one and every cell comes back as it was.
 */

const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The cell as it is safe to put in a spreadsheet. */
export const guardCell = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

/** The cell as it was before `guardCell`. */
export const unguardCell = (cell: string): string =>
  cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;

/**
 * The filtered messages as CSV, through Papa Parse (quoting of commas, quotes and line breaks is
 * its job, not string joins). UTF-8 with a byte-order mark, so Excel reads accents and non-Latin
 * text right. A cell that begins with =, +, -, @ (or their full-width forms), a tab or a carriage
 * return would run as a formula in a spreadsheet: Papa Parse puts an apostrophe before it, and the
 * spreadsheet shows it as text. Its own test of a cell looks at a cell's first line only and lets
 * a multi-line `=1+1⏎x` through; ours looks at the first character, whatever follows.
 */
import Papa from 'papaparse';
import { slug } from '../data/ids';
import { COLUMNS, type MessageRow } from './rows';

export const BOM = '\uFEFF';

/** What a cell may not begin with, unprotected (OWASP's list, and the full-width forms spreadsheets also read). */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function toCsv(rows: readonly MessageRow[]): string {
  const body = Papa.unparse(
    { fields: [...COLUMNS], data: rows.map((row) => COLUMNS.map((column) => row[column])) },
    { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START },
  );
  return `${BOM}${body}\r\n`;
}

/** "consultation-atlas-gfmd-puebla-2020-23-messages.csv": what the file holds, in its name. */
export function exportName(title: string, count: number, extension: string, noun = 'message'): string {
  return `${slug(title) || 'consultation'}-${count}-${noun}${count === 1 ? '' : 's'}.${extension}`;
}

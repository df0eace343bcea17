/**
 * A workbook as plain data: sheets of rows of cells. The ROI case builds one; CSV and XLSX write it.
 * Numbers stay numbers (a spreadsheet can sum them); a number cell may say how to show it.
 */

export type NumberFormat = 'money' | 'integer' | 'decimal' | 'percent' | 'month';

export type Cell =
  | string
  | number
  | null
  | { value: number | null; format: NumberFormat }
  | { text: string; bold: true };

export interface Sheet {
  name: string;
  rows: Cell[][];
  /** Column widths in characters (XLSX). */
  widths?: number[];
}

/**
 * Text a spreadsheet would read as a formula (CSV injection, OWASP "CSV Injection"): text starting
 * with =, +, -, @, tab or carriage return. Also covered, because importers differ and it costs
 * nothing: those signs after leading white space or a line feed (LibreOffice's "trim spaces"
 * import option drops the space before parsing), and their full-width forms ＝ ＋ － ＠, which
 * East Asian input methods type and some spreadsheets normalise.
 */
const FORMULA_START = /^[\t\r\n]|^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/**
 * Text a spreadsheet will not run: a leading `'` when it starts with =, +, -, @, tab or CR (see
 * FORMULA_START). Only text cells pass through here: numbers are written as numbers, so -5 stays
 * the number −5 and is never turned into the text '-5.
 *
 * @example
 * neutralise('=HYPERLINK("http://x")'); // => '\'=HYPERLINK("http://x")'
 * neutralise('Retention'); // => 'Retention'
 */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The cell's number, if it is one. */
export function cellNumber(cell: Cell): number | null | undefined {
  if (typeof cell === 'number') return cell;
  if (cell !== null && typeof cell === 'object' && 'value' in cell) return cell.value;
  return undefined;
}

/** The cell's text, if it is text. */
export function cellText(cell: Cell): string | undefined {
  if (typeof cell === 'string') return cell;
  if (cell !== null && typeof cell === 'object' && 'text' in cell) return cell.text;
  return undefined;
}

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

/** Characters that make a spreadsheet read text as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet will not run: a leading `'` when it starts with =, +, −, @, tab or CR.
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

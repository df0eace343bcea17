/**
 * CSV (RFC 4180): comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break, with a UTF-8 byte-order mark so spreadsheets read € and − correctly. Numbers are
 * written plainly (no thousands separators, full precision); text that a spreadsheet would run as
 * a formula gets a leading `'`. The sheets follow one another, each under its name.
 */
import { cellNumber, cellText, neutralise, type Cell, type Sheet } from './table.ts';

function field(cell: Cell): string {
  const number = cellNumber(cell);
  if (number !== undefined)
    return number === null || !Number.isFinite(number) ? '' : String(number);
  const text = cellText(cell);
  if (text === undefined) return '';
  const safe = neutralise(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(sheets: Sheet[]): string {
  const lines: string[] = [];
  sheets.forEach((sheet, i) => {
    if (i > 0) lines.push('');
    lines.push(field(`## ${sheet.name}`));
    for (const row of sheet.rows) lines.push(row.map(field).join(','));
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, a UTF-8 byte order mark so
 * accents survive, and formula starts neutralised. Every file the bot hands out goes through here.
 */

/**
 * A spreadsheet opening a cell that starts with one of these runs it as a formula
 * (CSV injection, e.g. `=HYPERLINK(...)`); a leading quote makes it plain text. Spreadsheets
 * read the fullwidth signs `＝ ＋ － ＠` (typed by Japanese and Chinese keyboards) as their
 * ASCII forms, so they count too.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export type CsvValue = string | number | boolean | Date | null | undefined;

/** One CSV cell (RFC 4180): formula starts neutralised, quoted when it holds a separator, quote or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return cells.map(csvCell).join(',');
}

/** A whole file: the header line, then one line per row. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [csvLine(header), ...rows.map(csvLine)];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

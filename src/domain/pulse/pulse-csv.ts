import type { StoredPulseAnswer } from './pulse.js';

/**
 * A spreadsheet opening a cell that starts with one of these runs it as a formula
 * (CSV injection, e.g. `=HYPERLINK(...)`); a leading quote makes it plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180): formula starts neutralised, quoted when it holds a separator, quote or line break. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: (string | number | null)[]): string {
  return cells.map(csvCell).join(',');
}

export interface PulseCsvHeaders {
  respondent: string;
  score: string;
  vision: string;
  motivation: string;
  human: string;
}

/**
 * The answers of a pulse as CSV: one line per answer, CRLF line ends, with a UTF-8 byte order
 * mark so spreadsheet programs read accents right. The respondent column exists only for named
 * pulses.
 */
export function buildPulseCsv(
  answers: readonly StoredPulseAnswer[],
  headers: PulseCsvHeaders,
  anonymous: boolean,
): string {
  const head = anonymous
    ? [headers.score, headers.vision, headers.motivation, headers.human]
    : [headers.respondent, headers.score, headers.vision, headers.motivation, headers.human];
  const lines = [csvLine(head)];
  for (const a of answers) {
    const cells = [a.score, a.vision, a.motivation, a.human];
    lines.push(csvLine(anonymous ? cells : [a.respondentId, ...cells]));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

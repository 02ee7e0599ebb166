import { csvDocument } from '../csv.js';
import type { StoredPulseAnswer } from './pulse.js';

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
  return csvDocument(
    head,
    answers.map((a) => {
      const cells = [a.score, a.vision, a.motivation, a.human];
      return anonymous ? cells : [a.respondentId, ...cells];
    }),
  );
}

import { randomInt } from 'node:crypto';

/** The pulse: one run of the three-procedure survey in a channel (see src/domain/README.md). */

export const MIN_SCORE = 1;
export const MAX_SCORE = 10;
/** Slack's own limit for a plain_text_input; the modal and the parser both enforce it. */
export const MAX_ANSWER_LENGTH = 3000;
export const DEFAULT_PULSE_DAYS = 3;
export const MAX_PULSE_DAYS = 30;
/** The channel reminder goes out this long before the pulse closes. */
export const REMINDER_LEAD_MS = 24 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/** The three open questions, in the order the survey asks them (Q1, Q2, Q3). */
export const PULSE_QUESTIONS = ['vision', 'motivation', 'human'] as const;
export type PulseQuestion = (typeof PULSE_QUESTIONS)[number];

export interface Pulse {
  id: string;
  teamId: string;
  channelId: string;
  anonymous: boolean;
  status: 'open' | 'closed';
  createdBy: string;
  scheduleId: number | null;
  openedAt: Date;
  closesAt: Date;
  remindAt: Date | null;
  remindedAt: Date | null;
  closedAt: Date | null;
  /** `deadline`, or the id of the person who closed it. */
  closedBy: string | null;
  messageTs: string | null;
  resultsTs: string | null;
}

export interface NewPulse {
  teamId: string;
  channelId: string;
  anonymous: boolean;
  createdBy: string;
  scheduleId: number | null;
  openedAt: Date;
  closesAt: Date;
  remindAt: Date | null;
}

/** One answer: the trust score and the three optional texts (null when left empty). */
export interface PulseAnswer {
  score: number;
  vision: string | null;
  motivation: string | null;
  human: string | null;
}

/** An answer as stored: `respondentId` is null for every answer of an anonymous pulse. */
export interface StoredPulseAnswer extends PulseAnswer {
  respondentId: string | null;
}

export type AnswerOutcome = 'recorded' | 'updated' | 'already_answered' | 'closed' | 'not_found';

/** When a pulse opened now for `days` days closes, and when its reminder is due (if it gets one). */
export function pulseTimes(openedAt: Date, days: number): { closesAt: Date; remindAt: Date | null } {
  const closesAt = new Date(openedAt.getTime() + days * DAY_MS);
  const remindAt = new Date(closesAt.getTime() - REMINDER_LEAD_MS);
  // A pulse of a day or less would be reminded of the moment it starts: no reminder then.
  return { closesAt, remindAt: remindAt.getTime() > openedAt.getTime() ? remindAt : null };
}

/** Open, and not yet past its deadline (the deadline job may not have run yet). */
export function isAcceptingAnswers(pulse: Pulse, now: Date): boolean {
  return pulse.status === 'open' && pulse.closesAt.getTime() > now.getTime();
}

/** The workspace setting, never below the floor that keeps three people indistinguishable. */
export function effectiveThreshold(setting: number, floor: number): number {
  return Math.max(floor, Math.floor(setting));
}

/** Rounded to one decimal, as shown; comparisons use the shown values so they add up. */
export function roundOneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

export interface ScoreSummary {
  count: number;
  /** Rounded to one decimal. */
  average: number;
  /** distribution[i] is how many answered i + 1. */
  distribution: number[];
}

export function summariseScores(scores: readonly number[]): ScoreSummary {
  const distribution = Array.from({ length: MAX_SCORE }, () => 0);
  let sum = 0;
  for (const score of scores) {
    sum += score;
    const slot = score - MIN_SCORE;
    distribution[slot] = (distribution[slot] ?? 0) + 1;
  }
  return {
    count: scores.length,
    average: scores.length ? roundOneDecimal(sum / scores.length) : 0,
    distribution,
  };
}

/** Fisher–Yates with an injectable source of random integers in [0, n). */
export function shuffle<T>(items: readonly T[], randomBelow: (n: number) => number = randomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomBelow(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Empty or white-space-only answers are no answer at all. */
export function cleanAnswerText(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

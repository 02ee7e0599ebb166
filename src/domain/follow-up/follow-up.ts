import { localMidnight } from '../digest/week.js';
import { wallClock } from '../wall-clock.js';

/**
 * The follow-up loop of a complaint: the customer hears back and the team learns. A complaint is
 * followed up once it has both its lesson and its resolution; until then its follow-up owner gets
 * a reminder DM after the workspace's delay (working days, in the workspace's zone), a second one
 * a week later, and never more.
 */

export const FOLLOW_UP_DELAY_DEFAULT_DAYS = 3;
export const FOLLOW_UP_DELAY_MIN_DAYS = 1;
export const FOLLOW_UP_DELAY_MAX_DAYS = 14;
export const SECOND_REMINDER_AFTER_MS = 7 * 86_400_000;
export const REMINDER_ROUNDS = [1, 2] as const;
export type ReminderRound = (typeof REMINDER_ROUNDS)[number];
/** Reminders go out on working days between these local hours of the owner (09:00 to 18:00). */
export const DAYTIME_START_HOUR = 9;
export const DAYTIME_END_HOUR = 18;

/** A workspace's setting: a number of working days, or null when reminders are off. */
export type FollowUpDelay = number | null;

export function isFollowedUp(moment: { kind: string; lesson: string | null; status: string }): boolean {
  return moment.kind === 'complaint' && moment.lesson !== null && moment.status === 'resolved';
}

const isWeekend = (weekday: number) => weekday === 0 || weekday === 6;

/** Day of the week (0 = Sunday) of a local calendar date. */
const weekdayOf = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day)).getUTCDay();

/**
 * `days` working days (Monday to Friday) after `start`, at the same local time, in `timeZone`.
 * A complaint logged on Friday at 15:00 with a delay of 3 is due on Wednesday at 15:00; one logged
 * on Saturday with a delay of 1 is due on Monday at the time it was logged.
 */
export function addWorkingDays(start: Date, days: number, timeZone: string): Date {
  const p = wallClock(timeZone)(start);
  const cursor = new Date(Date.UTC(p.year, p.month - 1, p.day));
  let left = days;
  while (left > 0) {
    cursor.setUTCDate(cursor.getUTCDate() + 1);
    if (!isWeekend(cursor.getUTCDay())) left -= 1;
  }
  const midnight = localMidnight(
    cursor.getUTCFullYear(),
    cursor.getUTCMonth() + 1,
    cursor.getUTCDate(),
    timeZone,
  );
  const sinceMidnight = ((p.hour * 60 + p.minute) * 60 + p.second) * 1000;
  return new Date(midnight.getTime() + sinceMidnight);
}

/** True on a working day between 09:00 and 18:00 in `timeZone`: never wake anyone, never on a weekend. */
export function isDaytimeOnWorkday(instant: Date, timeZone: string): boolean {
  const p = wallClock(timeZone)(instant);
  if (isWeekend(weekdayOf(p.year, p.month, p.day))) return false;
  return p.hour >= DAYTIME_START_HOUR && p.hour < DAYTIME_END_HOUR;
}

/** A complaint waiting for its follow-up, with the reminders it had so far. */
export interface OpenComplaint {
  teamId: string;
  momentId: string;
  ownerId: string;
  createdAt: Date;
  /** When round 1 was sent; null when it was not. */
  firstSentAt: Date | null;
  /** Rounds already claimed (sent or on their way). */
  claimedRounds: number[];
}

/**
 * The round due now for this complaint, if any: round 1 once the delay has passed, round 2 a week
 * after round 1 was sent. Quiet hours are checked separately (they depend on the owner's zone).
 */
export function dueRound(
  complaint: OpenComplaint,
  delay: FollowUpDelay,
  workspaceZone: string,
  now: Date,
): ReminderRound | undefined {
  if (delay === null) return undefined;
  if (!complaint.claimedRounds.includes(1)) {
    return addWorkingDays(complaint.createdAt, delay, workspaceZone).getTime() <= now.getTime()
      ? 1
      : undefined;
  }
  if (complaint.claimedRounds.includes(2) || !complaint.firstSentAt) return undefined;
  return complaint.firstSentAt.getTime() + SECOND_REMINDER_AFTER_MS <= now.getTime() ? 2 : undefined;
}

/** Whether a complaint followed up at `followedUpAt` made it within the delay. */
export function followedUpWithinDelay(
  createdAt: Date,
  followedUpAt: Date,
  delayDays: number,
  workspaceZone: string,
): boolean {
  return followedUpAt.getTime() <= addWorkingDays(createdAt, delayDays, workspaceZone).getTime();
}

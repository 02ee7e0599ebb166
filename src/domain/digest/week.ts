import { wallClock } from '../wall-clock.js';

/**
 * Weeks in a workspace's time zone: Monday 00:00 to the next Monday 00:00, local time, as UTC
 * instants. Computed with Intl only, so daylight-saving weeks (23 or 25 hours on one day) are right.
 */
export interface Week {
  /** First instant of Monday, local. */
  start: Date;
  /** First instant of the next Monday, local (exclusive). */
  end: Date;
  /** Local calendar dates, YYYY-MM-DD, of the Monday and the Sunday. */
  firstDay: string;
  lastDay: string;
}

/** The UTC instant of local midnight on a calendar date (the first instant of that day). */
export function localMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const wall = wallClock(timeZone);
  const guess = Date.UTC(year, month - 1, day);
  // Two passes settle the offset even when a DST change falls between the guess and the answer.
  let instant = guess - wall(guess).offsetMs;
  instant = guess - wall(instant).offsetMs;
  return new Date(instant);
}

const isoDay = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10);
};

/** The Monday-to-Sunday week, in `timeZone`, that contains `instant`. */
export function weekContaining(instant: Date, timeZone: string): Week {
  const p = wallClock(timeZone)(instant);
  const today = new Date(Date.UTC(p.year, p.month - 1, p.day));
  const sinceMonday = (today.getUTCDay() + 6) % 7;
  const monday = new Date(today.getTime() - sinceMonday * 86_400_000);
  const nextMonday = new Date(monday.getTime() + 7 * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  const ymd = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] as const;
  return {
    start: localMidnight(...ymd(monday), timeZone),
    end: localMidnight(...ymd(nextMonday), timeZone),
    firstDay: isoDay(...ymd(monday)),
    lastDay: isoDay(...ymd(sunday)),
  };
}

/** The week before `week`. */
export function weekBefore(week: Week, timeZone: string): Week {
  return weekContaining(new Date(week.start.getTime() - 3_600_000), timeZone);
}

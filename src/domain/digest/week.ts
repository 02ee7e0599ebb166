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

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Milliseconds the zone is ahead of UTC at this instant. */
function offsetAt(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The UTC instant of local midnight on a calendar date (the first instant of that day). */
export function localMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  // Two passes settle the offset even when a DST change falls between the guess and the answer.
  let instant = guess - offsetAt(new Date(guess), timeZone);
  instant = guess - offsetAt(new Date(instant), timeZone);
  return new Date(instant);
}

const isoDay = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10);
};

/** The Monday-to-Sunday week, in `timeZone`, that contains `instant`. */
export function weekContaining(instant: Date, timeZone: string): Week {
  const p = localParts(instant, timeZone);
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

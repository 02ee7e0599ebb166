/**
 * What the domain needs to know about cron expressions, as a port: the only implementation
 * (`createNodeCronCalendar` in jobs/scheduler/calendar.ts) answers with node-cron's own parser and
 * matcher, so no cron syntax is parsed by hand anywhere. Every question takes the instant it
 * is asked from, so callers pass the injected clock and tests can move time.
 */
export type CronField = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';

export type CronProblem =
  /** Not the five fields of a standard expression (seconds, nicknames such as @daily…). */
  | { kind: 'field_count'; count: number }
  | { kind: 'field'; field: CronField; value: string }
  /** Characters no cron expression has. */
  | { kind: 'syntax' }
  /** Valid syntax, but no date ever matches (31 February). */
  | { kind: 'never_fires' };

export type CronCheck =
  | {
      ok: true;
      moreOftenThanHourly: boolean;
      /**
       * Both day-of-month and day-of-week are restricted. node-cron then fires only on days
       * matching both (`0 9 13 * 5`: Friday the 13th), where standard cron fires on either.
       */
      bothDaysRestricted: boolean;
    }
  | { ok: false; problems: CronProblem[] };

export interface CronCalendar {
  /** Validates a five-field expression; says whether it can fire twice within one hour. */
  check(expression: string): CronCheck;
  /** Fire times in `(after, until]`, oldest first, in the schedule's time zone. */
  between(expression: string, timezone: string, after: Date, until: Date): Date[];
  /** The next `count` fire times strictly after `after` (fewer when none come within years). */
  next(expression: string, timezone: string, after: Date, count: number): Date[];
}

/** A valid IANA zone (or UTC) in its canonical spelling, or undefined. */
export function canonicalTimeZone(zone: string): string | undefined {
  // Intl also accepts offsets such as "+01:00" on newer Node versions; schedules follow named
  // zones so that daylight-saving changes are applied.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

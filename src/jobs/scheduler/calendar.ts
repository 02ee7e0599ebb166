import { createTask, parse, type ScheduledTask, validateDetailed } from 'node-cron';
import type { CronCalendar, CronField, CronProblem } from '../../domain/schedules/cron-calendar.js';
import { repeatsEarlierWallTime, type WallTime, wallClock } from '../../domain/wall-clock.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** `next()` gives up looking after this long: a valid expression fires within a few years. */
const NEXT_HORIZON_MS = 5 * 366 * DAY;
const CRON_FIELDS: readonly CronField[] = ['minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'];

/** Zone days remembered by the calendar (a few zones, today and the days next() walks through). */
const DAY_SHAPES_KEPT = 4_096;

interface DayShape {
  steady: boolean;
  offsetMs: number;
  firstMonth: number;
  lastMonth: number;
}

interface Matcher {
  /** A node-cron task that is never started: its match() is node-cron's own matcher, in the zone. */
  task: ScheduledTask;
  minutes: Set<number>;
  hours: Set<number>;
  months: Set<number>;
}

/**
 * Cron questions answered by node-cron: `validateDetailed()` for validation, `parse()` for the
 * fields, and a task's `match()` for "does it fire at this instant, in this zone".
 *
 * node-cron's `getNextRuns()` only counts from the real clock, and our clock is injected, so
 * fire times are found by walking the minutes of the interval and asking `match()`. To keep
 * that cheap, a day whose UTC offset does not change is pre-filtered with the parsed minute,
 * hour and month lists (a superset of what matches; `match()` decides); a day with a
 * daylight-saving change asks `match()` for every minute, and drops the second occurrence of
 * a repeated wall-clock time, as node-cron's own runner does (a 02:30 schedule fires once on
 * the night clocks go back; on the night they go forward 02:30 does not exist and it does not fire).
 */
export function createNodeCronCalendar(options: { cacheSize?: number } = {}): CronCalendar {
  const cacheSize = options.cacheSize ?? 500;
  const matchers = new Map<string, Matcher>();
  const clocks = new Map<string, (t: number) => WallTime>();
  const days = new Map<string, DayShape>();

  function matcher(expression: string, timezone: string): Matcher {
    const key = `${timezone} ${expression}`;
    const hit = matchers.get(key);
    if (hit) {
      matchers.delete(key);
      matchers.set(key, hit);
      return hit;
    }
    const fields = parse(expression);
    const made: Matcher = {
      task: createTask(expression, () => {}, { timezone }),
      minutes: new Set(fields.minute),
      hours: new Set(fields.hour),
      months: new Set(fields.month),
    };
    matchers.set(key, made);
    if (matchers.size > cacheSize) {
      const [oldest] = matchers;
      if (oldest) {
        matchers.delete(oldest[0]);
        oldest[1].task.destroy(); // also leaves node-cron's task registry
      }
    }
    return made;
  }

  function clock(timezone: string) {
    let c = clocks.get(timezone);
    if (!c) {
      c = wallClock(timezone);
      clocks.set(timezone, c);
    }
    return c;
  }

  /**
   * Whether a UTC day's offset in a zone holds all day (including across midnight UTC: a zone
   * changing right then can repeat wall-clock times across the two UTC days), with the offset
   * and the months at its two ends. Every schedule in the zone shares it, so a pass over ten
   * thousand schedules asks Intl four times per zone and day, not four times per schedule.
   */
  function dayShape(timezone: string, day: number): DayShape {
    const key = `${timezone} ${day}`;
    const known = days.get(key);
    if (known) return known;
    const wall = clock(timezone);
    const before = wall(day - MINUTE);
    const a = wall(day);
    const noon = wall(day + DAY / 2);
    const b = wall(day + DAY - MINUTE);
    const shape = {
      steady: before.offsetMs === a.offsetMs && a.offsetMs === noon.offsetMs && noon.offsetMs === b.offsetMs,
      offsetMs: a.offsetMs,
      firstMonth: a.month,
      lastMonth: b.month,
    };
    // Passes ask about today, next() about the days ahead: a bound keeps the map small.
    if (days.size >= DAY_SHAPES_KEPT) days.clear();
    days.set(key, shape);
    return shape;
  }

  /** Fire times in (after, until], oldest first, at most `limit`. */
  function scan(expression: string, timezone: string, after: number, until: number, limit: number): Date[] {
    const m = matcher(expression, timezone);
    const wall = clock(timezone);
    const found: Date[] = [];
    const first = Math.floor(after / MINUTE) * MINUTE + MINUTE;
    for (let day = Math.floor(first / DAY) * DAY; day <= until && found.length < limit; day += DAY) {
      const start = Math.max(day, first);
      const end = Math.min(day + DAY - MINUTE, until);
      const { steady, offsetMs, firstMonth, lastMonth } = dayShape(timezone, day);
      if (steady && !m.months.has(firstMonth) && !m.months.has(lastMonth)) continue;
      for (let t = start; t <= end && found.length < limit; t += MINUTE) {
        if (steady) {
          const local = new Date(t + offsetMs);
          if (
            !m.minutes.has(local.getUTCMinutes()) ||
            !m.hours.has(local.getUTCHours()) ||
            !m.months.has(local.getUTCMonth() + 1)
          ) {
            continue;
          }
        }
        if (!m.task.match(new Date(t))) continue;
        if (!steady && repeatsEarlierWallTime(wall, t)) continue;
        found.push(new Date(t));
      }
    }
    return found;
  }

  return {
    check(expression) {
      const trimmed = expression.trim();
      const count = trimmed ? trimmed.split(/\s+/).length : 0;
      if (count !== 5) return { ok: false, problems: [{ kind: 'field_count', count }] };
      const result = validateDetailed(trimmed);
      if (!result.valid || !result.fields) {
        const problems = result.errors.map((e): CronProblem => {
          if (/impossible/i.test(e.message)) return { kind: 'never_fires' };
          if (CRON_FIELDS.includes(e.field as CronField)) {
            return { kind: 'field', field: e.field as CronField, value: e.value ?? '' };
          }
          return { kind: 'syntax' }; // "illegal characters" is reported on the whole expression
        });
        return { ok: false, problems: problems.length ? problems : [{ kind: 'syntax' }] };
      }
      // Two minutes in the minute field means two posts within some hour.
      return {
        ok: true,
        moreOftenThanHourly: result.fields.minute.length > 1,
        bothDaysRestricted: result.fields.dayOfMonth.length < 31 && result.fields.dayOfWeek.length < 7,
      };
    },
    between: (expression, timezone, after, until) =>
      scan(expression, timezone, after.getTime(), until.getTime(), Number.POSITIVE_INFINITY),
    next: (expression, timezone, after, count) =>
      scan(expression, timezone, after.getTime(), after.getTime() + NEXT_HORIZON_MS, count),
  };
}

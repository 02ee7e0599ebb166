/**
 * Wall-clock time in a time zone, computed with Intl only (no zone database of our own), so
 * daylight-saving changes are the platform's. The one place that turns an instant into the
 * date and time people read on a clock in a zone.
 */
export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  second: number;
  /** How far the zone is ahead of UTC at that instant, in milliseconds. */
  offsetMs: number;
}

/**
 * Building an Intl formatter for a zone costs about as much as a small query (half a
 * millisecond), and every week computed needs one; so each zone's is built once and kept. A
 * deployment serves a handful of zones, and only valid ones get here (an invalid zone throws).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** A reader of wall-clock time in one zone (the cron calendar asks for every minute of a day). */
export function wallClock(timeZone: string): (instant: Date | number) => WallTime {
  const format = formatterFor(timeZone);
  return (instant) => {
    const t = typeof instant === 'number' ? instant : instant.getTime();
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(t)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const { year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0 } = parts;
    const offsetMs = Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(t / 1000) * 1000;
    return { year, month, day, hour, minute, second, offsetMs };
  };
}

const sameMinute = (a: WallTime, b: WallTime) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;

/**
 * True when the wall-clock minute at `t` already occurred up to two hours earlier: clocks went
 * back and this is its second occurrence (which node-cron's own runner does not fire on).
 */
export function repeatsEarlierWallTime(wall: (instant: number) => WallTime, t: number): boolean {
  const now = wall(t);
  return [30, 60, 120].some((minutes) => sameMinute(wall(t - minutes * 60_000), now));
}

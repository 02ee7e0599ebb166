import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  type Logger as CronLogger,
  createTask,
  parse,
  type RunCoordinator,
  type ScheduledTask,
  validateDetailed,
} from 'node-cron';
import type { Deps } from '../deps.js';
import type { CronCalendar, CronField, CronProblem } from '../domain/schedules/cron-calendar.js';
import type { ScheduleRunStore } from '../domain/schedules/schedule.js';
import type { Logger } from '../logger.js';
import type { Job } from './job.js';
import type { ScheduledPostsJob } from './scheduled-posts.js';

// The only file that imports node-cron. node-cron is the clock (it fires each schedule on
// time, in its zone); Postgres is the referee (a fire time is posted by the one replica
// whose claim row was inserted). See ARCHITECTURE.md, "Scheduled posts: exactly once".

const MINUTE = 60_000;
const DAY = 86_400_000;
/** `next()` gives up looking after this long: a valid expression fires within a few years. */
const NEXT_HORIZON_MS = 5 * 366 * DAY;
const CRON_FIELDS: readonly CronField[] = ['minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'];

interface Matcher {
  /** A node-cron task that is never started: its match() is node-cron's own matcher, in the zone. */
  task: ScheduledTask;
  minutes: Set<number>;
  hours: Set<number>;
  months: Set<number>;
}

interface WallTime {
  month: number;
  hour: number;
  minute: number;
  /** Local time minus UTC, in minutes. */
  offset: number;
  key: string;
}

function wallClock(timeZone: string): (t: number) => WallTime {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  return (t) => {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(t)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const { year = 0, month = 0, day = 0, hour = 0, minute = 0 } = parts;
    const offset = (Date.UTC(year, month - 1, day, hour, minute) - Math.floor(t / MINUTE) * MINUTE) / MINUTE;
    return { month, hour, minute, offset, key: `${year}-${month}-${day} ${hour}:${minute}` };
  };
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

  /** Fire times in (after, until], oldest first, at most `limit`. */
  function scan(expression: string, timezone: string, after: number, until: number, limit: number): Date[] {
    const m = matcher(expression, timezone);
    const wall = clock(timezone);
    const found: Date[] = [];
    const first = Math.floor(after / MINUTE) * MINUTE + MINUTE;
    for (let day = Math.floor(first / DAY) * DAY; day <= until && found.length < limit; day += DAY) {
      const start = Math.max(day, first);
      const end = Math.min(day + DAY - MINUTE, until);
      // A day is steady when its offset does not change, including at midnight UTC (a zone
      // changing right then can repeat wall-clock times across the two UTC days).
      const before = wall(day - MINUTE);
      const a = wall(day);
      const noon = wall(day + DAY / 2);
      const b = wall(day + DAY - MINUTE);
      const steady = before.offset === a.offset && a.offset === noon.offset && noon.offset === b.offset;
      if (steady && !m.months.has(a.month) && !m.months.has(b.month)) continue;
      for (let t = start; t <= end && found.length < limit; t += MINUTE) {
        if (steady) {
          const local = new Date(t + a.offset * MINUTE);
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
      return { ok: true, moreOftenThanHourly: result.fields.minute.length > 1 };
    },
    between: (expression, timezone, after, until) =>
      scan(expression, timezone, after.getTime(), until.getTime(), Number.POSITIVE_INFINITY),
    next: (expression, timezone, after, count) =>
      scan(expression, timezone, after.getTime(), after.getTime() + NEXT_HORIZON_MS, count),
  };
}

/** True when the wall-clock time at `t` already occurred up to two hours earlier (clocks went back). */
function repeatsEarlierWallTime(wall: (t: number) => WallTime, t: number): boolean {
  const key = wall(t).key;
  return [30, 60, 120].some((minutes) => wall(t - minutes * MINUTE).key === key);
}

const TASK_PREFIX = 'schedule-';

/** Names this process in claims (`schedule_runs.claimed_by`), so logs and rows say who posted. */
export function newReplicaId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** node-cron's coordination key is `<task name>:<fire time ISO>`. */
export function parseCoordinationKey(key: string): { scheduleId: number; fireAt: Date } | undefined {
  const match = /^schedule-(\d+):(.+)$/.exec(key);
  if (!match) return undefined;
  const fireAt = new Date(match[2] as string);
  return Number.isNaN(fireAt.getTime()) ? undefined : { scheduleId: Number(match[1]), fireAt };
}

/**
 * node-cron asks `shouldRun(key)` before each fire of a distributed task, on every replica.
 * The answer is a claim in Postgres: inserting the (schedule, fire time) row, which only one
 * replica can do. The row is kept (it records the outcome), so the lease node-cron proposes
 * (`ttlMs`) is not needed: a fire time is claimed once and for all.
 */
export function createPostgresRunCoordinator(options: {
  runs: ScheduleRunStore;
  replicaId: string;
  clock: () => Date;
  /** The task's zone. */
  timezone: string;
}): RunCoordinator {
  const wall = wallClock(options.timezone);
  return {
    async shouldRun(key) {
      const parsed = parseCoordinationKey(key);
      if (!parsed) return false;
      // When clocks go back, a wall time occurs twice: node-cron fires on the second one, the
      // sweep's calendar on the first. The first is the one: refusing the second keeps it to
      // one post (the sweep, at second 30, claims the first).
      if (repeatsEarlierWallTime(wall, parsed.fireAt.getTime())) return false;
      return options.runs.claim(parsed.scheduleId, parsed.fireAt, options.replicaId, options.clock());
    },
  };
}

function cronLogger(logger: Logger): CronLogger {
  const log = logger.child({ component: 'node-cron' });
  return {
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message, err) =>
      message instanceof Error ? log.error({ err: message }, message.message) : log.error({ err }, message),
    debug: (message, err) =>
      message instanceof Error ? log.debug({ err: message }, message.message) : log.debug({ err }, message),
  };
}

export interface Scheduler {
  readonly replicaId: string;
  /** Starts the clock: the minute sweep, one task per enabled schedule, and a first sweep now. */
  start(): void;
  /** Stops every task and waits (bounded) for posts in flight. */
  stop(drainMs?: number): Promise<void>;
  /** Reads the schedules again and (re)creates the tasks; the sweep does this every minute. */
  reload(): Promise<void>;
  /** One sweep: reload, then run every job once with the current time. */
  sweep(): Promise<void>;
  /** Ids of the schedules that have a running task on this replica. */
  activeScheduleIds(): number[];
}

/**
 * The clock of scheduled posts on one replica.
 *
 * - One node-cron task per enabled schedule (its zone, `noOverlap`, `distributed` with the
 *   Postgres coordinator): fires on time; the replica whose claim wins posts.
 * - A sweep at second 30 of every minute: reloads the schedules (so one added or removed on
 *   any replica takes effect on all within a minute), then runs the jobs with the current
 *   time: the catch-up of fire times missed while every replica was down, retries, abandoned
 *   claims. It runs once at start-up too. Second 30 keeps it out of the way of the
 *   on-the-minute fires it would otherwise race (harmlessly) for the same claims.
 */
export function createScheduler(
  deps: Deps,
  options: { postsJob: ScheduledPostsJob; jobs?: Job[]; sweepCron?: string },
): Scheduler {
  const { postsJob } = options;
  const jobs: Job[] = [postsJob, ...(options.jobs ?? [])];
  const replicaId = postsJob.replicaId;
  const logger = deps.logger.child({ component: 'scheduler', replicaId });
  const nodeCronLogger = cronLogger(deps.logger);
  const tasks = new Map<number, { signature: string; task: ScheduledTask }>();
  const inFlight = new Set<Promise<unknown>>();
  let sweepTask: ScheduledTask | undefined;
  let unsubscribe: (() => void) | undefined;
  let stopped = false;

  function track<T>(work: Promise<T>): Promise<T | undefined> {
    const guarded = work.catch((err) => {
      logger.error({ err }, 'scheduled work failed');
      return undefined;
    });
    inFlight.add(guarded);
    void guarded.finally(() => inFlight.delete(guarded));
    return guarded;
  }

  function startTask(id: number, cron: string, timezone: string): ScheduledTask {
    const task = createTask(
      cron,
      async (context) => {
        if (stopped) return;
        await track(postsJob.runClaimed(deps, id, context.date, deps.clock()));
      },
      {
        name: `${TASK_PREFIX}${id}`,
        timezone,
        noOverlap: true,
        distributed: true,
        runCoordinator: createPostgresRunCoordinator({
          runs: deps.scheduleRuns,
          replicaId,
          clock: deps.clock,
          timezone,
        }),
        logger: nodeCronLogger,
      },
    );
    // A fire missed by this process (a blocked event loop) is the sweep's to catch up.
    task.on('execution:missed', (context) =>
      logger.debug({ scheduleId: id, fireAt: context.date }, 'fire missed; the sweep will catch up'),
    );
    task.start();
    return task;
  }

  let reloading: Promise<void> = Promise.resolve();

  /**
   * Reloads take turns: a reload that read the schedules before a change must not finish after
   * one that read them after it (it would drop the new schedule's task until the next sweep).
   */
  function reload(): Promise<void> {
    const next = reloading.then(reloadNow, reloadNow);
    reloading = next.catch(() => {});
    return next;
  }

  async function reloadNow() {
    if (stopped) return;
    const enabled = await deps.schedules.listEnabled();
    const wanted = new Map(enabled.map((s) => [s.id, s]));
    for (const [id, entry] of tasks) {
      const schedule = wanted.get(id);
      if (!schedule || entry.signature !== `${schedule.cron}|${schedule.timezone}`) {
        entry.task.destroy();
        tasks.delete(id);
      }
    }
    for (const schedule of enabled) {
      if (stopped || tasks.has(schedule.id)) continue;
      try {
        tasks.set(schedule.id, {
          signature: `${schedule.cron}|${schedule.timezone}`,
          task: startTask(schedule.id, schedule.cron, schedule.timezone),
        });
      } catch (err) {
        logger.error({ err, scheduleId: schedule.id }, 'could not start the task of a schedule');
      }
    }
  }

  async function sweep() {
    if (stopped) return;
    try {
      await reload();
    } catch (err) {
      logger.error({ err }, 'reloading schedules failed');
    }
    for (const job of jobs) {
      if (stopped) return;
      try {
        await job.run(deps, deps.clock());
      } catch (err) {
        logger.error({ err, job: job.name }, 'job failed');
      }
    }
  }

  return {
    replicaId,
    start() {
      if (sweepTask || stopped) return;
      sweepTask = createTask(options.sweepCron ?? '30 * * * * *', () => track(sweep()), {
        name: 'culture-sweep',
        noOverlap: true,
        logger: nodeCronLogger,
      });
      sweepTask.on('execution:missed', () => logger.debug('sweep missed; the next one catches up'));
      sweepTask.start();
      // A schedule made through this replica fires here on time, even before the next sweep.
      unsubscribe = deps.schedules.onChange(() => void track(reload()));
      void track(sweep()); // start-up catch-up, without holding up the start
      logger.info('scheduler started');
    },
    async stop(drainMs = 5_000) {
      stopped = true;
      unsubscribe?.();
      sweepTask?.destroy();
      for (const { task } of tasks.values()) task.destroy();
      tasks.clear();
      const deadline = new Promise((resolve) => setTimeout(resolve, drainMs).unref());
      await Promise.race([Promise.allSettled([...inFlight]), deadline]);
      if (inFlight.size > 0)
        logger.warn({ inFlight: inFlight.size }, 'stopped with scheduled posts in flight');
    },
    reload,
    sweep: () => track(sweep()).then(() => undefined),
    activeScheduleIds: () => [...tasks.keys()].sort((a, b) => a - b),
  };
}

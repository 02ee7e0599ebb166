import { type Logger as CronLogger, createTask, type ScheduledTask } from 'node-cron';
import type { Deps } from '../../deps.js';
import type { Logger } from '../../logger.js';
import type { Job } from '../job.js';
import type { ScheduledPostsJob } from '../scheduled-posts.js';
import { createPostgresRunCoordinator, TASK_PREFIX } from './run-coordinator.js';

// This folder is the only code that imports node-cron. node-cron is the clock (it fires each
// schedule on time, in its zone); Postgres is the referee (a fire time is posted by the one
// replica whose claim row was inserted): see run-coordinator.ts.

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
 * How long after its start a replica begins sweeping. The first requests to a replica just
 * started (a health check, Slack's retries of what came in while it was down) are answered
 * before its start-up catch-up, and before node-cron's first time-zone arithmetic, which costs
 * a cold process some 50 ms.
 */
const START_UP_SWEEP_DELAY_MS = 1_000;

/**
 * The clock of scheduled posts on one replica.
 *
 * - One node-cron task per enabled schedule (its zone, `noOverlap`, `distributed` with the
 *   Postgres coordinator): fires on time; the replica whose claim wins posts.
 * - A sweep at second 30 of every minute: reloads the schedules (so one added or removed on
 *   any replica takes effect on all within a minute), then runs the jobs with the current
 *   time: the catch-up of fire times missed while every replica was down, retries, abandoned
 *   claims. It also runs once a second after start-up. Second 30 keeps it out of the way of the
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
  let started = false;
  let startUpTimer: NodeJS.Timeout | undefined;
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

  function startSweeps() {
    if (stopped) return;
    sweepTask = createTask(options.sweepCron ?? '30 * * * * *', () => track(sweep()), {
      name: 'culture-sweep',
      noOverlap: true,
      logger: nodeCronLogger,
    });
    sweepTask.on('execution:missed', () => logger.debug('sweep missed; the next one catches up'));
    sweepTask.start();
    void track(sweep()); // the start-up catch-up
  }

  return {
    replicaId,
    start() {
      if (started || stopped) return;
      started = true;
      // A schedule made through this replica fires here on time, even before the next sweep.
      unsubscribe = deps.schedules.onChange(() => void track(reload()));
      startUpTimer = setTimeout(startSweeps, START_UP_SWEEP_DELAY_MS);
      startUpTimer.unref();
      logger.info('scheduler started');
    },
    async stop(drainMs = 5_000) {
      stopped = true;
      clearTimeout(startUpTimer);
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

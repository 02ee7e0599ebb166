import type { Deps } from '../deps.js';
import {
  abandonedBefore,
  afterFailure,
  catchUpWindow,
  planCatchUp,
  scanStart,
} from '../domain/schedules/run-policy.js';
import type { Schedule, ScheduleRun } from '../domain/schedules/schedule.js';
import { notifyScheduleFailing } from '../slack/posts/notices.js';
import { postScheduled } from '../slack/posts/scheduled-kinds.js';
import { classifySlackFailure, withChannelAccess } from '../slack/slack-failures.js';
import type { Job } from './job.js';

const TAKEOVER_BATCH = 20;

export type RunOutcome = 'posted' | 'retrying' | 'failed' | 'skipped';

export interface RunSummary {
  posted: number;
  retrying: number;
  failed: number;
  skipped: number;
  /** Fire times another replica claimed first. */
  lost: number;
}

export interface ScheduledPostsJob extends Job {
  readonly name: 'scheduled-posts';
  readonly replicaId: string;
  /**
   * One pass: for every enabled schedule, the fire times due up to `now` since its last
   * recorded one. The latest is claimed and posted; older ones are recorded as skipped
   * (missed beyond the catch-up window, or superseded by the latest: a channel gets one
   * catch-up post, not a burst). Then due retries and abandoned claims are taken over.
   */
  run(deps: Deps, now: Date): Promise<RunSummary>;
  /** Posts a fire time this replica already claimed (through node-cron's run coordinator). */
  runClaimed(deps: Deps, scheduleId: number, fireAt: Date, now: Date): Promise<RunOutcome | undefined>;
}

export function createScheduledPostsJob(options: { replicaId: string }): ScheduledPostsJob {
  const { replicaId } = options;
  /**
   * Per schedule (and expression), the `now` of the last pass that handled it. Only saves
   * work: fire times up to it were claimed or recorded already. Correctness lives in Postgres.
   */
  const scannedUpTo = new Map<string, number>();

  async function execute(deps: Deps, run: ScheduleRun, now: Date): Promise<RunOutcome | undefined> {
    const log = deps.logger.child({ scheduleId: run.scheduleId, fireAt: run.fireAt.toISOString() });
    const schedule = await deps.schedules.get(run.scheduleId);
    if (!schedule) return undefined; // removed meanwhile: its runs went with it
    if (await deps.scheduleRuns.hasLaterPost(schedule.id, run.fireAt)) {
      // A retry or an abandoned claim overtaken by a later post: posting it now would be stale.
      await deps.scheduleRuns.markSkipped(run, replicaId, { error: 'superseded', now });
      return 'skipped';
    }
    const attempts = run.attempts + 1;
    let messageTs: string;
    try {
      ({ messageTs } = await withChannelAccess(deps.slack, schedule.channelId, () =>
        postScheduled(deps, {
          teamId: schedule.teamId,
          scheduleId: schedule.id,
          kind: schedule.kind,
          channelId: schedule.channelId,
          options: schedule.options,
          timezone: schedule.timezone,
          fireAt: run.fireAt,
          createdBy: schedule.createdBy,
        }),
      ));
    } catch (err) {
      return recordFailure(deps, schedule, run, attempts, err, now);
    }
    // Posted: from here on no failure may lead to a retry, which would post a second time.
    try {
      const recorded = await deps.scheduleRuns.markPosted(run, replicaId, { messageTs, attempts, now });
      if (!recorded) log.warn('posted, but the run was taken over meanwhile');
      if (schedule.failing) await deps.schedules.clearFailing(schedule.id, now);
    } catch (err) {
      log.error({ err, messageTs }, 'posted, but recording the outcome failed');
    }
    log.info({ messageTs, attempts }, 'scheduled post delivered');
    return 'posted';
  }

  async function recordFailure(
    deps: Deps,
    schedule: Schedule,
    run: ScheduleRun,
    attempts: number,
    err: unknown,
    now: Date,
  ): Promise<RunOutcome> {
    const failure = classifySlackFailure(err);
    const context = {
      err,
      scheduleId: schedule.id,
      fireAt: run.fireAt.toISOString(),
      code: failure.code,
      attempts,
    };
    const decision = afterFailure(failure, attempts, now);
    if (decision.retry) {
      const { nextAttemptAt } = decision;
      await deps.scheduleRuns.markRetrying(run, replicaId, {
        attempts,
        nextAttemptAt,
        error: failure.code,
        now,
      });
      deps.logger.warn({ ...context, nextAttemptAt }, 'scheduled post failed; will retry');
      return 'retrying';
    }
    await deps.scheduleRuns.markFailed(run, replicaId, { attempts, error: failure.code, now });
    deps.logger.error(context, 'scheduled post failed for good');
    // Only the replica that flips the flag tells the creator: one DM per failing spell.
    if (await deps.schedules.markFailing(schedule.id, now))
      await notifyScheduleFailing(deps, schedule, failure.code);
    return 'failed';
  }

  function count(summary: RunSummary, outcome: RunOutcome | undefined) {
    if (outcome) summary[outcome] += 1;
  }

  return {
    name: 'scheduled-posts',
    replicaId,

    async run(deps, now) {
      const summary: RunSummary = { posted: 0, retrying: 0, failed: 0, skipped: 0, lost: 0 };
      const window = catchUpWindow(now, deps.config.catchUpHours);
      // A schedule made between the two reads has no runs yet: it is scanned from its creation.
      const [list, latest] = await Promise.all([
        deps.schedules.listEnabled(),
        deps.scheduleRuns.latestFireTimesOfEnabled(),
      ]);
      const seen = new Set<string>();

      for (const schedule of list) {
        const key = `${schedule.id}|${schedule.cron}|${schedule.timezone}`;
        seen.add(key);
        try {
          const from = scanStart({
            createdAt: schedule.createdAt,
            latestRecorded: latest.get(schedule.id),
            window,
            scannedUpTo: scannedUpTo.get(key),
            now,
          });
          const fires =
            from < now.getTime()
              ? deps.cron.between(schedule.cron, schedule.timezone, new Date(from), now)
              : [];
          if (fires.length > 0) {
            const { due, beyondWindow, superseded } = planCatchUp(fires, window);
            await deps.scheduleRuns.recordSkipped(
              schedule.id,
              beyondWindow,
              'missed_beyond_catch_up_window',
              now,
            );
            await deps.scheduleRuns.recordSkipped(schedule.id, superseded, 'superseded', now);
            const skipped = beyondWindow.length + superseded.length;
            summary.skipped += skipped;
            if (skipped > 0) {
              deps.logger.info(
                { scheduleId: schedule.id, skipped, catchUp: due?.toISOString() },
                'missed fire times recorded as skipped',
              );
            }
            if (due) {
              if (await deps.scheduleRuns.claim(schedule.id, due, replicaId, now)) {
                const run = await deps.scheduleRuns.findClaimed(schedule.id, due, replicaId);
                if (run) count(summary, await execute(deps, run, now));
              } else {
                summary.lost += 1;
              }
            }
          }
          scannedUpTo.set(key, now.getTime());
        } catch (err) {
          deps.logger.error({ err, scheduleId: schedule.id }, 'scheduled posts pass failed for a schedule');
        }
      }
      for (const key of scannedUpTo.keys()) if (!seen.has(key)) scannedUpTo.delete(key);

      const taken = await deps.scheduleRuns.takeOverDue(replicaId, now, abandonedBefore(now), TAKEOVER_BATCH);
      for (const run of taken) {
        try {
          count(summary, await execute(deps, run, now));
        } catch (err) {
          deps.logger.error({ err, runId: run.id }, 'retrying a scheduled post failed');
        }
      }
      return summary;
    },

    async runClaimed(deps, scheduleId, fireAt, now) {
      const run = await deps.scheduleRuns.findClaimed(scheduleId, fireAt, replicaId);
      if (!run) return undefined;
      return execute(deps, run, now);
    },
  };
}

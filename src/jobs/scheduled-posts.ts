import type { Deps } from '../deps.js';
import type { Schedule, ScheduleKind, ScheduleRun } from '../domain/schedules/schedule.js';
import { notifyScheduleFailing } from '../slack/schedule-notices.js';
import { classifySlackFailure, withChannelAccess } from '../slack/slack-failures.js';
import type { Job } from './job.js';
import { scheduledKinds } from './scheduled-kinds.js';
import type { ScheduledKindHandler } from './scheduled-run.js';

/** A post that keeps failing for a transient reason is tried this many times in all. */
export const MAX_ATTEMPTS = 5;
/** Wait before attempt n+1 (minutes), unless Slack asked for longer with Retry-After. */
const RETRY_DELAYS_MIN = [1, 2, 4, 8];
/**
 * A claim without an outcome after this long belongs to a replica that died mid-post: another
 * replica takes it over. Long enough that a live replica waiting out rate limits keeps its claim.
 */
export const CLAIM_LEASE_MS = 10 * 60_000;
/** How far before the catch-up window fire times are still looked at (to record them as skipped). */
const LOOKBACK_BEYOND_WINDOW_MS = 24 * 3_600_000;
/** A long outage of a frequent schedule records its newest skipped fire times only. */
const SKIPPED_RECORD_MAX = 50;
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

export function createScheduledPostsJob(options: {
  replicaId: string;
  kinds?: () => Partial<Record<ScheduleKind, ScheduledKindHandler>>;
}): ScheduledPostsJob {
  const { replicaId } = options;
  const kinds = options.kinds ?? scheduledKinds;
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
    const handler = kinds()[schedule.kind];
    if (!handler) {
      await deps.scheduleRuns.markFailed(run, replicaId, { attempts, error: 'kind_unavailable', now });
      log.warn({ kind: schedule.kind }, 'no handler for this schedule kind');
      return 'failed';
    }
    let messageTs: string;
    try {
      ({ messageTs } = await withChannelAccess(deps.slack, schedule.channelId, () =>
        handler(deps, {
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
    if (failure.retryable && attempts < MAX_ATTEMPTS) {
      const backoffMs = (RETRY_DELAYS_MIN[attempts - 1] ?? 15) * 60_000;
      const retryAfterMs = failure.retryable && failure.retryAfterSec ? failure.retryAfterSec * 1000 : 0;
      const nextAttemptAt = new Date(now.getTime() + Math.max(backoffMs, retryAfterMs));
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
      const windowStart = now.getTime() - deps.config.catchUpHours * 3_600_000;
      const lookbackStart = windowStart - LOOKBACK_BEYOND_WINDOW_MS;
      const list = await deps.schedules.listEnabled();
      const latest = await deps.scheduleRuns.latestFireTimes(list.map((s) => s.id));
      const seen = new Set<string>();

      for (const schedule of list) {
        const key = `${schedule.id}|${schedule.cron}|${schedule.timezone}`;
        seen.add(key);
        try {
          let from = Math.max(
            schedule.createdAt.getTime(),
            latest.get(schedule.id)?.getTime() ?? 0,
            lookbackStart,
          );
          const scanned = scannedUpTo.get(key);
          if (scanned !== undefined && scanned <= now.getTime()) from = Math.max(from, scanned);
          const fires =
            from < now.getTime()
              ? deps.cron.between(schedule.cron, schedule.timezone, new Date(from), now)
              : [];
          const last = fires.at(-1);
          if (last) {
            const due = last.getTime() >= windowStart ? last : undefined;
            const older = due ? fires.slice(0, -1) : fires;
            const beyond = older.filter((f) => f.getTime() < windowStart).slice(-SKIPPED_RECORD_MAX);
            const superseded = older.filter((f) => f.getTime() >= windowStart).slice(-SKIPPED_RECORD_MAX);
            await deps.scheduleRuns.recordSkipped(schedule.id, beyond, 'missed_beyond_catch_up_window', now);
            await deps.scheduleRuns.recordSkipped(schedule.id, superseded, 'superseded', now);
            summary.skipped += beyond.length + superseded.length;
            if (beyond.length + superseded.length > 0) {
              deps.logger.info(
                {
                  scheduleId: schedule.id,
                  skipped: beyond.length + superseded.length,
                  catchUp: due?.toISOString(),
                },
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

      const staleBefore = new Date(now.getTime() - CLAIM_LEASE_MS);
      const taken = await deps.scheduleRuns.takeOverDue(replicaId, now, staleBefore, TAKEOVER_BATCH);
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

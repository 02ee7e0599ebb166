import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { RunCoordinator } from 'node-cron';
import type { ScheduleRunStore } from '../../domain/schedules/schedule.js';
import { repeatsEarlierWallTime, wallClock } from '../../domain/wall-clock.js';

/** node-cron task names of schedules; the coordination key starts with it. */
export const TASK_PREFIX = 'schedule-';

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

import type { Deps } from '../deps.js';
import type { ScheduleKind } from '../domain/schedules/schedule.js';

/** One claimed fire time of a schedule, handed to the kind that knows what to post. */
export interface ScheduledRun {
  teamId: string;
  scheduleId: number;
  kind: ScheduleKind;
  channelId: string;
  /** The schedule's stored options (validated by the kind itself). */
  options: unknown;
  timezone: string;
  fireAt: Date;
  createdBy: string;
}

/**
 * Posts what a schedule of one kind posts, and returns the message's ts. Throws on failure
 * (Slack errors keep their `data.error` code): the engine records, retries or gives up.
 */
export type ScheduledKindHandler = (deps: Deps, run: ScheduledRun) => Promise<{ messageTs: string }>;

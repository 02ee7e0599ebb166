import type { z } from 'zod';
import type { Deps } from '../../deps.js';
import type { ScheduleKind } from '../../domain/schedules/schedule.js';

/** One claimed fire time of a schedule, handed to the kind that knows what to post. */
export interface ScheduledRun {
  teamId: string;
  scheduleId: number;
  kind: ScheduleKind;
  channelId: string;
  /** The schedule's stored options, as stored (each kind validates them with its schema). */
  options: unknown;
  timezone: string;
  fireAt: Date;
  createdBy: string;
}

/**
 * A kind of scheduled post: what its schedule may store, and how it posts. `post` returns the
 * message's ts and throws on failure (Slack errors keep their `data.error` code): the engine
 * records, retries or gives up.
 */
export interface ScheduledPostKind<Options> {
  /** Validates stored options; a row that does not pass falls back to `parse({})` (the defaults). */
  readonly options: z.ZodType<Options>;
  post(deps: Deps, run: ScheduledRun, options: Options): Promise<{ messageTs: string }>;
}

import type { Deps } from '../deps.js';
import type { ScheduleKind } from '../domain/schedules/schedule.js';
import { postMantra } from '../slack/mantra-post.js';
import { postScheduledDigest } from './scheduled-digest.js';
import { startScheduledPulse } from './scheduled-pulse.js';

export type { ScheduleKind };

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

/**
 * The kinds the engine can run. A kind that is missing here is refused by `/culture schedule`
 * with a clear "not available yet" rather than scheduled to do nothing.
 */
export function scheduledKinds(): Partial<Record<ScheduleKind, ScheduledKindHandler>> {
  return {
    // The story window ends at the fire time, so a catch-up post tells what was true then.
    mantra: (deps, run) =>
      postMantra(deps, {
        teamId: run.teamId,
        channelId: run.channelId,
        reference: run.fireAt,
        now: deps.clock(),
      }),
    pulse: startScheduledPulse,
    digest: postScheduledDigest,
  };
}

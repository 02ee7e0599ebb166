import type { ScheduleKind } from '../domain/schedules/schedule.js';
import { postMantra } from '../slack/mantra-post.js';
import { postScheduledDigest } from './scheduled-digest.js';
import { startScheduledPulse } from './scheduled-pulse.js';
import type { ScheduledKindHandler } from './scheduled-run.js';

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

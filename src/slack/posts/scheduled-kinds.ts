import type { Deps } from '../../deps.js';
import type { ScheduleKind } from '../../domain/schedules/schedule.js';
import { digestPost } from './digest.js';
import { mantraPost } from './mantra.js';
import { pulsePost } from './pulse.js';
import type { ScheduledPostKind, ScheduledRun } from './scheduled-post.js';

/**
 * Every kind of scheduled post, by the kind `/culture schedule` names. The engine (src/jobs)
 * only knows this table: a new kind is one module in this folder and one line here, and the
 * compiler refuses a kind of the domain's list that has no line.
 */
export const scheduledPostKinds: Record<ScheduleKind, ScheduledPostKind<unknown>> = {
  mantra: mantraPost,
  digest: digestPost,
  pulse: pulsePost,
};

/** Posts one claimed fire time with its kind, its stored options validated (bad ones: the defaults). */
export function postScheduled(deps: Deps, run: ScheduledRun): Promise<{ messageTs: string }> {
  const kind = scheduledPostKinds[run.kind];
  const parsed = kind.options.safeParse(run.options ?? {});
  if (!parsed.success) {
    deps.logger.warn(
      { scheduleId: run.scheduleId, kind: run.kind, issues: parsed.error.issues },
      'bad schedule options; using the defaults',
    );
  }
  return kind.post(deps, run, parsed.success ? parsed.data : kind.options.parse({}));
}

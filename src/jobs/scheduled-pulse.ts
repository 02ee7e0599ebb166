import { z } from 'zod';
import { DEFAULT_PULSE_DAYS, MAX_PULSE_DAYS } from '../domain/pulse/pulse.js';
import { createPulsePublisher } from '../slack/pulse-publisher.js';
import type { ScheduledKindHandler } from './scheduled-run.js';

/** What a recurring pulse schedule may store: anonymous by default, three days by default. */
export const scheduledPulseOptions = z
  .object({
    anonymous: z.boolean().default(true),
    named: z.boolean().optional(),
    days: z.number().int().min(1).max(MAX_PULSE_DAYS).default(DEFAULT_PULSE_DAYS),
  })
  .transform(({ anonymous, named, days }) => ({ anonymous: named === undefined ? anonymous : !named, days }));

/**
 * The `pulse` kind of `/culture schedule`: starts a pulse in the schedule's channel, as if its
 * creator had typed `/pulse start`. When a pulse is still open there, nothing new is posted and
 * the open card's ts is returned: a retry of the same fire time (the card was posted but the
 * outcome not recorded) lands here too, so the handler is idempotent.
 */
export const startScheduledPulse: ScheduledKindHandler = async (deps, run) => {
  const parsed = scheduledPulseOptions.safeParse(run.options ?? {});
  if (!parsed.success) {
    deps.logger.warn(
      { scheduleId: run.scheduleId, issues: parsed.error.issues },
      'bad pulse schedule options; using defaults',
    );
  }
  const options = parsed.success ? parsed.data : { anonymous: true, days: DEFAULT_PULSE_DAYS };
  const started = await createPulsePublisher(deps).start({
    teamId: run.teamId,
    channelId: run.channelId,
    userId: run.createdBy,
    anonymous: options.anonymous,
    days: options.days,
    now: deps.clock(),
    scheduleId: run.scheduleId,
  });
  if (started.ok && started.pulse.messageTs) return { messageTs: started.pulse.messageTs };
  if (!started.ok && started.reason === 'already_open' && started.open.messageTs) {
    deps.logger.info(
      { scheduleId: run.scheduleId, pulseId: started.open.id },
      'a pulse is still open in the channel; the recurring one waits for the next time',
    );
    return { messageTs: started.open.messageTs };
  }
  if (!started.ok && started.reason === 'cannot_post') throw started.cause;
  throw new Error(`recurring pulse could not start: ${started.ok ? 'no message ts' : started.reason}`);
};

import type { Deps } from '../deps.js';
import type { Pulse } from '../domain/pulse/pulse.js';
import { createPulsePublisher } from '../slack/posts/pulse.js';
import type { Job } from './job.js';

export interface PulseDeadlinesSummary {
  closed: number;
  reminded: number;
  republished: number;
  failed: number;
}

/**
 * Once a minute: closes the pulses past their deadline and posts their results, posts the
 * reminders due (a day before closing, to the channel), and retries results posts that failed
 * or whose replica died. Each pulse is claimed by a conditional UPDATE first (`status = 'open'`,
 * `reminded_at is null`, a stale results claim), so running the job twice, or on two replicas
 * at once, closes and reminds once.
 */
export const pulseDeadlinesJob = {
  name: 'pulse-deadlines',
  async run(deps: Deps, now: Date): Promise<PulseDeadlinesSummary> {
    const publisher = createPulsePublisher(deps);
    const summary: PulseDeadlinesSummary = { closed: 0, reminded: 0, republished: 0, failed: 0 };

    const publish = async (pulse: Pulse, counter: 'closed' | 'republished') => {
      try {
        await publisher.publishResults(pulse);
        summary[counter] += 1;
      } catch (err) {
        // The claim is left to go stale: a later pass tries again, a few times at most.
        summary.failed += 1;
        deps.logger.error({ err, teamId: pulse.teamId, pulseId: pulse.id }, 'posting pulse results failed');
      }
    };

    for (const pulse of await deps.pulses.claimDueClosings(now)) await publish(pulse, 'closed');
    for (const pulse of await deps.pulses.claimUnpublishedResults(now)) await publish(pulse, 'republished');

    // After the closings: a pulse that is both due to close and to be reminded only closes.
    for (const pulse of await deps.pulses.claimDueReminders(now)) {
      try {
        await publisher.remind(pulse);
        summary.reminded += 1;
      } catch (err) {
        // A reminder is not worth a second attempt a minute later: it is logged and dropped.
        summary.failed += 1;
        deps.logger.warn(
          { err, teamId: pulse.teamId, pulseId: pulse.id },
          'posting the pulse reminder failed',
        );
      }
    }
    return summary;
  },
} satisfies Job;

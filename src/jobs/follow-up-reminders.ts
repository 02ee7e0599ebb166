import type { Deps } from '../deps.js';
import { messages } from '../i18n/index.js';
import { buildFollowUpReminder } from '../slack/blocks/follow-up.js';
import type { Job } from './job.js';

export interface FollowUpRemindersSummary {
  sent: number;
  failed: number;
}

/**
 * Once a minute: sends the follow-up reminders that are due (see `domain/follow-up`). Each
 * round of each complaint is claimed first by an insert into `follow_up_reminders`; only the
 * pass whose insert wins sends it, so two replicas (or two passes in the same minute) never send
 * a reminder twice. A DM that fails gives its claim back, to be tried on a later pass.
 */
export function createFollowUpRemindersJob(options: { replicaId: string }) {
  return {
    name: 'follow-up-reminders',
    async run(deps: Deps, now: Date): Promise<FollowUpRemindersSummary> {
      const summary: FollowUpRemindersSummary = { sent: 0, failed: 0 };
      for (const reminder of await deps.followUps.dueReminders(now)) {
        const { teamId, momentId, ownerId } = reminder.complaint;
        if (!(await deps.followUps.claim(reminder, options.replicaId, now))) continue;
        try {
          // Read after the claim: a lesson added in the meantime leaves nothing to remind of.
          const moment = await deps.moments.get(teamId, momentId);
          if (!moment || moment.followedUpAt) {
            await deps.followUps.markSent(reminder, now);
            continue;
          }
          const m = messages(await deps.languages.forUser(teamId, ownerId));
          // chat.postMessage to a user id opens (or reuses) the app's DM with that person.
          await deps.slack.chat.postMessage({
            channel: ownerId,
            ...buildFollowUpReminder(m, moment, reminder.round),
          });
          await deps.followUps.markSent(reminder, now);
          summary.sent += 1;
        } catch (err) {
          summary.failed += 1;
          deps.logger.warn({ err, teamId, momentId, round: reminder.round }, 'follow-up reminder not sent');
          await deps.followUps.release(reminder).catch(() => {});
        }
      }
      return summary;
    },
  } satisfies Job;
}

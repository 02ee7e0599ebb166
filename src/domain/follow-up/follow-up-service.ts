import type { PeopleDirectory } from '../people.js';
import type { WorkspaceService } from '../workspace/workspace-service.js';
import {
  dueRound,
  type FollowUpDelay,
  isDaytimeOnWorkday,
  type OpenComplaint,
  type ReminderRound,
} from './follow-up.js';

/** Where the follow-up loop keeps its claims; the Postgres repository implements it. */
export interface FollowUpStore {
  /**
   * Complaints created in `[since, before]` that are not followed up, have an owner and have not
   * had their second reminder claimed; oldest first, at most `limit`.
   */
  openComplaints(since: Date, before: Date, limit: number): Promise<OpenComplaint[]>;
  /** Claims one round of one complaint; false when another pass or replica has it already. */
  claim(input: {
    teamId: string;
    momentId: string;
    round: ReminderRound;
    ownerId: string;
    claimedBy: string;
    now: Date;
  }): Promise<boolean>;
  markSent(momentId: string, round: ReminderRound, now: Date): Promise<void>;
  /** Gives a claim back (its DM could not be sent) so a later pass tries again. */
  release(momentId: string, round: ReminderRound): Promise<void>;
}

export interface DueReminder {
  complaint: OpenComplaint;
  round: ReminderRound;
}

/** Complaints are looked at for this long: an old backlog is not dug up all at once. */
export const FOLLOW_UP_LOOKBACK_MS = 45 * 86_400_000;
/** A delay of at least one working day means nothing younger than a day can be due. */
const YOUNGEST_DUE_MS = 86_400_000;
const CANDIDATES_PER_PASS = 500;

export function createFollowUpService(
  store: FollowUpStore,
  workspaces: Pick<WorkspaceService, 'get'>,
  people: PeopleDirectory,
) {
  return {
    /**
     * The reminders due at `now`: the workspace's delay has passed (or a week since the first
     * reminder), reminders are on, and it is daytime on a working day in the owner's own zone
     * (the workspace's when Slack gives none). Nothing goes to someone who has left or is a bot.
     */
    async dueReminders(now: Date): Promise<DueReminder[]> {
      const candidates = await store.openComplaints(
        new Date(now.getTime() - FOLLOW_UP_LOOKBACK_MS),
        new Date(now.getTime() - YOUNGEST_DUE_MS),
        CANDIDATES_PER_PASS,
      );
      const settings = new Map<string, Promise<{ delay: FollowUpDelay; zone: string }>>();
      const settingsOf = (teamId: string) => {
        let found = settings.get(teamId);
        if (!found) {
          found = workspaces
            .get(teamId)
            .then((w) => ({ delay: w.settings.followUpDelayDays, zone: w.timezone }));
          settings.set(teamId, found);
        }
        return found;
      };
      const due: DueReminder[] = [];
      for (const complaint of candidates) {
        const { delay, zone } = await settingsOf(complaint.teamId);
        const round = dueRound(complaint, delay, zone, now);
        if (!round) continue;
        const owner = await people.lookup(complaint.teamId, complaint.ownerId);
        if (!owner || owner.deleted || owner.isBot) continue;
        if (!isDaytimeOnWorkday(now, owner.timezone ?? zone)) continue;
        due.push({ complaint, round });
      }
      return due;
    },

    claim: (reminder: DueReminder, claimedBy: string, now: Date) =>
      store.claim({
        teamId: reminder.complaint.teamId,
        momentId: reminder.complaint.momentId,
        round: reminder.round,
        ownerId: reminder.complaint.ownerId,
        claimedBy,
        now,
      }),
    markSent: (reminder: DueReminder, now: Date) =>
      store.markSent(reminder.complaint.momentId, reminder.round, now),
    release: (reminder: DueReminder) => store.release(reminder.complaint.momentId, reminder.round),
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;

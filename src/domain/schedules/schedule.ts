/** What a schedule can post. Each kind posts through its module in slack/posts/ (see scheduled-kinds.ts there). */
export const SCHEDULE_KINDS = ['mantra', 'digest', 'pulse'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export interface Schedule {
  id: number;
  teamId: string;
  kind: ScheduleKind;
  channelId: string;
  cron: string;
  timezone: string;
  options: unknown;
  enabled: boolean;
  /** The last run failed for good; the creator has been told. Cleared by the next success. */
  failing: boolean;
  createdBy: string;
  createdAt: Date;
}

export type RunStatus = 'claimed' | 'posted' | 'failed' | 'retrying' | 'skipped';

/** One fire time of a schedule, claimed by one replica, and what became of it. */
export interface ScheduleRun {
  id: number;
  teamId: string;
  scheduleId: number;
  fireAt: Date;
  status: RunStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  messageTs: string | null;
  error: string | null;
  claimedBy: string | null;
  updatedAt: Date;
}

/** Schedules as rows (the repository implements it). */
export interface ScheduleStore {
  create(input: {
    teamId: string;
    kind: ScheduleKind;
    channelId: string;
    cron: string;
    timezone: string;
    createdBy: string;
    now: Date;
    options?: Record<string, unknown>;
  }): Promise<Schedule>;
  get(id: number): Promise<Schedule | undefined>;
  /** A team's schedules with their latest run, oldest schedule first. */
  listForTeam(teamId: string): Promise<{ schedule: Schedule; lastRun: ScheduleRun | undefined }[]>;
  /** Every enabled schedule of every team: what the engine runs. */
  listEnabled(): Promise<Schedule[]>;
  remove(teamId: string, id: number): Promise<Schedule | undefined>;
  /** Sets `failing`; true when the flag actually changed (so only one replica tells the creator). */
  setFailing(id: number, failing: boolean, now: Date): Promise<boolean>;
}

/**
 * The referee between replicas: a fire time belongs to the replica whose claim inserted its
 * row; every later write checks that the row is still that replica's.
 */
export interface ScheduleRunStore {
  /** The newest recorded fire time (any outcome) of each enabled schedule of an installed workspace. */
  latestFireTimesOfEnabled(): Promise<Map<number, Date>>;
  /** Inserts the (schedule, fire time) row; true only for the one caller whose insert won. */
  claim(scheduleId: number, fireAt: Date, claimedBy: string, now: Date): Promise<boolean>;
  /** Records fire times nobody will post (missed beyond the catch-up window, or superseded). */
  recordSkipped(scheduleId: number, fireTimes: Date[], reason: string, now: Date): Promise<void>;
  /** The run this replica claimed for a fire time, if it still holds it. */
  findClaimed(scheduleId: number, fireAt: Date, claimedBy: string): Promise<ScheduleRun | undefined>;
  /**
   * Takes over runs whose retry is due, and claims abandoned by a replica that died before
   * recording an outcome (older than `staleBefore`). Each row goes to one replica only.
   */
  takeOverDue(claimedBy: string, now: Date, staleBefore: Date, limit: number): Promise<ScheduleRun[]>;
  /** True when a later fire time of the schedule was already posted. */
  hasLaterPost(scheduleId: number, fireAt: Date): Promise<boolean>;
  markPosted(
    run: ScheduleRun,
    claimedBy: string,
    outcome: { messageTs: string; attempts: number; now: Date },
  ): Promise<boolean>;
  markRetrying(
    run: ScheduleRun,
    claimedBy: string,
    outcome: { attempts: number; nextAttemptAt: Date; error: string; now: Date },
  ): Promise<boolean>;
  markFailed(
    run: ScheduleRun,
    claimedBy: string,
    outcome: { attempts: number; error: string; now: Date },
  ): Promise<boolean>;
  markSkipped(run: ScheduleRun, claimedBy: string, outcome: { error: string; now: Date }): Promise<boolean>;
}

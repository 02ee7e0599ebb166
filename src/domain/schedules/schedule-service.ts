import type { AuditLog } from '../privacy/audit.js';
import { fail, ok } from '../result.js';
import type { Authorizer, NotAllowed } from '../roles/permissions.js';
import { type CronCalendar, type CronProblem, canonicalTimeZone } from './cron-calendar.js';
import type { Schedule, ScheduleKind, ScheduleRun, ScheduleStore } from './schedule.js';

export type CreateScheduleFailure =
  | NotAllowed
  | { ok: false; reason: 'kind_unavailable' }
  | { ok: false; reason: 'invalid_timezone' }
  | { ok: false; reason: 'invalid_cron'; problems: CronProblem[] };

export interface CreatedSchedule {
  schedule: Schedule;
  /** The next three fire times, from the moment it was created. */
  next: Date[];
  moreOftenThanHourly: boolean;
  /** node-cron fires only on days matching both day fields; the answer says so. */
  bothDaysRestricted: boolean;
}

export interface ScheduleEntry {
  schedule: Schedule;
  next: Date | undefined;
  lastRun: ScheduleRun | undefined;
}

/**
 * Schedules of scheduled posts: validation (cron and zone), creation, listing, removal. Cron
 * questions go to the injected calendar (node-cron), so nothing here parses cron by hand.
 * Creating and removing are for admins, the list for managers: each method asks the role
 * service first and returns its refusal, whoever calls (a command, a Home button).
 */
export function createScheduleService(
  store: ScheduleStore,
  calendar: CronCalendar,
  options: {
    isKindAvailable: (kind: ScheduleKind) => boolean;
    audit: Pick<AuditLog, 'record'>;
    roles: Authorizer;
  },
) {
  /**
   * Told when this process adds or removes a schedule, so its own clock follows at once; other
   * replicas read the change from Postgres at their next reload (within a minute).
   */
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };

  return {
    /**
     * Validates and stores a schedule. The zone is the one typed or the workspace's; an
     * expression that is valid but never fires is refused like an invalid one.
     */
    async create(input: {
      teamId: string;
      kind: ScheduleKind;
      channelId: string;
      cron: string;
      timezone: string;
      createdBy: string;
      now: Date;
      /** Kind-specific settings, validated by the kind when it runs (a digest's `scope`). */
      options?: Record<string, unknown>;
    }): Promise<{ ok: true; value: CreatedSchedule } | CreateScheduleFailure> {
      const allowed = await options.roles.authorize(input.teamId, input.createdBy, 'schedule.manage');
      if (!allowed.ok) return allowed;
      if (!options.isKindAvailable(input.kind)) return { ok: false, reason: 'kind_unavailable' };
      const timezone = canonicalTimeZone(input.timezone);
      if (!timezone) return { ok: false, reason: 'invalid_timezone' };
      const cron = input.cron.trim().split(/\s+/).join(' ');
      const check = calendar.check(cron);
      if (!check.ok) return { ok: false, reason: 'invalid_cron', problems: check.problems };
      const next = calendar.next(cron, timezone, input.now, 3);
      if (next.length === 0)
        return { ok: false, reason: 'invalid_cron', problems: [{ kind: 'never_fires' }] };
      const schedule = await store.create({ ...input, cron, timezone });
      changed();
      await options.audit.record(input.teamId, input.createdBy, 'schedule_added', `schedule:${schedule.id}`, {
        kind: schedule.kind,
        channel: schedule.channelId,
        cron,
        timezone,
      });
      const { moreOftenThanHourly, bothDaysRestricted } = check;
      return { ok: true, value: { schedule, next, moreOftenThanHourly, bothDaysRestricted } };
    },

    /** A team's schedules with their next fire time after `now` and their latest run. */
    async list(
      teamId: string,
      actorId: string,
      now: Date,
    ): Promise<{ ok: true; value: ScheduleEntry[] } | NotAllowed> {
      const allowed = await options.roles.authorize(teamId, actorId, 'schedule.list');
      if (!allowed.ok) return allowed;
      const rows = await store.listForTeam(teamId);
      return ok(
        rows.map(({ schedule, lastRun }) => ({
          schedule,
          lastRun,
          next: calendar.next(schedule.cron, schedule.timezone, now, 1)[0],
        })),
      );
    },

    /** Removes a schedule of this team, by an admin (audited). */
    async remove(
      teamId: string,
      id: number,
      actorId: string,
    ): Promise<{ ok: true; value: Schedule } | { ok: false; reason: 'not_found' } | NotAllowed> {
      const allowed = await options.roles.authorize(teamId, actorId, 'schedule.manage');
      if (!allowed.ok) return allowed;
      const removed = await store.remove(teamId, id);
      if (!removed) return fail('not_found');
      changed();
      await options.audit.record(teamId, actorId, 'schedule_removed', `schedule:${id}`, {
        kind: removed.kind,
        channel: removed.channelId,
        cron: removed.cron,
      });
      return ok(removed);
    },

    /**
     * Something outside this service changed which schedules run (a workspace uninstalled or
     * back): this replica's clock reloads at once.
     */
    reloadNow: changed,
    /** Subscribes to schedules added or removed on this replica; returns the unsubscribe. */
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: (id: number) => store.get(id),
    listEnabled: () => store.listEnabled(),
    /** True when this call turned the schedule to failing (the caller then tells its creator). */
    markFailing: (id: number, now: Date) => store.setFailing(id, true, now),
    clearFailing: (id: number, now: Date) => store.setFailing(id, false, now),
  };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;

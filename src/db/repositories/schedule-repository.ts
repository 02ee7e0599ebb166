import { and, asc, desc, eq, gt, inArray, lt, lte, max, or, sql } from 'drizzle-orm';
import type { ScheduleRun, ScheduleRunStore, ScheduleStore } from '../../domain/schedules/schedule.js';
import { type Db, executeRows } from '../client.js';
import { scheduleRuns, schedules, workspaces } from '../schema.js';

const scheduleColumns = {
  id: schedules.id,
  teamId: schedules.teamId,
  kind: schedules.kind,
  channelId: schedules.channelId,
  cron: schedules.cron,
  timezone: schedules.timezone,
  options: schedules.options,
  enabled: schedules.enabled,
  failing: schedules.failing,
  createdBy: schedules.createdBy,
  createdAt: schedules.createdAt,
};

const runColumns = {
  id: scheduleRuns.id,
  teamId: scheduleRuns.teamId,
  scheduleId: scheduleRuns.scheduleId,
  fireAt: scheduleRuns.fireAt,
  status: scheduleRuns.status,
  attempts: scheduleRuns.attempts,
  nextAttemptAt: scheduleRuns.nextAttemptAt,
  messageTs: scheduleRuns.messageTs,
  error: scheduleRuns.error,
  claimedBy: scheduleRuns.claimedBy,
  updatedAt: scheduleRuns.updatedAt,
};

/**
 * The schedule's workspace has not uninstalled the app: an uninstall stops its schedules at
 * once (no task, no claim), and a reinstall brings them back as they were.
 */
const installed = sql`not exists (select 1 from ${workspaces} where ${workspaces.teamId} = ${schedules.teamId} and ${workspaces.uninstalledAt} is not null)`;

export function createScheduleRepository(db: Db): ScheduleStore {
  return {
    async create(input) {
      const [row] = await db
        .insert(schedules)
        .values({
          teamId: input.teamId,
          kind: input.kind,
          channelId: input.channelId,
          cron: input.cron,
          timezone: input.timezone,
          createdBy: input.createdBy,
          options: input.options ?? {},
          // The injected clock, not the database's: fire times before creation are never due.
          createdAt: input.now,
          updatedAt: input.now,
        })
        .returning(scheduleColumns);
      if (!row) throw new Error('schedule insert returned no row');
      return row;
    },

    async get(id) {
      const [row] = await db.select(scheduleColumns).from(schedules).where(eq(schedules.id, id));
      return row;
    },

    async listForTeam(teamId) {
      const rows = await db
        .select(scheduleColumns)
        .from(schedules)
        .where(eq(schedules.teamId, teamId))
        .orderBy(asc(schedules.id));
      if (rows.length === 0) return [];
      // The latest run of each schedule: one query, newest fire time first per schedule.
      const runs = await db
        .selectDistinctOn([scheduleRuns.scheduleId], runColumns)
        .from(scheduleRuns)
        .where(
          inArray(
            scheduleRuns.scheduleId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(scheduleRuns.scheduleId, desc(scheduleRuns.fireAt));
      const latest = new Map(runs.map((r) => [r.scheduleId, r]));
      return rows.map((schedule) => ({ schedule, lastRun: latest.get(schedule.id) }));
    },

    async listEnabled() {
      return db
        .select(scheduleColumns)
        .from(schedules)
        .where(and(eq(schedules.enabled, true), installed))
        .orderBy(asc(schedules.id));
    },

    async remove(teamId, id) {
      const [row] = await db
        .delete(schedules)
        .where(and(eq(schedules.teamId, teamId), eq(schedules.id, id)))
        .returning(scheduleColumns);
      return row;
    },

    async setFailing(id, failing, now) {
      const changed = await db
        .update(schedules)
        .set({ failing, updatedAt: now })
        .where(and(eq(schedules.id, id), eq(schedules.failing, !failing)))
        .returning({ id: schedules.id });
      return changed.length > 0;
    },
  };
}

const STALE_OR_DUE = (now: Date, staleBefore: Date) =>
  or(
    and(eq(scheduleRuns.status, 'retrying'), lte(scheduleRuns.nextAttemptAt, now)),
    and(eq(scheduleRuns.status, 'claimed'), lt(scheduleRuns.updatedAt, staleBefore)),
  );

export function createScheduleRunRepository(db: Db): ScheduleRunStore {
  /** Writes an outcome only while the row is still claimed by this replica. */
  async function settle(run: ScheduleRun, claimedBy: string, set: Partial<typeof scheduleRuns.$inferInsert>) {
    const updated = await db
      .update(scheduleRuns)
      .set(set)
      .where(
        and(
          eq(scheduleRuns.id, run.id),
          eq(scheduleRuns.status, 'claimed'),
          eq(scheduleRuns.claimedBy, claimedBy),
        ),
      )
      .returning({ id: scheduleRuns.id });
    return updated.length > 0;
  }

  return {
    async latestFireTimesOfEnabled() {
      // One index lookup per schedule (schedule_runs_schedule_fire_idx, read backwards), and no
      // list of ids sent: with ten thousand schedules, a parameter per id cost more to build,
      // send and describe than the whole query does to run.
      const latest = db
        .select({ fireAt: max(scheduleRuns.fireAt) })
        .from(scheduleRuns)
        .where(eq(scheduleRuns.scheduleId, schedules.id));
      const rows = await db
        .select({
          scheduleId: schedules.id,
          latest: sql<Date | null>`(${latest})`.mapWith(scheduleRuns.fireAt),
        })
        .from(schedules)
        .where(and(eq(schedules.enabled, true), installed));
      const result = new Map<number, Date>();
      for (const row of rows) if (row.latest) result.set(row.scheduleId, row.latest);
      return result;
    },

    async claim(scheduleId, fireAt, claimedBy, now) {
      // One statement: the row is only inserted for a schedule that still exists and is
      // enabled in an installed workspace, and the unique (schedule_id, fire_at) index lets exactly one insert win.
      const inserted = await executeRows<{ id: number }>(
        db,
        sql`
        insert into ${scheduleRuns} (team_id, schedule_id, fire_at, status, attempts, claimed_by, created_at, updated_at)
        select ${schedules.teamId}, ${schedules.id}, ${fireAt.toISOString()}::timestamptz, 'claimed', 0, ${claimedBy},
               ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        from ${schedules}
        where ${schedules.id} = ${scheduleId} and ${schedules.enabled} and ${installed}
        on conflict (schedule_id, fire_at) do nothing
        returning id`,
      );
      return inserted.length > 0;
    },

    async recordSkipped(scheduleId, fireTimes, reason, now) {
      if (fireTimes.length === 0) return;
      const schedule = await db
        .select({ teamId: schedules.teamId })
        .from(schedules)
        .where(eq(schedules.id, scheduleId));
      const teamId = schedule[0]?.teamId;
      if (!teamId) return;
      await db
        .insert(scheduleRuns)
        .values(
          fireTimes.map((fireAt) => ({
            teamId,
            scheduleId,
            fireAt,
            status: 'skipped' as const,
            error: reason,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .onConflictDoNothing({ target: [scheduleRuns.scheduleId, scheduleRuns.fireAt] });
    },

    async findClaimed(scheduleId, fireAt, claimedBy) {
      const [row] = await db
        .select(runColumns)
        .from(scheduleRuns)
        .where(
          and(
            eq(scheduleRuns.scheduleId, scheduleId),
            eq(scheduleRuns.fireAt, fireAt),
            eq(scheduleRuns.status, 'claimed'),
            eq(scheduleRuns.claimedBy, claimedBy),
          ),
        );
      return row;
    },

    async takeOverDue(claimedBy, now, staleBefore, limit) {
      const candidates = db
        .select({ id: scheduleRuns.id })
        .from(scheduleRuns)
        .where(STALE_OR_DUE(now, staleBefore))
        .orderBy(asc(scheduleRuns.fireAt))
        .limit(limit);
      // The condition is repeated on the update itself: when two replicas race for a row,
      // Postgres re-checks it against the row the winner wrote, and the loser updates nothing.
      return db
        .update(scheduleRuns)
        .set({ status: 'claimed', claimedBy, updatedAt: now })
        .where(and(STALE_OR_DUE(now, staleBefore), inArray(scheduleRuns.id, candidates)))
        .returning(runColumns);
    },

    async hasLaterPost(scheduleId, fireAt) {
      const [row] = await db
        .select({ id: scheduleRuns.id })
        .from(scheduleRuns)
        .where(
          and(
            eq(scheduleRuns.scheduleId, scheduleId),
            gt(scheduleRuns.fireAt, fireAt),
            eq(scheduleRuns.status, 'posted'),
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    markPosted: (run, claimedBy, { messageTs, attempts, now }) =>
      settle(run, claimedBy, {
        status: 'posted',
        messageTs,
        attempts,
        error: null,
        nextAttemptAt: null,
        updatedAt: now,
      }),

    markRetrying: (run, claimedBy, { attempts, nextAttemptAt, error, now }) =>
      settle(run, claimedBy, { status: 'retrying', attempts, nextAttemptAt, error, updatedAt: now }),

    markFailed: (run, claimedBy, { attempts, error, now }) =>
      settle(run, claimedBy, { status: 'failed', attempts, error, nextAttemptAt: null, updatedAt: now }),

    markSkipped: (run, claimedBy, { error, now }) =>
      settle(run, claimedBy, { status: 'skipped', error, nextAttemptAt: null, updatedAt: now }),
  };
}

import { and, asc, eq, inArray, isNotNull, isNull, like, lt, ne, or, sql } from 'drizzle-orm';
import type { Moment } from '../../domain/moments/moment.js';
import type { PersonData } from '../../domain/privacy/export-csv.js';
import type { ErasureReport, PrivacyStore } from '../../domain/privacy/privacy-service.js';
import { type Db, executeRows } from '../client.js';
import {
  auditLog,
  deactivatedPeople,
  followUpReminders,
  mantras,
  momentColleagues,
  momentSeconders,
  moments,
  notificationOutbox,
  pulseAnswers,
  pulseParticipants,
  pulses,
  roles,
  schedules,
  workspaces,
} from '../schema.js';
import { citationsOf, type MomentRow, toMoment } from './moment-repository.js';

/** What a mention of an erased person becomes in the stories that stay (other people's). */
export const ERASED_MENTION = '@…';

/** Slack ids are upper-case letters and digits; anything else is refused before it reaches a regex. */
function assertSlackId(id: string) {
  if (!/^[A-Z0-9]+$/.test(id)) throw new Error('not a Slack id');
}

export function createPrivacyRepository(db: Db): PrivacyStore {
  async function withColleagues(rows: MomentRow[]): Promise<Moment[]> {
    if (rows.length === 0) return [];
    const links = await db
      .select({ momentId: momentColleagues.momentId, userId: momentColleagues.userId })
      .from(momentColleagues)
      .where(
        inArray(
          momentColleagues.momentId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(momentColleagues.userId));
    const byMoment = new Map<string, string[]>();
    for (const l of links) byMoment.set(l.momentId, [...(byMoment.get(l.momentId) ?? []), l.userId]);
    const cited = await citationsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toMoment(row, byMoment.get(row.id) ?? [], cited.get(row.id) ?? []));
  }

  return {
    async erasePerson(teamId, userId, { marker, scheduleOwner }): Promise<ErasureReport> {
      assertSlackId(userId);
      return db.transaction(async (tx) => {
        // Their stories, for good (colleague links cascade; mantra posts lose the reference).
        const erasedPosts = await tx
          .delete(moments)
          .where(and(eq(moments.teamId, teamId), eq(moments.authorId, userId)))
          .returning({
            id: moments.id,
            recognitionChannelId: moments.recognitionChannelId,
            recognitionTs: moments.recognitionTs,
          });
        // Their name on other people's stories: the colleague link, the follow-up, mentions in the text.
        const unlinked = await tx
          .delete(momentColleagues)
          .where(and(eq(momentColleagues.teamId, teamId), eq(momentColleagues.userId, userId)))
          .returning({ momentId: momentColleagues.momentId });
        // Their seconding of other people's stories (a reaction leaves their id behind).
        await tx
          .delete(momentSeconders)
          .where(and(eq(momentSeconders.teamId, teamId), eq(momentSeconders.userId, userId)));
        // Notifications still on their way to them, or naming them (their own stories' go with the stories).
        await tx
          .delete(notificationOutbox)
          .where(
            and(
              eq(notificationOutbox.teamId, teamId),
              or(
                eq(notificationOutbox.recipientId, userId),
                like(sql`${notificationOutbox.message}::text`, `%${userId}%`),
              ),
            ),
          );
        // Reminder claims name the follow-up owner; the complaints they followed lose them just below.
        await tx
          .delete(followUpReminders)
          .where(and(eq(followUpReminders.teamId, teamId), eq(followUpReminders.ownerId, userId)));
        const unassigned = await tx
          .update(moments)
          .set({ followUpUserId: null })
          .where(and(eq(moments.teamId, teamId), eq(moments.followUpUserId, userId)))
          .returning({ id: moments.id });
        const mention = `<@${userId}(\\|[^>]*)?>`;
        const scrub = (column: typeof moments.story | typeof moments.lesson) =>
          sql`replace(regexp_replace(${column}, ${mention}, ${ERASED_MENTION}, 'g'), ${userId}, ${ERASED_MENTION})`;
        const mentioned = await tx
          .update(moments)
          .set({ story: scrub(moments.story), lesson: scrub(moments.lesson) })
          .where(
            and(
              eq(moments.teamId, teamId),
              or(like(moments.story, `%${userId}%`), like(moments.lesson, `%${userId}%`)),
            ),
          )
          .returning({ id: moments.id });
        const touched = [
          ...new Set([...unlinked.map((r) => r.momentId), ...[...unassigned, ...mentioned].map((r) => r.id)]),
        ];
        const renamed = touched.length
          ? await tx
              .select({ id: moments.id })
              .from(moments)
              .where(
                and(
                  eq(moments.teamId, teamId),
                  inArray(moments.id, touched),
                  isNotNull(moments.recognitionTs),
                ),
              )
          : [];

        const rolesRemoved = await tx
          .delete(roles)
          .where(and(eq(roles.teamId, teamId), eq(roles.userId, userId)))
          .returning({ userId: roles.userId });
        await tx
          .update(roles)
          .set({ grantedBy: marker })
          .where(and(eq(roles.teamId, teamId), eq(roles.grantedBy, userId)));
        await tx
          .update(mantras)
          .set({ createdBy: null })
          .where(and(eq(mantras.teamId, teamId), eq(mantras.createdBy, userId)));
        await tx
          .update(schedules)
          .set({ createdBy: scheduleOwner })
          .where(and(eq(schedules.teamId, teamId), eq(schedules.createdBy, userId)));

        // Pulses: who took part and their named answers go; anonymous answers stay (nothing links them).
        await tx
          .update(pulses)
          .set({ createdBy: marker })
          .where(and(eq(pulses.teamId, teamId), eq(pulses.createdBy, userId)));
        await tx
          .update(pulses)
          .set({ closedBy: marker })
          .where(and(eq(pulses.teamId, teamId), eq(pulses.closedBy, userId)));
        const participations = await tx
          .delete(pulseParticipants)
          .where(and(eq(pulseParticipants.teamId, teamId), eq(pulseParticipants.userId, userId)))
          .returning({ pulseId: pulseParticipants.pulseId });
        const namedAnswers = await tx
          .delete(pulseAnswers)
          .where(and(eq(pulseAnswers.teamId, teamId), eq(pulseAnswers.respondentId, userId)))
          .returning({ id: pulseAnswers.id });

        // The audit log keeps what happened, with the hash in place of the id.
        await tx
          .update(auditLog)
          .set({ actorId: marker })
          .where(and(eq(auditLog.teamId, teamId), eq(auditLog.actorId, userId)));
        await tx
          .update(auditLog)
          .set({ target: marker })
          .where(and(eq(auditLog.teamId, teamId), eq(auditLog.target, userId)));
        await tx
          .update(auditLog)
          .set({ details: sql`replace(${auditLog.details}::text, ${userId}, ${marker})::jsonb` })
          .where(and(eq(auditLog.teamId, teamId), like(sql`${auditLog.details}::text`, `%${userId}%`)));
        await tx
          .delete(deactivatedPeople)
          .where(and(eq(deactivatedPeople.teamId, teamId), eq(deactivatedPeople.userId, userId)));

        return {
          storiesDeleted: erasedPosts.length,
          namesRemoved: touched.length,
          rolesRemoved: rolesRemoved.length,
          pulseParticipations: participations.length,
          namedAnswersDeleted: namedAnswers.length,
          erasedPosts: erasedPosts.filter((p) => p.recognitionTs !== null),
          renamedMomentIds: renamed.map((r) => r.id),
        };
      });
    },

    async workspaceData(teamId) {
      const momentRows = await db
        .select()
        .from(moments)
        .where(eq(moments.teamId, teamId))
        .orderBy(asc(moments.createdAt), asc(moments.id));
      const pulseRows = await db
        .select({
          id: pulses.id,
          channelId: pulses.channelId,
          anonymous: pulses.anonymous,
          status: pulses.status,
          createdBy: pulses.createdBy,
          openedAt: pulses.openedAt,
          closesAt: pulses.closesAt,
          closedAt: pulses.closedAt,
        })
        .from(pulses)
        .where(eq(pulses.teamId, teamId))
        .orderBy(asc(pulses.openedAt));
      // Ordered by the random answer id: the file's order pairs no answer with anyone.
      const answers = await db
        .select({
          pulseId: pulseAnswers.pulseId,
          respondentId: pulseAnswers.respondentId,
          score: pulseAnswers.score,
          vision: pulseAnswers.vision,
          motivation: pulseAnswers.motivation,
          human: pulseAnswers.human,
        })
        .from(pulseAnswers)
        .where(eq(pulseAnswers.teamId, teamId))
        .orderBy(asc(pulseAnswers.pulseId), asc(pulseAnswers.id));
      const counted = new Map<string, number>();
      for (const a of answers) counted.set(a.pulseId, (counted.get(a.pulseId) ?? 0) + 1);
      const scheduleRows = await db
        .select()
        .from(schedules)
        .where(eq(schedules.teamId, teamId))
        .orderBy(asc(schedules.id));
      const lines = await db
        .select({ text: mantras.text, createdBy: mantras.createdBy, createdAt: mantras.createdAt })
        .from(mantras)
        .where(eq(mantras.teamId, teamId))
        .orderBy(asc(mantras.id));
      const roleRows = await db
        .select({
          userId: roles.userId,
          role: roles.role,
          grantedBy: roles.grantedBy,
          grantedAt: roles.grantedAt,
        })
        .from(roles)
        .where(eq(roles.teamId, teamId))
        .orderBy(asc(roles.userId));
      return {
        teamId,
        moments: await withColleagues(momentRows),
        pulses: pulseRows.map((p) => ({ ...p, answers: counted.get(p.id) ?? 0 })),
        answers,
        schedules: scheduleRows,
        visionLines: lines,
        roles: roleRows,
      };
    },

    async personData(teamId, userId): Promise<PersonData> {
      const written = await db
        .select()
        .from(moments)
        .where(and(eq(moments.teamId, teamId), eq(moments.authorId, userId)))
        .orderBy(asc(moments.createdAt));
      const named = db
        .select({ id: momentColleagues.momentId })
        .from(momentColleagues)
        .where(and(eq(momentColleagues.teamId, teamId), eq(momentColleagues.userId, userId)));
      const about = await db
        .select()
        .from(moments)
        .where(
          and(
            eq(moments.teamId, teamId),
            ne(moments.authorId, userId),
            or(inArray(moments.id, named), eq(moments.followUpUserId, userId)),
          ),
        )
        .orderBy(asc(moments.createdAt));
      const taken = await db
        .select({
          pulseId: pulses.id,
          channelId: pulses.channelId,
          openedAt: pulses.openedAt,
          anonymous: pulses.anonymous,
          score: pulseAnswers.score,
          vision: pulseAnswers.vision,
          motivation: pulseAnswers.motivation,
          human: pulseAnswers.human,
        })
        .from(pulseParticipants)
        .innerJoin(pulses, eq(pulses.id, pulseParticipants.pulseId))
        // Only a named pulse's answer carries the person: an anonymous one cannot be found, by design.
        .leftJoin(
          pulseAnswers,
          and(eq(pulseAnswers.pulseId, pulses.id), eq(pulseAnswers.respondentId, userId)),
        )
        .where(and(eq(pulseParticipants.teamId, teamId), eq(pulseParticipants.userId, userId)))
        .orderBy(asc(pulses.openedAt));
      const [role] = await db
        .select({ role: roles.role })
        .from(roles)
        .where(and(eq(roles.teamId, teamId), eq(roles.userId, userId)));
      return {
        teamId,
        userId,
        role: role?.role ?? null,
        written: await withColleagues(written),
        about: await withColleagues(about),
        pulses: taken.map(({ score, vision, motivation, human, ...pulse }) => ({
          ...pulse,
          answer: score === null ? null : { score, vision, motivation, human },
        })),
      };
    },

    async purgeBefore(teamId, cutoff) {
      const gone = await db
        .delete(moments)
        .where(and(eq(moments.teamId, teamId), lt(moments.createdAt, cutoff)))
        .returning({ id: moments.id });
      const closed = await db
        .delete(pulses)
        .where(and(eq(pulses.teamId, teamId), eq(pulses.status, 'closed'), lt(pulses.openedAt, cutoff)))
        .returning({ id: pulses.id });
      return { moments: gone.length, pulses: closed.length };
    },

    async housekeepingList() {
      return db
        .select({
          teamId: workspaces.teamId,
          settings: workspaces.settings,
          uninstalledAt: workspaces.uninstalledAt,
        })
        .from(workspaces)
        .orderBy(asc(workspaces.teamId));
    },

    async setUninstalled(teamId, at) {
      const changed = await db
        .update(workspaces)
        .set({ uninstalledAt: at, updatedAt: sql`now()` })
        .where(
          and(
            eq(workspaces.teamId, teamId),
            at ? isNull(workspaces.uninstalledAt) : isNotNull(workspaces.uninstalledAt),
          ),
        )
        .returning({ teamId: workspaces.teamId });
      return changed.length > 0;
    },

    /**
     * Every table carries the team id, so the tables to empty are read from the catalog: a
     * table added later is purged too. Children go before their parents, so no foreign key
     * stands in the way whatever its `on delete`.
     */
    async purgeWorkspace(teamId) {
      await db.transaction(async (tx) => {
        const tables = await executeRows<{ name: string }>(
          tx as unknown as Db,
          sql`select c.table_name as name from information_schema.columns c
              join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
              where c.table_schema = 'public' and c.column_name = 'team_id' and t.table_type = 'BASE TABLE'`,
        );
        const links = await executeRows<{ child: string; parent: string }>(
          tx as unknown as Db,
          sql`select cl.relname as child, pl.relname as parent from pg_constraint k
              join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
              join pg_namespace n on n.oid = cl.relnamespace
              where k.contype = 'f' and n.nspname = 'public' and k.conrelid <> k.confrelid`,
        );
        let left = tables.map((t) => t.name);
        while (left.length > 0) {
          const leaves = left.filter(
            (name) => !links.some((l) => l.parent === name && left.includes(l.child)),
          );
          // A cycle of foreign keys would leave no leaf: then take them in any order.
          const batch = leaves.length > 0 ? leaves : left;
          for (const name of batch) {
            await tx.execute(sql`delete from ${sql.identifier(name)} where team_id = ${teamId}`);
          }
          left = left.filter((name) => !batch.includes(name));
        }
      });
    },

    async markDeactivated(teamId, userId, now) {
      await db.insert(deactivatedPeople).values({ teamId, userId, reportedAt: now }).onConflictDoNothing();
    },

    async clearDeactivated(teamId, userId) {
      await db
        .delete(deactivatedPeople)
        .where(and(eq(deactivatedPeople.teamId, teamId), eq(deactivatedPeople.userId, userId)));
    },

    async listDeactivated(teamId) {
      const rows = await db
        .select({ userId: deactivatedPeople.userId, reportedAt: deactivatedPeople.reportedAt })
        .from(deactivatedPeople)
        .where(eq(deactivatedPeople.teamId, teamId))
        .orderBy(asc(deactivatedPeople.reportedAt));
      return rows;
    },
  };
}

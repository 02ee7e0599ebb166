import { and, asc, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { HomeStore, MomentSummary } from '../../domain/home/home-service.js';
import type { Db } from '../client.js';
import { momentColleagues, moments, pulseParticipants, pulses, roles } from '../schema.js';

const summaryColumns = {
  id: moments.id,
  kind: moments.kind,
  authorId: moments.authorId,
  story: moments.story,
  lesson: moments.lesson,
  status: moments.status,
  followUpUserId: moments.followUpUserId,
  createdAt: moments.createdAt,
};

/** The App Home's reads: each an index range with a limit, so a busy workspace costs the same. */
export function createHomeRepository(db: Db): HomeStore {
  /** One page of the moments matching `where`, newest first, and how many match in all. */
  async function newestFirst(where: SQL | undefined, offset: number, limit: number) {
    const [items, [total]] = await Promise.all([
      db
        .select(summaryColumns)
        .from(moments)
        .where(where)
        .orderBy(desc(moments.createdAt))
        .offset(offset)
        .limit(limit),
      db.select({ n: count() }).from(moments).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  return {
    async recognition(teamId, userId, since, latest) {
      const praiseOf = and(
        eq(momentColleagues.teamId, teamId),
        eq(momentColleagues.userId, userId),
        eq(moments.kind, 'praise'),
      );
      const [counts] = await db
        .select({
          allTime: count(),
          sinceCount:
            sql<number>`count(*) filter (where ${momentColleagues.createdAt} >= ${since.toISOString()}::timestamptz)`.mapWith(
              Number,
            ),
        })
        .from(momentColleagues)
        .innerJoin(moments, eq(moments.id, momentColleagues.momentId))
        .where(praiseOf);
      const stories: MomentSummary[] = await db
        .select(summaryColumns)
        .from(momentColleagues)
        .innerJoin(moments, eq(moments.id, momentColleagues.momentId))
        .where(praiseOf)
        .orderBy(desc(momentColleagues.createdAt))
        .limit(latest);
      return { allTime: counts?.allTime ?? 0, sinceCount: counts?.sinceCount ?? 0, latest: stories };
    },

    async momentsBy(teamId, authorId, offset, limit) {
      const where = and(eq(moments.teamId, teamId), eq(moments.authorId, authorId));
      return newestFirst(where, offset, limit);
    },

    async complaintsToFollowUp(teamId, ownerId, offset, limit) {
      const where = and(
        eq(moments.teamId, teamId),
        eq(moments.kind, 'complaint'),
        isNull(moments.followedUpAt),
        ownerId ? eq(moments.followUpUserId, ownerId) : undefined,
      );
      return newestFirst(where, offset, limit);
    },

    async openPulses(teamId, userId) {
      const rows = await db
        .select({
          id: pulses.id,
          channelId: pulses.channelId,
          createdBy: pulses.createdBy,
          closesAt: pulses.closesAt,
          anonymous: pulses.anonymous,
          answers:
            sql<number>`(select count(*) from ${pulseParticipants} p where p.pulse_id = ${pulses.id})`.mapWith(
              Number,
            ),
          answeredByMe: sql<boolean>`exists (select 1 from ${pulseParticipants} p where p.pulse_id = ${pulses.id} and p.user_id = ${userId})`,
        })
        .from(pulses)
        .where(and(eq(pulses.teamId, teamId), eq(pulses.status, 'open')))
        .orderBy(asc(pulses.closesAt));
      // postgres.js returns booleans of raw expressions as booleans, PGlite too; be strict anyway.
      return rows.map((r) => ({
        ...r,
        answeredByMe: r.answeredByMe === true || String(r.answeredByMe) === 't',
      }));
    },

    async grantedRoles(teamId) {
      return db
        .select({ userId: roles.userId, role: roles.role })
        .from(roles)
        .where(eq(roles.teamId, teamId))
        .orderBy(desc(roles.grantedAt), asc(roles.userId));
    },
  };
}

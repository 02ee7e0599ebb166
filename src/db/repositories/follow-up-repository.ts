import { and, asc, eq, gte, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { FollowUpStore } from '../../domain/follow-up/follow-up-service.js';
import type { Db } from '../client.js';
import { followUpReminders, moments } from '../schema.js';

export function createFollowUpRepository(db: Db): FollowUpStore {
  return {
    async openComplaints(since, before, limit) {
      const first = db
        .select({ sentAt: followUpReminders.sentAt })
        .from(followUpReminders)
        .where(and(eq(followUpReminders.momentId, moments.id), eq(followUpReminders.round, 1)));
      const rows = await db
        .select({
          teamId: moments.teamId,
          momentId: moments.id,
          ownerId: moments.followUpUserId,
          createdAt: moments.createdAt,
          firstSentAt: sql<Date | string | null>`(${first})`,
          claimedRounds: sql<
            number[]
          >`coalesce((select array_agg(r.round) from ${followUpReminders} r where r.moment_id = ${moments.id}), '{}')`,
        })
        .from(moments)
        .where(
          and(
            // The partial index moments_open_follow_up_idx serves exactly this filter.
            eq(moments.kind, 'complaint'),
            isNull(moments.followedUpAt),
            gte(moments.createdAt, since),
            lte(moments.createdAt, before),
            isNotNull(moments.followUpUserId),
            sql`not exists (select 1 from ${followUpReminders} r where r.moment_id = ${moments.id} and r.round = 2)`,
          ),
        )
        .orderBy(asc(moments.createdAt))
        .limit(limit);
      return rows.map((row) => ({
        teamId: row.teamId,
        momentId: row.momentId,
        ownerId: row.ownerId as string,
        createdAt: row.createdAt,
        // A raw subquery comes back as text on postgres.js and as a Date on PGlite.
        firstSentAt: row.firstSentAt === null ? null : new Date(row.firstSentAt),
        claimedRounds: (row.claimedRounds ?? []).map(Number),
      }));
    },

    async claim({ teamId, momentId, round, ownerId, claimedBy, now }) {
      const inserted = await db
        .insert(followUpReminders)
        .values({ teamId, momentId, round, ownerId, claimedBy, claimedAt: now })
        .onConflictDoNothing()
        .returning({ round: followUpReminders.round });
      return inserted.length > 0;
    },

    async markSent(momentId, round, now) {
      await db
        .update(followUpReminders)
        .set({ sentAt: now })
        .where(and(eq(followUpReminders.momentId, momentId), eq(followUpReminders.round, round)));
    },

    async release(momentId, round) {
      await db
        .delete(followUpReminders)
        .where(
          and(
            eq(followUpReminders.momentId, momentId),
            eq(followUpReminders.round, round),
            isNull(followUpReminders.sentAt),
          ),
        );
    },
  };
}

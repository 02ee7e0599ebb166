import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { notificationOutbox } from '../schema.js';

export type NotificationKind = (typeof notificationOutbox.$inferSelect)['kind'];

export interface NewNotification {
  teamId: string;
  kind: NotificationKind;
  momentId?: string;
  recipientId?: string;
  message: Record<string, unknown>;
}

export interface PendingNotification extends Required<Pick<NewNotification, 'teamId' | 'kind' | 'message'>> {
  id: string;
  momentId: string | null;
  recipientId: string | null;
  attempts: number;
  createdAt: Date;
}

const toPending = (row: typeof notificationOutbox.$inferSelect): PendingNotification => ({
  id: row.id,
  teamId: row.teamId,
  kind: row.kind,
  momentId: row.momentId,
  recipientId: row.recipientId,
  message: row.message as Record<string, unknown>,
  attempts: row.attempts,
  createdAt: row.createdAt,
});

export function createNotificationOutboxRepository(db: Db) {
  // Runs once for every DM and post delivered: built once.
  const removeOne = db
    .delete(notificationOutbox)
    .where(eq(notificationOutbox.id, sql.placeholder('id')))
    .prepare('outbox_remove');
  return {
    /** Stores notifications already claimed by the caller until `claimedUntil` (it tries them at once). */
    async add(
      notifications: NewNotification[],
      now: Date,
      claimedUntil: Date,
    ): Promise<PendingNotification[]> {
      if (notifications.length === 0) return [];
      const rows = await db
        .insert(notificationOutbox)
        .values(
          notifications.map((n) => ({
            teamId: n.teamId,
            kind: n.kind,
            momentId: n.momentId ?? null,
            recipientId: n.recipientId ?? null,
            message: n.message,
            createdAt: now,
            nextAttemptAt: now,
            claimedUntil,
          })),
        )
        .returning();
      return rows.map(toPending);
    },

    /**
     * Claims the notifications due now that nobody holds (or whose holder's claim ran out: a
     * replica that died mid-delivery). One conditional UPDATE: two replicas never get one row.
     */
    async claimDue(now: Date, claimedUntil: Date, limit = 50): Promise<PendingNotification[]> {
      const due = db
        .select({ id: notificationOutbox.id })
        .from(notificationOutbox)
        .where(
          and(
            lte(notificationOutbox.nextAttemptAt, now),
            or(isNull(notificationOutbox.claimedUntil), lt(notificationOutbox.claimedUntil, now)),
          ),
        )
        .orderBy(notificationOutbox.nextAttemptAt)
        .limit(limit);
      const rows = await db
        .update(notificationOutbox)
        .set({ claimedUntil })
        .where(
          and(
            inArray(notificationOutbox.id, due),
            or(isNull(notificationOutbox.claimedUntil), lt(notificationOutbox.claimedUntil, now)),
          ),
        )
        .returning();
      return rows.map(toPending);
    },

    /** Delivered (or given up): the row and the text it held go. */
    async remove(id: string) {
      await removeOne.execute({ id });
    },

    /** Not delivered this time: released for another attempt at `nextAttemptAt`. */
    async retryAt(id: string, nextAttemptAt: Date) {
      await db
        .update(notificationOutbox)
        .set({ attempts: sql`${notificationOutbox.attempts} + 1`, nextAttemptAt, claimedUntil: null })
        .where(eq(notificationOutbox.id, id));
    },

    /** Notifications older than `cutoff`, deleted; returned so each is logged. */
    async dropOlderThan(cutoff: Date): Promise<PendingNotification[]> {
      const rows = await db
        .delete(notificationOutbox)
        .where(lt(notificationOutbox.createdAt, cutoff))
        .returning();
      return rows.map(toPending);
    },
  };
}

export type NotificationOutboxRepository = ReturnType<typeof createNotificationOutboxRepository>;

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Moment } from '../../domain/moments/moment.js';
import type { MomentPatch, MomentStore, NewMomentRow } from '../../domain/moments/moment-service.js';
import type { Db } from '../client.js';
import { momentColleagues, momentSeconders, moments } from '../schema.js';

export type MomentRow = typeof moments.$inferSelect;

/** A stored row as the domain sees it (the dedupe key stays in the database). */
export function toMoment(row: MomentRow, colleagueIds: string[]): Moment {
  const { dedupeKey: _dedupeKey, ...rest } = row;
  return { ...rest, colleagueIds };
}

export function createMomentRepository(db: Db) {
  async function colleaguesOf(momentIds: string[]): Promise<Map<string, string[]>> {
    const byMoment = new Map<string, string[]>();
    if (momentIds.length === 0) return byMoment;
    const rows = await db
      .select({ momentId: momentColleagues.momentId, userId: momentColleagues.userId })
      .from(momentColleagues)
      .where(inArray(momentColleagues.momentId, momentIds))
      .orderBy(asc(momentColleagues.userId));
    for (const row of rows) byMoment.set(row.momentId, [...(byMoment.get(row.momentId) ?? []), row.userId]);
    return byMoment;
  }

  async function get(teamId: string, id: string): Promise<Moment | undefined> {
    const [row] = await db
      .select()
      .from(moments)
      .where(and(eq(moments.teamId, teamId), eq(moments.id, id)));
    if (!row) return undefined;
    return toMoment(row, (await colleaguesOf([row.id])).get(row.id) ?? []);
  }

  const repository = {
    get,

    async insert(input: NewMomentRow, now: Date) {
      return db.transaction(async (tx) => {
        const { colleagueIds, ...row } = input;
        const [inserted] = await tx
          .insert(moments)
          .values({
            ...row,
            lesson: row.lesson ?? null,
            followUpUserId: row.followUpUserId ?? null,
            createdAt: now,
            updatedAt: now,
          })
          // A double click or a redelivered submission carries the same dedupe key: keep the first.
          .onConflictDoNothing({ target: [moments.teamId, moments.dedupeKey] })
          .returning();
        if (!inserted) {
          const [existing] = await tx
            .select()
            .from(moments)
            .where(and(eq(moments.teamId, input.teamId), eq(moments.dedupeKey, input.dedupeKey ?? '')));
          if (!existing) throw new Error('moment dedupe conflict without a stored row');
          const ids = await tx
            .select({ userId: momentColleagues.userId })
            .from(momentColleagues)
            .where(eq(momentColleagues.momentId, existing.id));
          return { moment: toMoment(existing, ids.map((r) => r.userId).sort()), created: false };
        }
        if (colleagueIds.length) {
          await tx.insert(momentColleagues).values(
            colleagueIds.map((userId) => ({
              teamId: input.teamId,
              momentId: inserted.id,
              userId,
              createdAt: now,
            })),
          );
        }
        return { moment: toMoment(inserted, [...colleagueIds].sort()), created: true };
      });
    },

    async update(teamId: string, id: string, patch: MomentPatch, now: Date) {
      const { colleagueIds, ...columns } = patch;
      const found = await db.transaction(async (tx) => {
        const updated = await tx
          .update(moments)
          .set({ ...columns, updatedAt: now })
          .where(and(eq(moments.teamId, teamId), eq(moments.id, id)))
          .returning({ id: moments.id, createdAt: moments.createdAt });
        const row = updated[0];
        if (!row) return false;
        if (colleagueIds) {
          await tx.delete(momentColleagues).where(eq(momentColleagues.momentId, id));
          if (colleagueIds.length) {
            await tx
              .insert(momentColleagues)
              .values(
                colleagueIds.map((userId) => ({ teamId, momentId: id, userId, createdAt: row.createdAt })),
              );
          }
        }
        return true;
      });
      return found ? get(teamId, id) : undefined;
    },

    async delete(teamId: string, id: string) {
      const deleted = await db
        .delete(moments)
        .where(and(eq(moments.teamId, teamId), eq(moments.id, id)))
        .returning({ id: moments.id });
      return deleted.length > 0;
    },

    async findBySourceMessage(teamId: string, channelId: string, ts: string) {
      const rows = await db
        .select()
        .from(moments)
        .where(and(eq(moments.teamId, teamId), eq(moments.channelId, channelId), eq(moments.sourceTs, ts)))
        .orderBy(asc(moments.createdAt));
      const colleagues = await colleaguesOf(rows.map((r) => r.id));
      return rows.map((row) => toMoment(row, colleagues.get(row.id) ?? []));
    },

    async findByRecognitionPost(teamId: string, channelId: string, ts: string) {
      const [row] = await db
        .select()
        .from(moments)
        .where(
          and(
            eq(moments.teamId, teamId),
            eq(moments.recognitionChannelId, channelId),
            eq(moments.recognitionTs, ts),
          ),
        );
      if (!row) return undefined;
      return toMoment(row, (await colleaguesOf([row.id])).get(row.id) ?? []);
    },

    async addSeconder(teamId: string, momentId: string, userId: string, now: Date) {
      const inserted = await db
        .insert(momentSeconders)
        .values({ teamId, momentId, userId, createdAt: now })
        // A redelivered reaction, or the same person reacting twice: one seconding.
        .onConflictDoNothing()
        .returning({ userId: momentSeconders.userId });
      return inserted.length > 0;
    },

    async secondedAt(teamId: string, momentId: string, userId: string) {
      const [row] = await db
        .select({ createdAt: momentSeconders.createdAt })
        .from(momentSeconders)
        .where(
          and(
            eq(momentSeconders.teamId, teamId),
            eq(momentSeconders.momentId, momentId),
            eq(momentSeconders.userId, userId),
          ),
        );
      return row?.createdAt;
    },

    async removeSeconder(teamId: string, momentId: string, userId: string) {
      const deleted = await db
        .delete(momentSeconders)
        .where(
          and(
            eq(momentSeconders.teamId, teamId),
            eq(momentSeconders.momentId, momentId),
            eq(momentSeconders.userId, userId),
          ),
        )
        .returning({ userId: momentSeconders.userId });
      return deleted.length > 0;
    },

    /** How many moments a team holds (tests and benchmarks). */
    async count(teamId: string) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(moments)
        .where(eq(moments.teamId, teamId));
      return row?.n ?? 0;
    },
  } satisfies MomentStore & Record<string, unknown>;
  return repository;
}

export type MomentRepository = ReturnType<typeof createMomentRepository>;

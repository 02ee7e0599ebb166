import { and, count, desc, eq, gt, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type {
  AnswerOutcome,
  NewPulse,
  Pulse,
  PulseAnswer,
  StoredPulseAnswer,
} from '../../domain/pulse/pulse.js';
import type { PulseStore } from '../../domain/pulse/pulse-service.js';
import type { Db } from '../client.js';
import { pulseAnswers, pulseParticipants, pulses } from '../schema.js';

type PulseRow = typeof pulses.$inferSelect;

function toPulse(row: PulseRow): Pulse {
  return {
    id: row.id,
    teamId: row.teamId,
    channelId: row.channelId,
    anonymous: row.anonymous,
    status: row.status,
    createdBy: row.createdBy,
    scheduleId: row.scheduleId,
    openedAt: row.openedAt,
    closesAt: row.closesAt,
    remindAt: row.remindAt,
    remindedAt: row.remindedAt,
    closedAt: row.closedAt,
    closedBy: row.closedBy,
    messageTs: row.messageTs,
    resultsTs: row.resultsTs,
  };
}

const answerColumns = {
  respondentId: pulseAnswers.respondentId,
  score: pulseAnswers.score,
  vision: pulseAnswers.vision,
  motivation: pulseAnswers.motivation,
  human: pulseAnswers.human,
};

/**
 * `shuffle` is the domain's (anonymous answers are stored in a random order, an anonymity rule),
 * handed in because a repository takes only types from the domain.
 */
export function createPulseRepository(db: Db, shuffle: <T>(items: readonly T[]) => T[]) {
  const byId = (teamId: string, pulseId: string) => and(eq(pulses.teamId, teamId), eq(pulses.id, pulseId));

  return {
    /** Inserts an open pulse; undefined when the channel already has one (partial unique index). */
    async insertOpen(pulse: NewPulse): Promise<Pulse | undefined> {
      const [row] = await db
        .insert(pulses)
        .values({ ...pulse, status: 'open' })
        .onConflictDoNothing()
        .returning();
      return row ? toPulse(row) : undefined;
    },

    async find(teamId: string, pulseId: string): Promise<Pulse | undefined> {
      const [row] = await db.select().from(pulses).where(byId(teamId, pulseId));
      return row ? toPulse(row) : undefined;
    },

    async findOpen(teamId: string, channelId: string): Promise<Pulse | undefined> {
      const [row] = await db
        .select()
        .from(pulses)
        .where(and(eq(pulses.teamId, teamId), eq(pulses.channelId, channelId), eq(pulses.status, 'open')));
      return row ? toPulse(row) : undefined;
    },

    async setMessageTs(teamId: string, pulseId: string, messageTs: string) {
      await db.update(pulses).set({ messageTs }).where(byId(teamId, pulseId));
    },

    async remove(teamId: string, pulseId: string) {
      await db.delete(pulses).where(byId(teamId, pulseId));
    },

    async countAnswers(teamId: string, pulseId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(pulseAnswers)
        .where(and(eq(pulseAnswers.teamId, teamId), eq(pulseAnswers.pulseId, pulseId)));
      return Number(row?.n ?? 0);
    },

    async hasParticipated(teamId: string, pulseId: string, userId: string): Promise<boolean> {
      const [row] = await db
        .select({ userId: pulseParticipants.userId })
        .from(pulseParticipants)
        .where(
          and(
            eq(pulseParticipants.teamId, teamId),
            eq(pulseParticipants.pulseId, pulseId),
            eq(pulseParticipants.userId, userId),
          ),
        );
      return Boolean(row);
    },

    /** A person's answer to a named pulse (anonymous answers carry no person: never found). */
    async findNamedAnswer(teamId: string, pulseId: string, userId: string): Promise<PulseAnswer | undefined> {
      const [row] = await db
        .select({
          score: pulseAnswers.score,
          vision: pulseAnswers.vision,
          motivation: pulseAnswers.motivation,
          human: pulseAnswers.human,
        })
        .from(pulseAnswers)
        .where(
          and(
            eq(pulseAnswers.teamId, teamId),
            eq(pulseAnswers.pulseId, pulseId),
            eq(pulseAnswers.respondentId, userId),
          ),
        );
      return row;
    },

    /**
     * One transaction: lock the pulse row (so a close waits for answers in flight and an answer
     * arriving after a close sees it), record the participation (its primary key lets only the
     * first of two concurrent submissions through), then store the answer.
     *
     * Anonymous answers carry no person and no time, and get a random id. Rows still land in the
     * heap in arrival order, which a plain `select *` returns: so every anonymous insert rewrites
     * the pulse's answers in a fresh random order, and the physical order says nothing about
     * who answered when. That costs O(answers) per answer, which a team-sized survey affords.
     */
    recordAnswer({
      teamId,
      pulseId,
      userId,
      answer,
      now,
    }: {
      teamId: string;
      pulseId: string;
      userId: string;
      answer: PulseAnswer;
      now: Date;
    }): Promise<AnswerOutcome> {
      return db.transaction(async (tx) => {
        const [pulse] = await tx.select().from(pulses).where(byId(teamId, pulseId)).for('update');
        if (!pulse) return 'not_found';
        if (pulse.status !== 'open' || pulse.closesAt.getTime() <= now.getTime()) return 'closed';
        const joined = await tx
          .insert(pulseParticipants)
          .values({ teamId, pulseId, userId })
          .onConflictDoNothing()
          .returning({ userId: pulseParticipants.userId });
        const values = {
          teamId,
          pulseId,
          score: answer.score,
          vision: answer.vision,
          motivation: answer.motivation,
          human: answer.human,
        };
        if (pulse.anonymous) {
          if (joined.length === 0) return 'already_answered';
          const earlier = await tx
            .delete(pulseAnswers)
            .where(and(eq(pulseAnswers.teamId, teamId), eq(pulseAnswers.pulseId, pulseId)))
            .returning();
          // Every answer gets a fresh id and a random place: two snapshots of the table taken
          // between answers (a backup, a replica) must not reveal which row is the newest.
          await tx
            .insert(pulseAnswers)
            .values(
              shuffle([...earlier.map(({ id: _id, ...row }) => ({ ...row, respondentId: null })), values]),
            );
          return 'recorded';
        }
        await tx
          .insert(pulseAnswers)
          .values({ ...values, respondentId: userId })
          .onConflictDoUpdate({
            target: [pulseAnswers.pulseId, pulseAnswers.respondentId],
            set: {
              score: values.score,
              vision: values.vision,
              motivation: values.motivation,
              human: values.human,
            },
          });
        return joined.length > 0 ? 'recorded' : 'updated';
      });
    },

    async listAnswers(teamId: string, pulseId: string): Promise<StoredPulseAnswer[]> {
      return db
        .select(answerColumns)
        .from(pulseAnswers)
        .where(and(eq(pulseAnswers.teamId, teamId), eq(pulseAnswers.pulseId, pulseId)));
    },

    async lastClosed(teamId: string, channelId: string): Promise<Pulse | undefined> {
      const [row] = await db
        .select()
        .from(pulses)
        .where(and(eq(pulses.teamId, teamId), eq(pulses.status, 'closed'), eq(pulses.channelId, channelId)))
        .orderBy(desc(pulses.closedAt))
        .limit(1);
      return row ? toPulse(row) : undefined;
    },

    async previousClosed(
      teamId: string,
      channelId: string,
      before: Date,
      minAnswers: number,
    ): Promise<Pulse | undefined> {
      const [row] = await db
        .select()
        .from(pulses)
        .where(
          and(
            eq(pulses.teamId, teamId),
            eq(pulses.channelId, channelId),
            eq(pulses.status, 'closed'),
            lt(pulses.openedAt, before),
            sql`(select count(*) from ${pulseAnswers} where ${pulseAnswers.pulseId} = ${pulses.id}) >= ${minAnswers}`,
          ),
        )
        .orderBy(desc(pulses.openedAt))
        .limit(1);
      return row ? toPulse(row) : undefined;
    },

    async closedAverages(
      teamId: string,
      channelId: string,
      upTo: Date,
      minAnswers: number,
      limit: number,
    ): Promise<{ pulseId: string; openedAt: Date; average: number }[]> {
      const rows = await db
        .select({
          pulseId: pulses.id,
          openedAt: pulses.openedAt,
          average: sql<string>`avg(${pulseAnswers.score})`,
        })
        .from(pulses)
        .innerJoin(pulseAnswers, eq(pulseAnswers.pulseId, pulses.id))
        .where(
          and(
            eq(pulses.teamId, teamId),
            eq(pulses.channelId, channelId),
            eq(pulses.status, 'closed'),
            lte(pulses.openedAt, upTo),
          ),
        )
        .groupBy(pulses.id, pulses.openedAt)
        .having(sql`count(*) >= ${minAnswers}`)
        .orderBy(desc(pulses.openedAt))
        .limit(limit);
      // avg() of a smallint is numeric, which both drivers hand back as a string.
      return rows.map((r) => ({ pulseId: r.pulseId, openedAt: r.openedAt, average: Number(r.average) }));
    },

    /** The conditional update is the claim: of two closers, only one gets the row back. */
    async claimClose(
      teamId: string,
      pulseId: string,
      now: Date,
      closedBy: string,
    ): Promise<Pulse | undefined> {
      const [row] = await db
        .update(pulses)
        .set({
          status: 'closed',
          closedAt: now,
          closedBy,
          resultsClaimedAt: now,
          resultsAttempts: sql`${pulses.resultsAttempts} + 1`,
        })
        .where(and(byId(teamId, pulseId), eq(pulses.status, 'open')))
        .returning();
      return row ? toPulse(row) : undefined;
    },

    /** Every pulse past its deadline, closed and claimed in one statement (all teams). */
    async claimDueClosings(now: Date): Promise<Pulse[]> {
      const rows = await db
        .update(pulses)
        .set({
          status: 'closed',
          closedAt: now,
          closedBy: 'deadline',
          resultsClaimedAt: now,
          resultsAttempts: sql`${pulses.resultsAttempts} + 1`,
        })
        .where(and(eq(pulses.status, 'open'), lte(pulses.closesAt, now)))
        .returning();
      return rows.map(toPulse);
    },

    async claimDueReminders(now: Date): Promise<Pulse[]> {
      const rows = await db
        .update(pulses)
        .set({ remindedAt: now })
        .where(
          and(
            eq(pulses.status, 'open'),
            isNull(pulses.remindedAt),
            lte(pulses.remindAt, now),
            gt(pulses.closesAt, now),
          ),
        )
        .returning();
      return rows.map(toPulse);
    },

    async claimUnpublishedResults(now: Date, staleBefore: Date, maxAttempts: number): Promise<Pulse[]> {
      const rows = await db
        .update(pulses)
        .set({ resultsClaimedAt: now, resultsAttempts: sql`${pulses.resultsAttempts} + 1` })
        .where(
          and(
            eq(pulses.status, 'closed'),
            isNull(pulses.resultsTs),
            lt(pulses.resultsAttempts, maxAttempts),
            or(isNull(pulses.resultsClaimedAt), lt(pulses.resultsClaimedAt, staleBefore)),
          ),
        )
        .returning();
      return rows.map(toPulse);
    },

    async markResultsPosted(teamId: string, pulseId: string, resultsTs: string) {
      await db.update(pulses).set({ resultsTs }).where(byId(teamId, pulseId));
    },
  } satisfies PulseStore;
}

export type PulseRepository = ReturnType<typeof createPulseRepository>;

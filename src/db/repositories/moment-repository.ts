import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Moment } from '../../domain/moments/moment.js';
import type {
  MomentNotice,
  MomentPatch,
  MomentStore,
  NewMomentRow,
} from '../../domain/moments/moment-service.js';
import type { Db } from '../client.js';
import {
  momentColleagues,
  momentSeconders,
  momentStandards,
  moments,
  notificationOutbox,
  standards,
} from '../schema.js';

export type MomentRow = typeof moments.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A stored row as the domain sees it (the dedupe key stays in the database). */
export function toMoment(row: MomentRow, colleagueIds: string[], cited: string[]): Moment {
  const { dedupeKey: _dedupeKey, ...rest } = row;
  return { ...rest, colleagueIds, standards: cited };
}

/** The tags each moment cites, in the workspace's order (archived standards included). */
export async function citationsOf(tx: Tx | Db, momentIds: string[]): Promise<Map<string, string[]>> {
  const byMoment = new Map<string, string[]>();
  if (momentIds.length === 0) return byMoment;
  const rows = await tx
    .select({ momentId: momentStandards.momentId, tag: standards.tag })
    .from(momentStandards)
    .innerJoin(standards, eq(standards.id, momentStandards.standardId))
    .where(inArray(momentStandards.momentId, momentIds))
    .orderBy(sql`${standards.archivedAt} is not null`, asc(standards.position));
  for (const row of rows) byMoment.set(row.momentId, [...(byMoment.get(row.momentId) ?? []), row.tag]);
  return byMoment;
}

async function standardsOf(tx: Tx | Db, momentId: string): Promise<string[]> {
  return (await citationsOf(tx, [momentId])).get(momentId) ?? [];
}

/**
 * Cites the standards of `tags` (the team's, by tag) from a moment that cites none yet, and
 * returns their tags in the workspace's order, as `citationsOf` reads them back.
 */
async function addStandards(
  tx: Tx,
  moment: { teamId: string; id: string; kind: Moment['kind']; createdAt: Date },
  tags: string[],
): Promise<string[]> {
  if (tags.length === 0) return [];
  const cited = await tx
    .select({ id: standards.id, tag: standards.tag })
    .from(standards)
    .where(and(eq(standards.teamId, moment.teamId), inArray(standards.tag, tags)))
    .orderBy(sql`${standards.archivedAt} is not null`, asc(standards.position));
  if (cited.length === 0) return [];
  await tx.insert(momentStandards).values(
    cited.map((standard) => ({
      teamId: moment.teamId,
      momentId: moment.id,
      standardId: standard.id,
      kind: moment.kind,
      createdAt: moment.createdAt,
    })),
  );
  return cited.map((standard) => standard.tag);
}

/** Replaces the moment's citations by the standards of `tags`. */
async function linkStandards(
  tx: Tx,
  moment: { teamId: string; id: string; kind: Moment['kind']; createdAt: Date },
  tags: string[],
) {
  await tx.delete(momentStandards).where(eq(momentStandards.momentId, moment.id));
  await addStandards(tx, moment, tags);
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

  /** A stored row with its colleagues and the standards it cites. */
  async function withLinks(row: MomentRow): Promise<Moment> {
    return toMoment(row, (await colleaguesOf([row.id])).get(row.id) ?? [], await standardsOf(db, row.id));
  }

  async function get(teamId: string, id: string): Promise<Moment | undefined> {
    const [row] = await db
      .select()
      .from(moments)
      .where(and(eq(moments.teamId, teamId), eq(moments.id, id)));
    if (!row) return undefined;
    return withLinks(row);
  }

  // Built once, not on each insert (see README: prepared); the lists go in as arrays.
  const value = (name: keyof NewMomentRow | 'id' | 'now' | 'tags' | 'notices') => sql.placeholder(name);
  const inserted = db.$with('inserted').as(
    db
      .insert(moments)
      .values({
        id: value('id'),
        teamId: value('teamId'),
        kind: value('kind'),
        authorId: value('authorId'),
        customerType: value('customerType'),
        touchpoint: value('touchpoint'),
        impact: value('impact'),
        story: value('story'),
        lesson: value('lesson'),
        followUpUserId: value('followUpUserId'),
        source: value('source'),
        channelId: value('channelId'),
        permalink: value('permalink'),
        sourceTs: value('sourceTs'),
        dedupeKey: value('dedupeKey'),
        createdAt: value('now'),
        updatedAt: value('now'),
      })
      // A double click or a redelivered submission carries the same dedupe key: keep the first.
      .onConflictDoNothing({ target: [moments.teamId, moments.dedupeKey] })
      .returning(),
  );
  const cited = db.$with('cited').as(
    db
      .select({
        id: standards.id,
        tag: standards.tag,
        archivedAt: standards.archivedAt,
        position: standards.position,
      })
      .from(standards)
      .where(
        and(eq(standards.teamId, value('teamId')), sql`${standards.tag} = any(${value('tags')}::text[])`),
      ),
  );
  const addColleagues = db
    .$with('add_colleagues')
    .as(
      db
        .insert(momentColleagues)
        .select(
          sql`select inserted.team_id, inserted.id, named.user_id, inserted.created_at from inserted, unnest(${value('colleagueIds')}::text[]) as named(user_id)`,
        ),
    );
  const addStandardLinks = db
    .$with('add_standards')
    .as(
      db
        .insert(momentStandards)
        .select(
          sql`select inserted.team_id, inserted.id, cited.id, inserted.kind, inserted.created_at from inserted, cited`,
        ),
    );
  // The notices arrive as one JSON array (ids made by the caller); none is written for a repeat,
  // whose `inserted` is empty.
  const addNotices = db
    .$with('add_notices')
    .as(
      db
        .insert(notificationOutbox)
        .select(
          sql`select notice.id, inserted.team_id, notice.kind, inserted.id, notice.recipient_id, notice.message, 0, inserted.created_at, inserted.created_at, notice.claimed_until from inserted, jsonb_to_recordset(${value('notices')}::jsonb) as notice(id uuid, kind text, recipient_id text, message jsonb, claimed_until timestamptz)`,
        ),
    );
  const insertMoment = db
    .with(inserted, cited, addColleagues, addStandardLinks, addNotices)
    .select({ moment: inserted._.selectedFields, tag: cited.tag })
    .from(inserted)
    .leftJoin(cited, sql`true`)
    .orderBy(sql`${cited.archivedAt} is not null`, asc(cited.position))
    .prepare('moment_insert');

  const repository = {
    get,

    /**
     * One statement, so one round trip (a praise is the busiest write there is): the moment, its
     * colleagues, its standards and its notices (the outbox) are inserted by data-modifying CTEs,
     * which Postgres runs atomically with the statement. The result has a row per cited standard
     * (one with a null tag when it cites none), and none when the dedupe key was stored already.
     */
    async insert(input: NewMomentRow & { id: string }, notices: readonly MomentNotice[], now: Date) {
      const { colleagueIds, standards: tags, ...row } = input;
      const rows = await insertMoment.execute({
        ...row,
        lesson: row.lesson ?? null,
        followUpUserId: row.followUpUserId ?? null,
        sourceTs: row.sourceTs ?? null,
        now,
        colleagueIds,
        tags,
        notices: JSON.stringify(
          notices.map((n) => ({
            id: n.id,
            kind: n.kind,
            recipient_id: n.recipientId,
            message: n.message,
            claimed_until: n.claimedUntil,
          })),
        ),
      });
      const first = rows[0];
      if (first) {
        const citedTags = rows.flatMap((r) => (r.tag === null ? [] : [r.tag]));
        return { moment: toMoment(first.moment, [...colleagueIds].sort(), citedTags), created: true };
      }
      const [existing] = await db
        .select()
        .from(moments)
        .where(and(eq(moments.teamId, input.teamId), eq(moments.dedupeKey, input.dedupeKey ?? '')));
      if (!existing) throw new Error('moment dedupe conflict without a stored row');
      return { moment: await withLinks(existing), created: false };
    },

    async update(teamId: string, id: string, patch: MomentPatch, now: Date) {
      const { colleagueIds, standards: tags, ...columns } = patch;
      const found = await db.transaction(async (tx) => {
        const updated = await tx
          .update(moments)
          .set({ ...columns, updatedAt: now })
          .where(and(eq(moments.teamId, teamId), eq(moments.id, id)))
          .returning({ id: moments.id, createdAt: moments.createdAt, kind: moments.kind });
        const row = updated[0];
        if (!row) return false;
        if (tags) await linkStandards(tx, { teamId, ...row }, tags);
        else if (columns.kind) {
          // The links copy the moment's kind (the digest counts them without reading moments).
          await tx
            .update(momentStandards)
            .set({ kind: columns.kind })
            .where(eq(momentStandards.momentId, id));
        }
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
      const ids = rows.map((r) => r.id);
      const [colleagues, cited] = await Promise.all([colleaguesOf(ids), citationsOf(db, ids)]);
      return rows.map((row) => toMoment(row, colleagues.get(row.id) ?? [], cited.get(row.id) ?? []));
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
      return withLinks(row);
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

import { and, asc, desc, eq, gte, inArray, lte, max, sql } from 'drizzle-orm';
import type { MantraLine, MantraStore, PraiseStory } from '../../domain/mantra/mantra-service.js';
import type { Db } from '../client.js';
import { mantraPosts, mantras, momentColleagues, moments } from '../schema.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Line changes of one team take turns: the default line is created once, and "never remove
 * the last line" holds, even for two admins (or two replicas) acting at the same moment.
 */
async function lockTeam(tx: Tx, teamId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mantras:${teamId}`}))`);
}

const lineColumns = { id: mantras.id, text: mantras.text, isDefault: mantras.isDefault };

async function listLines(tx: Tx | Db, teamId: string): Promise<MantraLine[]> {
  return tx.select(lineColumns).from(mantras).where(eq(mantras.teamId, teamId)).orderBy(asc(mantras.id));
}

export function createMantraRepository(db: Db): MantraStore {
  return {
    async listEnsuringDefault(teamId, defaultText) {
      const lines = await listLines(db, teamId);
      if (lines.length > 0) return lines;
      return db.transaction(async (tx) => {
        await lockTeam(tx, teamId);
        const again = await listLines(tx, teamId);
        if (again.length > 0) return again;
        await tx.insert(mantras).values({ teamId, text: defaultText, isDefault: true });
        return listLines(tx, teamId);
      });
    },

    async add(teamId, text, createdBy) {
      return db.transaction(async (tx) => {
        await lockTeam(tx, teamId);
        const [line] = await tx.insert(mantras).values({ teamId, text, createdBy }).returning(lineColumns);
        if (!line) throw new Error('mantra insert returned no row');
        const dropped = await tx
          .delete(mantras)
          .where(and(eq(mantras.teamId, teamId), eq(mantras.isDefault, true)))
          .returning({ id: mantras.id });
        return { line, replacedDefault: dropped.length > 0 };
      });
    },

    async removeAt(teamId, position) {
      return db.transaction(async (tx) => {
        await lockTeam(tx, teamId);
        const lines = await listLines(tx, teamId);
        const line = lines[position - 1];
        if (!line || position < 1)
          return { ok: false as const, reason: 'unknown_position' as const, count: lines.length };
        if (lines.length <= 1) return { ok: false as const, reason: 'last_line' as const };
        await tx.delete(mantras).where(and(eq(mantras.teamId, teamId), eq(mantras.id, line.id)));
        return { ok: true as const, line };
      });
    },

    async updateText(teamId, id, text) {
      // An edited default line becomes the workspace's own: it no longer follows the language.
      const updated = await db
        .update(mantras)
        .set({ text, isDefault: false })
        .where(and(eq(mantras.teamId, teamId), eq(mantras.id, id)))
        .returning(lineColumns);
      return updated[0];
    },

    async removeById(teamId, id) {
      return db.transaction(async (tx) => {
        await lockTeam(tx, teamId);
        const lines = await listLines(tx, teamId);
        const line = lines.find((l) => l.id === id);
        if (!line) return { ok: false as const, reason: 'not_found' as const };
        if (lines.length <= 1) return { ok: false as const, reason: 'last_line' as const };
        await tx.delete(mantras).where(and(eq(mantras.teamId, teamId), eq(mantras.id, id)));
        return { ok: true as const, line };
      });
    },

    async lastPostOfLines(teamId) {
      const rows = await db
        .select({ mantraId: mantraPosts.mantraId, lastPost: max(mantraPosts.id) })
        .from(mantraPosts)
        .where(eq(mantraPosts.teamId, teamId))
        .groupBy(mantraPosts.mantraId);
      const result = new Map<number, number>();
      for (const row of rows)
        if (row.mantraId !== null && row.lastPost !== null) result.set(row.mantraId, row.lastPost);
      return result;
    },

    async praiseBetween(teamId, since, until, limit) {
      const stories = await db
        .select({
          id: moments.id,
          story: moments.story,
          authorId: moments.authorId,
          createdAt: moments.createdAt,
        })
        .from(moments)
        .where(
          and(
            eq(moments.teamId, teamId),
            eq(moments.kind, 'praise'),
            gte(moments.createdAt, since),
            lte(moments.createdAt, until),
          ),
        )
        .orderBy(desc(moments.createdAt))
        .limit(limit);
      if (stories.length === 0) return [];
      const ids = stories.map((s) => s.id);
      const [colleagues, usage] = await Promise.all([
        db
          .select({ momentId: momentColleagues.momentId, userId: momentColleagues.userId })
          .from(momentColleagues)
          .where(and(eq(momentColleagues.teamId, teamId), inArray(momentColleagues.momentId, ids)))
          .orderBy(asc(momentColleagues.userId)),
        db
          .select({ momentId: mantraPosts.momentId, lastPost: max(mantraPosts.id) })
          .from(mantraPosts)
          .where(and(eq(mantraPosts.teamId, teamId), inArray(mantraPosts.momentId, ids)))
          .groupBy(mantraPosts.momentId),
      ]);
      const named = new Map<string, string[]>();
      for (const c of colleagues) named.set(c.momentId, [...(named.get(c.momentId) ?? []), c.userId]);
      const lastUse = new Map(usage.map((u) => [u.momentId, u.lastPost]));
      return stories.map(
        (s): PraiseStory => ({
          ...s,
          colleagueIds: named.get(s.id) ?? [],
          lastUsedPostId: lastUse.get(s.id) ?? null,
        }),
      );
    },

    async recordPost(post) {
      await db.insert(mantraPosts).values(post);
    },
  };
}

export type MantraRepository = ReturnType<typeof createMantraRepository>;

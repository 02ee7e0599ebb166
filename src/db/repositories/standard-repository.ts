import { and, asc, count, eq, gte, lt, sql } from 'drizzle-orm';
import type { Standard } from '../../domain/standards/standard.js';
import type { StandardStore, StandardWriter } from '../../domain/standards/standard-service.js';
import type { Db } from '../client.js';
import { momentStandards, standards } from '../schema.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const columns = {
  id: standards.id,
  tag: standards.tag,
  description: standards.description,
  position: standards.position,
  archivedAt: standards.archivedAt,
};

/** A team's standards: active ones by position, then archived ones (most recently archived last). */
function listQuery(tx: Tx | Db) {
  return tx
    .select(columns)
    .from(standards)
    .orderBy(sql`${standards.archivedAt} is not null`, asc(standards.position), asc(standards.archivedAt))
    .$dynamic();
}

function writer(tx: Tx | Db): StandardWriter {
  return {
    async list(teamId) {
      return listQuery(tx).where(eq(standards.teamId, teamId));
    },
    async insert(teamId, row) {
      const [inserted] = await tx
        .insert(standards)
        .values({ teamId, ...row })
        .returning(columns);
      if (!inserted) throw new Error('standard insert returned no row');
      return inserted;
    },
    async update(teamId, id, patch, now) {
      await tx
        .update(standards)
        .set({ ...patch, updatedAt: now })
        .where(and(eq(standards.teamId, teamId), eq(standards.id, id)));
    },
  };
}

export function createStandardRepository(db: Db): StandardStore {
  // Every story logged reads its team's standards (the #tags it may cite): built once.
  const listOfTeam = listQuery(db)
    .where(eq(standards.teamId, sql.placeholder('teamId')))
    .prepare('standards_of_team');
  return {
    list: (teamId): Promise<Standard[]> => listOfTeam.execute({ teamId }),

    async insertMissing(teamId, rows) {
      if (rows.length === 0) return;
      await db
        .insert(standards)
        .values(rows.map((row) => ({ teamId, ...row })))
        .onConflictDoNothing({ target: [standards.teamId, standards.tag] });
    },

    async withTeamLock(teamId, work) {
      return db.transaction(async (tx) => {
        // Changes of one team's list take turns: "at most 12" and the positions hold for two
        // admins (or two replicas) acting at the same moment.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`standards:${teamId}`}))`);
        return work(writer(tx));
      });
    },

    async countsBetween(teamId, since, until) {
      return db
        .select({ standardId: momentStandards.standardId, kind: momentStandards.kind, count: count() })
        .from(momentStandards)
        .where(
          and(
            eq(momentStandards.teamId, teamId),
            gte(momentStandards.createdAt, since),
            lt(momentStandards.createdAt, until),
          ),
        )
        .groupBy(momentStandards.standardId, momentStandards.kind);
    },
  };
}

import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  gte,
  inArray,
  isNotNull,
  lt,
  lte,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import type { DigestScope, DigestStore } from '../../domain/digest/digest.js';
import type { Db } from '../client.js';
import {
  momentColleagues,
  momentSeconders,
  momentStandards,
  moments,
  pulseAnswers,
  pulses,
} from '../schema.js';

/**
 * The digest's aggregates. Every query is a range on (team_id, created_at), which the
 * moments_team_created_idx index serves; lists are cut in SQL, never in memory.
 */
/** How far back a channel digest looks for the complaints followed up in its week. */
const FOLLOW_UP_SCOPE_LOOKBACK_MS = 60 * 86_400_000;

export function createDigestRepository(db: Db): DigestStore {
  /**
   * A team's digest: logged in its channel, or written by or about one of its members. The
   * links are bounded by team and time (a link carries its moment's time) so the
   * (team_id, user_id, created_at) index finds them.
   *
   * `set` (a bounded window, the usual case) asks `id in (the window's links)`: Postgres reads
   * the members' links once into a hash and tests each moment against it. `each` asks whether a
   * link exists for every candidate row: for an unbounded search that stops at its first match,
   * where reading every link of every week first would cost far more.
   */
  function inScope(
    teamId: string,
    from: Date,
    to: Date,
    scope: DigestScope,
    lookup: 'set' | 'each' = 'set',
  ): SQL | undefined {
    if (scope.kind === 'workspace') return undefined;
    const members = scope.memberIds;
    if (members.length === 0) return eq(moments.channelId, scope.channelId);
    const membersLinks = and(
      eq(momentColleagues.teamId, teamId),
      inArray(momentColleagues.userId, members),
      gte(momentColleagues.createdAt, from),
      lt(momentColleagues.createdAt, to),
    );
    return or(
      eq(moments.channelId, scope.channelId),
      inArray(moments.authorId, members),
      lookup === 'set'
        ? inArray(
            moments.id,
            db.select({ id: momentColleagues.momentId }).from(momentColleagues).where(membersLinks),
          )
        : exists(
            db
              .select({ one: sql`1` })
              .from(momentColleagues)
              .where(and(eq(momentColleagues.momentId, moments.id), membersLinks)),
          ),
    );
  }

  const inWeek = (teamId: string, from: Date, to: Date, scope: DigestScope, ...more: (SQL | undefined)[]) =>
    and(
      eq(moments.teamId, teamId),
      gte(moments.createdAt, from),
      lt(moments.createdAt, to),
      inScope(teamId, from, to, scope),
      ...more,
    );

  const citedInWeek = (teamId: string, from: Date, to: Date) =>
    and(
      eq(momentStandards.teamId, teamId),
      gte(momentStandards.createdAt, from),
      lt(momentStandards.createdAt, to),
    );

  /**
   * The week's moments in scope, as a set a link table (colleagues, citations) is checked
   * against: Postgres reads both ranges and hash-joins them. Joined row by row, it looked each
   * link's moment up by its key, a random read per link (105 ms for one team's digest over a
   * million moments, 12 ms as a set).
   */
  const momentOfWeek = (
    link: SQLWrapper,
    teamId: string,
    from: Date,
    to: Date,
    scope: DigestScope,
    ...more: (SQL | undefined)[]
  ) =>
    inArray(
      link,
      db
        .select({ id: moments.id })
        .from(moments)
        .where(inWeek(teamId, from, to, scope, ...more)),
    );

  /** A citation carries its moment's team and time: only a team's scope needs the moments. */
  const citedInScope = (teamId: string, from: Date, to: Date, scope: DigestScope) =>
    and(
      citedInWeek(teamId, from, to),
      scope.kind === 'workspace'
        ? undefined
        : momentOfWeek(momentStandards.momentId, teamId, from, to, scope),
    );

  const storyColumns = {
    id: moments.id,
    authorId: moments.authorId,
    impact: moments.impact,
    touchpoint: moments.touchpoint,
    story: moments.story,
    lesson: moments.lesson,
    status: moments.status,
    followUpUserId: moments.followUpUserId,
  };

  /**
   * A story's colleagues and how many seconded it, read by the query that picks the story.
   * Postgres evaluates these subqueries after the sort and the limit, for the rows shown only;
   * two more round trips per list of stories cost more than they do.
   */
  const storyLinks = (momentId: SQLWrapper) => {
    // Built with the query builder so the inner where names both tables: in raw SQL a single
    // table's columns are written unqualified, and an outer "id" could be read as an inner one.
    const colleagues = db
      .select({ ids: sql`array_agg(${momentColleagues.userId} order by ${momentColleagues.userId})` })
      .from(momentColleagues)
      .where(eq(momentColleagues.momentId, momentId));
    const seconders = db
      .select({ count: sql`count(*)::int` })
      .from(momentSeconders)
      .where(eq(momentSeconders.momentId, momentId));
    return {
      colleagueIds: sql<string[]>`coalesce((${colleagues}), '{}'::text[])`,
      seconders: sql<number>`(${seconders})`,
    };
  };
  const storyWithLinks = { ...storyColumns, ...storyLinks(moments.id) };

  return {
    async countsByKindAndImpact(teamId, from, to, scope) {
      return db
        .select({ kind: moments.kind, impact: moments.impact, count: count() })
        .from(moments)
        .where(inWeek(teamId, from, to, scope))
        .groupBy(moments.kind, moments.impact);
    },

    async topPraise(teamId, from, to, scope, limit) {
      // The stories colleagues seconded come first among equals. The team's secondings are
      // counted once and joined: a count per story (an index lookup for each of thousands of
      // stories) made this the slowest query of the digest.
      const seconded = db
        .select({ momentId: momentSeconders.momentId, count: count().as('seconders') })
        .from(momentSeconders)
        .where(eq(momentSeconders.teamId, teamId))
        .groupBy(momentSeconders.momentId)
        .as('seconded');
      return db
        .select(storyWithLinks)
        .from(moments)
        .leftJoin(seconded, eq(seconded.momentId, moments.id))
        .where(inWeek(teamId, from, to, scope, eq(moments.kind, 'praise')))
        .orderBy(
          desc(sql`${moments.impact} = 'big'`),
          desc(sql`coalesce(${seconded.count}, 0)`),
          desc(moments.createdAt),
        )
        .limit(limit);
    },

    async recognisedColleagues(teamId, from, to, scope, limit) {
      const rows = await db
        .select({
          userId: momentColleagues.userId,
          count: count(),
          total: sql<number>`(count(*) over ())::int`,
        })
        .from(momentColleagues)
        // moment_colleagues carries its moment's team and time, so the range is read from its
        // own (team_id, created_at) index instead of scanning every link of every week.
        .where(
          and(
            eq(momentColleagues.teamId, teamId),
            gte(momentColleagues.createdAt, from),
            lt(momentColleagues.createdAt, to),
            momentOfWeek(momentColleagues.momentId, teamId, from, to, scope, eq(moments.kind, 'praise')),
          ),
        )
        .groupBy(momentColleagues.userId)
        .orderBy(desc(count()), asc(momentColleagues.userId))
        .limit(limit);
      return { colleagues: rows.map(({ userId, count }) => ({ userId, count })), total: rows[0]?.total ?? 0 };
    },

    async complaintsByTouchpoint(teamId, from, to, scope) {
      return db
        .select({
          touchpoint: moments.touchpoint,
          count: count(),
          resolved: sql<number>`(count(*) filter (where ${moments.status} = 'resolved'))::int`,
          withoutLesson: sql<number>`(count(*) filter (where ${moments.lesson} is null))::int`,
        })
        .from(moments)
        .where(inWeek(teamId, from, to, scope, eq(moments.kind, 'complaint')))
        .groupBy(moments.touchpoint)
        .orderBy(desc(count()), asc(moments.touchpoint));
    },

    async complaintSamples(teamId, from, to, scope, perTouchpoint) {
      const ranked = db
        .select({
          ...storyColumns,
          rank: sql<number>`row_number() over (partition by ${moments.touchpoint} order by (${moments.status} = 'open') desc, ${moments.createdAt} desc)`.as(
            'rank',
          ),
        })
        .from(moments)
        .where(inWeek(teamId, from, to, scope, eq(moments.kind, 'complaint')))
        .as('ranked');
      return db
        .select({
          id: ranked.id,
          authorId: ranked.authorId,
          impact: ranked.impact,
          touchpoint: ranked.touchpoint,
          story: ranked.story,
          lesson: ranked.lesson,
          status: ranked.status,
          followUpUserId: ranked.followUpUserId,
          ...storyLinks(ranked.id),
        })
        .from(ranked)
        .where(lte(ranked.rank, perTouchpoint))
        .orderBy(asc(ranked.touchpoint), asc(ranked.rank));
    },

    // Citations are read from moment_standards' own (team_id, created_at) index; moments are
    // read only to apply a team's scope.
    async standardCounts(teamId, from, to, scope) {
      return db
        .select({ standardId: momentStandards.standardId, kind: momentStandards.kind, count: count() })
        .from(momentStandards)
        .where(citedInScope(teamId, from, to, scope))
        .groupBy(momentStandards.standardId, momentStandards.kind);
    },

    async missedAmong(teamId, standardIds, from, to, scope) {
      if (standardIds.length === 0) return [];
      const rows = await db
        .selectDistinct({ standardId: momentStandards.standardId })
        .from(momentStandards)
        .where(
          and(
            citedInScope(teamId, from, to, scope),
            eq(momentStandards.kind, 'complaint'),
            inArray(momentStandards.standardId, standardIds),
          ),
        );
      return rows.map((r) => r.standardId);
    },

    async lessonsFor(teamId, standardId, from, to, scope, limit) {
      return db
        .select(storyWithLinks)
        .from(momentStandards)
        .innerJoin(moments, eq(moments.id, momentStandards.momentId))
        .where(
          and(
            citedInWeek(teamId, from, to),
            eq(momentStandards.standardId, standardId),
            eq(momentStandards.kind, 'complaint'),
            inWeek(teamId, from, to, scope, isNotNull(moments.lesson)),
          ),
        )
        .orderBy(desc(momentStandards.createdAt))
        .limit(limit);
    },

    async exampleFor(teamId, standardId, to, scope) {
      // The standard's own (standard_id, created_at) index, read backwards from the week's end.
      const rows = await db
        .select(storyWithLinks)
        .from(momentStandards)
        .innerJoin(moments, eq(moments.id, momentStandards.momentId))
        .where(
          and(
            eq(momentStandards.standardId, standardId),
            lt(momentStandards.createdAt, to),
            eq(momentStandards.kind, 'praise'),
            eq(moments.teamId, teamId),
            // Any time before the week's end: the scope's links are bounded by the team only.
            inScope(teamId, new Date(0), to, scope, 'each'),
          ),
        )
        .orderBy(desc(momentStandards.createdAt))
        .limit(1);
      return rows[0];
    },

    async followUpTimes(teamId, from, to, scope) {
      // moments_team_followed_up_idx: the week's range of follow-up times, whatever the creation date.
      const rows = await db
        .select({ createdAt: moments.createdAt, followedUpAt: moments.followedUpAt })
        .from(moments)
        .where(
          and(
            eq(moments.teamId, teamId),
            eq(moments.kind, 'complaint'),
            gte(moments.followedUpAt, from),
            lt(moments.followedUpAt, to),
            // A complaint followed up this week may have been logged weeks before.
            inScope(teamId, new Date(from.getTime() - FOLLOW_UP_SCOPE_LOOKBACK_MS), to, scope),
          ),
        );
      return rows.map((r) => ({ createdAt: r.createdAt, followedUpAt: r.followedUpAt as Date }));
    },

    async latestPulse(teamId, from, to, minAnswers) {
      const [pulse] = await db
        .select({ id: pulses.id })
        .from(pulses)
        .where(
          and(
            eq(pulses.teamId, teamId),
            eq(pulses.status, 'closed'),
            gte(pulses.closedAt, from),
            lt(pulses.closedAt, to),
          ),
        )
        .orderBy(desc(pulses.closedAt))
        .limit(1);
      if (!pulse) return undefined;
      const [stats] = await db
        .select({ answers: count(), average: sql<number>`avg(${pulseAnswers.score})::float8` })
        .from(pulseAnswers)
        .where(and(eq(pulseAnswers.teamId, teamId), eq(pulseAnswers.pulseId, pulse.id)));
      // Below the anonymity threshold the average is not shown anywhere, digests included.
      if (!stats || stats.answers < minAnswers) return undefined;
      return { answers: stats.answers, average: Number(stats.average) };
    },
  };
}

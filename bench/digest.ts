/**
 * Benchmark: building the weekly digest for a workspace holding one million moments, on a
 * real Postgres. Not a test (timings on shared machines are noisy); `npm run bench` runs it as
 * one of its rows when DATABASE_URL is set, or on its own:
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/digest.ts
 *
 * It creates (or reuses) a database `culture_bench_digest`, fills it once with MOMENTS moments
 * (default 1,000,000) spread over ~4 years for one team plus noise from other teams, then times
 * `digests.build` for a busy week, workspace-wide and for one channel's team.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { openDatabase } from '../src/db/client.js';
import { createDigestRepository } from '../src/db/repositories/digest-repository.js';
import { createStandardRepository } from '../src/db/repositories/standard-repository.js';
import type { DigestScope } from '../src/domain/digest/digest.js';
import { createDigestService } from '../src/domain/digest/digest-service.js';
import { weekContaining } from '../src/domain/digest/week.js';
import { workspaceSettingsSchema } from '../src/domain/workspace/workspace-service.js';
import { seedMoments } from './lib/seed.js';
import { median } from './lib/stats.js';

const TEAM = 'TBENCH';
const DATABASE_NAME = 'culture_bench_digest';
/** The busy week measured (the seeded history ends the Monday after it). */
const END = new Date('2026-11-30T00:00:00Z');
const WEEK = weekContaining(new Date('2026-11-25T12:00:00Z'), 'UTC');

export interface DigestAtScale {
  total: number;
  weekly: number;
  workspaceMs: number;
  channelMs: number;
}

/**
 * Times `digests.build` over the million-moment database (created and filled on first use,
 * reused afterwards): the median of `runs` builds per scope, after a warm-up.
 */
export async function digestAtScale(
  adminUrl: string,
  { runs = 30, moments = 1_000_000, log = (_line: string) => {} } = {},
): Promise<DigestAtScale> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const exists = await admin`select 1 from pg_database where datname = ${DATABASE_NAME}`;
  if (exists.length === 0) await admin.unsafe(`create database ${DATABASE_NAME}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE_NAME}`;
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    const [counted] = await sql<
      { n: number }[]
    >`select count(*)::int as n from moments where team_id = ${TEAM}`;
    if ((counted?.n ?? 0) === 0) {
      log(`seeding ${moments} moments (once)…`);
      const started = performance.now();
      // ~4 years of history ending at END, one story every ~2 minutes.
      await seedMoments(database, {
        teamId: TEAM,
        count: moments,
        from: new Date(END.getTime() - moments * 126_000),
        to: END,
      });
      // Other workspaces share the tables: their rows must not slow this one down.
      await sql`
        insert into moments (team_id, kind, author_id, customer_type, touchpoint, impact, story, source, created_at, updated_at)
        select 'TOTHER' || (i % 50), 'praise', 'U1', 'external', 'phone', 'small', 'Other team story', 'command',
               ${END}::timestamptz - (i * interval '300 seconds'), ${END}::timestamptz - (i * interval '300 seconds')
        from generate_series(1, 200000) as i`;
      await sql`analyze`;
      log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const [total] = await sql<
      { n: number }[]
    >`select count(*)::int as n from moments where team_id = ${TEAM}`;
    const [week] = await sql<{ n: number }[]>`
      select count(*)::int as n from moments
      where team_id = ${TEAM} and created_at >= ${WEEK.start} and created_at < ${WEEK.end}`;

    const standards = createStandardRepository(database.db);
    // The bench builds digests only; nothing here posts, so no one's role is asked.
    const service = createDigestService(
      createDigestRepository(database.db),
      { all: (teamId) => standards.list(teamId) },
      { authorize: async () => ({ ok: true }) },
    );
    const workspace = { timezone: 'UTC', settings: workspaceSettingsSchema.parse({}) };
    const time = async (scope: DigestScope) => {
      await service.build(TEAM, WEEK, scope, workspace, 'Customer first.'); // warm-up
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await service.build(TEAM, WEEK, scope, workspace, 'Customer first.');
        times.push(performance.now() - started);
      }
      return median(times);
    };
    return {
      total: total?.n ?? 0,
      weekly: week?.n ?? 0,
      workspaceMs: await time({ kind: 'workspace' }),
      // One team's channel: its own channel's stories, and those by or about its 40 members.
      channelMs: await time({
        kind: 'channel',
        channelId: 'C7',
        memberIds: Array.from({ length: 40 }, (_, i) => `U${i * 7}`),
      }),
    };
  } finally {
    await sql.end({ timeout: 5 });
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    console.error('Set BENCH_DATABASE_URL to a Postgres server the benchmark may create a database on.');
    process.exit(1);
  }
  const r = await digestAtScale(adminUrl, {
    runs: Number(process.env.RUNS ?? 30),
    moments: Number(process.env.MOMENTS ?? 1_000_000),
    log: console.log,
  });
  console.log(
    `digest.build over ${r.total} moments, ${r.weekly} in the week: workspace ${r.workspaceMs.toFixed(1)} ms, scope=channel ${r.channelMs.toFixed(1)} ms (medians)`,
  );
}

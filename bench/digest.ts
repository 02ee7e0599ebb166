/**
 * Benchmark: building the weekly digest for a workspace holding one million moments, on a
 * real Postgres. Not a test (timings on shared machines are noisy); run it and read the figures.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/digest.ts
 *
 * It creates (or reuses) a database `culture_bench_digest`, fills it once with MOMENTS moments
 * (default 1,000,000) spread over ~4 years for one team plus noise from other teams, then times
 * `digests.build` for a busy week and prints the plans' index use.
 */
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { openDatabase } from '../src/db/client.js';
import { createDigestRepository } from '../src/db/repositories/digest-repository.js';
import { createDigestService } from '../src/domain/digest/digest-service.js';
import { weekContaining } from '../src/domain/digest/week.js';
import { workspaceSettingsSchema } from '../src/domain/workspace/workspace-service.js';

const adminUrl = process.env.BENCH_DATABASE_URL;
if (!adminUrl) {
  console.error('Set BENCH_DATABASE_URL to a Postgres server the benchmark may create a database on.');
  process.exit(1);
}
const TOTAL = Number(process.env.MOMENTS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 30);
const TEAM = 'TBENCH';
const name = 'culture_bench_digest';

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
const exists = await admin`select 1 from pg_database where datname = ${name}`;
if (exists.length === 0) await admin.unsafe(`create database ${name}`);
await admin.end();
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString() });
await database.migrate();
const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });

const [counted] = await sql<{ n: number }[]>`select count(*)::int as n from moments where team_id = ${TEAM}`;
const n = counted?.n ?? 0;
const end = new Date('2026-11-30T00:00:00Z');
if (n < TOTAL) {
  console.log(`seeding ${TOTAL - n} moments…`);
  const started = performance.now();
  // ~4 years of history ending at `end`; one colleague per praise, 1 in 20 with a second one.
  await sql`
    insert into moments (team_id, kind, author_id, customer_type, touchpoint, impact, story, lesson, status,
                         source, standards, created_at, updated_at)
    select ${TEAM},
           case when i % 3 = 0 then 'complaint' else 'praise' end,
           'U' || (i % 500),
           case when i % 5 = 0 then 'internal' else 'external' end,
           (array['phone','email','chat','store','social','other'])[1 + i % 6],
           case when i % 7 = 0 then 'big' else 'small' end,
           'A customer story number ' || i || ' told in a few sentences, as people do. #same-day',
           case when i % 6 = 0 then 'What we learned from story ' || i else null end,
           case when i % 4 = 0 then 'resolved' else 'open' end,
           'command',
           case when i % 9 = 0 then array['same-day'] when i % 11 = 0 then array['follow-up'] else '{}'::text[] end,
           ${end}::timestamptz - (i * interval '126 seconds'),
           ${end}::timestamptz - (i * interval '126 seconds')
    from generate_series(${n + 1}::int, ${TOTAL}::int) as i`;
  await sql`
    insert into moment_colleagues (team_id, moment_id, user_id, created_at)
    select team_id, id, 'U' || (abs(hashtext(id::text)) % 500), created_at from moments
    where team_id = ${TEAM} and kind = 'praise'
    on conflict do nothing`;
  await sql`
    insert into moment_colleagues (team_id, moment_id, user_id, created_at)
    select team_id, id, 'U' || (abs(hashtext(id::text || 'x')) % 500), created_at from moments
    where team_id = ${TEAM} and kind = 'praise' and abs(hashtext(id::text)) % 20 = 0
    on conflict do nothing`;
  // Other workspaces share the tables: their rows must not slow this one down.
  await sql`
    insert into moments (team_id, kind, author_id, customer_type, touchpoint, impact, story, source, created_at, updated_at)
    select 'TOTHER' || (i % 50), 'praise', 'U1', 'external', 'phone', 'small', 'Other team story', 'command',
           ${end}::timestamptz - (i * interval '300 seconds'), ${end}::timestamptz - (i * interval '300 seconds')
    from generate_series(1, 200000) as i`;
  await sql`analyze`;
  console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const [weekRow] = await sql<{ weekly: number }[]>`
  select count(*)::int as weekly from moments where team_id = ${TEAM} and created_at >= ${new Date('2026-11-23T00:00:00Z')}`;
const weekly = weekRow?.weekly ?? 0;
const service = createDigestService(createDigestRepository(database.db));
const week = weekContaining(new Date('2026-11-25T12:00:00Z'), 'UTC');
const workspace = { timezone: 'UTC', settings: workspaceSettingsSchema.parse({}) };
const scopes = {
  workspace: { kind: 'workspace' as const },
  channel: {
    kind: 'channel' as const,
    channelId: 'CTEAM',
    memberIds: Array.from({ length: 40 }, (_, i) => `U${i * 7}`),
  },
};

for (const [label, scope] of Object.entries(scopes)) {
  await service.build(TEAM, week, scope, workspace, 'Customer first.'); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await service.build(TEAM, week, scope, workspace, 'Customer first.');
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]?.toFixed(1);
  console.log(
    `digest.build scope=${label}: ${TOTAL} moments in the team, ${weekly} in the week → median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms (${RUNS} runs)`,
  );
}

const plan = await sql.unsafe(
  `explain (analyze, costs off, timing off, summary off)
   select kind, impact, count(*) from moments
   where team_id = $1 and created_at >= $2 and created_at < $3 group by kind, impact`,
  [TEAM, week.start.toISOString(), week.end.toISOString()],
);
console.log('plan (weekly counts):');
for (const row of plan) console.log(`  ${Object.values(row)[0]}`);
const planColleagues = await sql.unsafe(
  `explain (costs off)
   select mc.user_id, count(*) from moment_colleagues mc join moments m on m.id = mc.moment_id
   where mc.team_id = $1 and mc.created_at >= $2 and mc.created_at < $3
     and m.team_id = $1 and m.kind = 'praise' and m.created_at >= $2 and m.created_at < $3
   group by mc.user_id order by count(*) desc limit 12`,
  [TEAM, week.start.toISOString(), week.end.toISOString()],
);
console.log('plan (recognised colleagues):');
for (const row of planColleagues) console.log(`  ${Object.values(row)[0]}`);
const memory = process.memoryUsage();
console.log(
  `memory: rss ${(memory.rss / 1e6).toFixed(0)} MB, heap used ${(memory.heapUsed / 1e6).toFixed(0)} MB`,
);
await sql.end();
await database.close();

/**
 * The rows of the `npm run bench` table, in the order they run. Each step measures something
 * on the bench (the running bot, the bare Bolt app, the emulator, the database) and returns
 * its rows; `run.ts` prints them and writes them as JSON.
 *
 * To add a row: write a `Step` (an async function of the bench returning one or more `Row`s)
 * and append it to `steps` at the end of this file. A step that needs the bot stopped (to
 * reach the database directly) restarts it with `bench.restartBot()` before returning.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { weekContaining } from '../src/domain/digest/week.js';
import { chartRenderAndUpload } from './charts.js';
import { digestAtScale } from './digest.js';
import { monotonicMs } from './lib/clock.js';
import { type BenchEmulator, startEmulatorProcess } from './lib/emulator.js';
import { commandLoad, type SlashCommand, signedCommand } from './lib/load.js';
import type { AppProcess } from './lib/processes.js';
import { seedMoments } from './lib/seed.js';
import { median, percentile } from './lib/stats.js';
import { reactionToDm } from './reactions.js';

export interface Row {
  readonly measure: string;
  /** The bare Bolt app's figure; undefined where it has none. */
  readonly bare?: string;
  readonly bot: string;
  /** The bot's figure against the bare app's (×), when both have one. */
  readonly ratio?: string;
  /** What the issue asks of this figure. */
  readonly goal?: string;
  /** The raw numbers behind the row, for the JSON file. */
  readonly data?: Record<string, unknown>;
}

export interface Bench {
  readonly database: 'pglite' | 'postgres';
  /** The Slack emulator, in a process of its own. */
  readonly emulator: BenchEmulator;
  readonly signingSecret: string;
  readonly bare: AppProcess;
  /** The bot as last started. */
  readonly bot: AppProcess;
  /**
   * Most CPU an app may use in a second and still count as idle (/proc counts in 10 ms ticks).
   * More under BENCH_PROFILE: the profiler's own threads keep sampling an idle bot.
   */
  readonly idleCpuMs: number;
  /** How many times each A/B pair alternates (bare, bot, bare, bot, …). */
  readonly rounds: number;
  /** Stops the bot (SIGTERM) and returns its exit. */
  stopBot(): Promise<{ ms: number; code: number | null }>;
  /** Starts the bot again on the same data (with `env` added to its environment). */
  restartBot(env?: NodeJS.ProcessEnv): Promise<AppProcess>;
  /** The bench's own connection to the bot's database (PGlite: only while the bot is stopped). */
  openDatabase(): Promise<Database>;
  /** Postgres only: the server URL the bench may create databases on. */
  readonly adminUrl: string | undefined;
}

export type Step = (bench: Bench) => Promise<Row[]>;

/** The team the ack rows log their praise in; the digest rows read another one. */
export const ACK_TEAM = 'TBENCH';
export const DIGEST_TEAM = 'TDIGEST';
export const AUTHOR = 'UBAUTHOR';
export const COLLEAGUES = Array.from({ length: 20 }, (_, i) => `UBC${i + 1}`);
const DIGEST_STORIES = 3_000;

const praise: SlashCommand = {
  command: '/praise',
  userId: AUTHOR,
  channelId: 'C0BENCH',
  text: (n) =>
    `<@${COLLEAGUES[n % COLLEAGUES.length]}|colleague> stayed late to rebuild order ${n} for a customer #surprise`,
};
const digestPreview: SlashCommand = {
  command: '/digest',
  userId: AUTHOR,
  channelId: 'C0BENCH',
  text: () => 'preview',
};

const ms = (value: number) => `${value.toFixed(1)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
const times = (bot: number, bare: number) => `${(bot / bare).toFixed(2)}×`;
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/**
 * Resolves once the apps are idle: for a whole second the emulator saw no Web API call or
 * response_url post, and neither the bot nor the bare app used more than `bench.idleCpuMs` of CPU
 * (the work after their acks is over, garbage collection included). After the throughput rounds
 * that work is long: every `/praise` stored a moment and DMed a colleague, tens of thousands in
 * all; a round measured before they are done would measure that backlog instead. Then the
 * emulator forgets what it recorded.
 */
async function settle(bench: Bench, limitMs = 240_000) {
  const started = Date.now();
  const cpu = () => [bench.bot.cpuMs(), bench.bare.cpuMs()];
  let seen = await bench.emulator.call('activity');
  let before = cpu();
  for (;;) {
    await sleep(1_000);
    const activity = await bench.emulator.call('activity');
    const after = cpu();
    const idle = after.every((ms, i) => ms - (before[i] ?? 0) <= bench.idleCpuMs);
    if (activity === seen && idle) break;
    if (Date.now() - started > limitMs) {
      console.log(`  (the apps were still busy after ${seconds(limitMs)}; measuring anyway)`);
      break;
    }
    seen = activity;
    before = after;
  }
  // A long wait is worth knowing: it is the work the last load left behind.
  if (Date.now() - started > 5_000)
    console.log(`  (waited ${seconds(Date.now() - started)} for the apps to go idle)`);
  await bench.emulator.call('reset');
}

/**
 * Runs `measure` on the bare app, then the bot, `rounds` times, each on idle apps; each side's
 * median. One unmeasured `warmUp` of each app first, so that neither pays for V8 compiling its
 * code to fast machine code in a measured round.
 */
async function alternate(
  bench: Bench,
  measure: (app: AppProcess) => Promise<number>,
  warmUp: (app: AppProcess) => Promise<unknown>,
) {
  await warmUp(bench.bare);
  await warmUp(bench.bot);
  const sides = { bare: bench.bare, bot: bench.bot };
  const rounds = { bare: [] as number[], bot: [] as number[] };
  // What each round cost the app, the work after its acks included (until it was idle again):
  // a figure the machine's other load barely moves.
  const cpuMs = { bare: [] as number[], bot: [] as number[] };
  await settle(bench);
  for (let round = 0; round < bench.rounds; round++) {
    for (const side of ['bare', 'bot'] as const) {
      const cpuBefore = sides[side].cpuMs();
      rounds[side].push(await measure(sides[side]));
      await settle(bench);
      cpuMs[side].push(sides[side].cpuMs() - cpuBefore);
    }
  }
  return { bare: median(rounds.bare), bot: median(rounds.bot), rounds, cpuMs };
}

const target = (bench: Bench, app: AppProcess, teamId = ACK_TEAM) => ({
  appUrl: app.url,
  signingSecret: bench.signingSecret,
  emulator: bench.emulator,
  teamId,
});

async function idleMemory(app: AppProcess) {
  await sleep(5_000);
  return app.rssMb();
}

/** A start row: the median of `startsMs` (each spawn → healthy), and memory once idle after the last. */
const startRow = (measure: string, startsMs: number[], rss: number, goal: string): Row => ({
  measure,
  bot: `${seconds(median(startsMs))} / ${rss.toFixed(0)} MB`,
  goal,
  data: { startToHealthyMs: median(startsMs), starts: startsMs, idleRssMb: rss },
});

/** How many times the bot is started on data already there: one start alone varied by 0.3 s. */
const STARTS_WITH_DATA = 3;

const firstRun: Step = async (bench) => [
  startRow(
    'start to healthy / idle memory, first run',
    [bench.bot.startToHealthyMs],
    await idleMemory(bench.bot),
    bench.database === 'pglite' ? '≤ 6 s / ≤ 350 MB' : '≤ 1 s / ≤ 120 MB',
  ),
];

/**
 * One round of the ack row. Its warm-up is a whole round too: after a shorter one (3 s) each
 * app's first measured round cost it 1.3-1.8 times the CPU of its later rounds (V8 still
 * compiling, the heap still growing), and that round was often the slowest of either side.
 */
const ACK_ROUND = { seconds: 10, rate: 100 };

const ackLatency: Step = async (bench) => {
  const r = await alternate(
    bench,
    async (app) => {
      const load = await commandLoad(target(bench, app), praise, ACK_ROUND);
      return percentile(load.latencies, 0.99);
    },
    (app) => commandLoad(target(bench, app), praise, ACK_ROUND),
  );
  return [
    {
      measure: 'ack p99, open loop at 100 commands/s',
      bare: ms(r.bare),
      bot: ms(r.bot),
      ratio: times(r.bot, r.bare),
      goal: '≤ 1.2×',
      data: r,
    },
  ];
};

const throughput: Step = async (bench) => {
  const r = await alternate(
    bench,
    async (app) => {
      const load = await commandLoad(target(bench, app), praise, { connections: 20, seconds: 5 });
      return load.requestsPerSecond;
    },
    (app) => commandLoad(target(bench, app), praise, { connections: 20, seconds: 2 }),
  );
  return [
    {
      measure: 'throughput, 20 concurrent clients',
      bare: `${r.bare.toFixed(0)} req/s`,
      bot: `${r.bot.toFixed(0)} req/s`,
      ratio: times(r.bot, r.bare),
      goal: bench.database === 'pglite' ? '≥ 0.5×' : '≥ 0.9×',
      data: r,
    },
  ];
};

/** The current week (UTC, the default zone) up to now, with DIGEST_STORIES stories in it. */
const seedDigestWeek: Step = async (bench) => {
  await bench.stopBot();
  const database = await bench.openDatabase();
  const now = new Date();
  await seedMoments(database, {
    teamId: DIGEST_TEAM,
    count: DIGEST_STORIES,
    from: weekContaining(now, 'UTC').start,
    to: new Date(now.getTime() - 60_000),
  });
  await database.close();
  const startsMs: number[] = [];
  for (let start = 0; start < STARTS_WITH_DATA; start++)
    startsMs.push((await bench.restartBot()).startToHealthyMs);
  return [
    startRow(
      `start to healthy / idle memory, data already there (median of ${STARTS_WITH_DATA} starts)`,
      startsMs,
      await idleMemory(bench.bot),
      bench.database === 'pglite' ? '≤ 1.5 s' : '≤ 1 s / ≤ 120 MB',
    ),
  ];
};

/** One /digest preview, from the command to the preview reaching the response_url. */
async function previewOnce(bench: Bench, n: number): Promise<number> {
  const { body, headers, responseUrl } = signedCommand(
    target(bench, bench.bot, DIGEST_TEAM),
    digestPreview,
    n,
  );
  const id = new URL(responseUrl).pathname.replace('/response/', '');
  const answered = bench.emulator.call('responseAt', { id, timeoutMs: 60_000 });
  const started = monotonicMs();
  try {
    await fetch(`${bench.bot.url}/slack/events`, { method: 'POST', headers, body });
    return (await answered) - started;
  } catch (err) {
    answered.catch(() => {});
    throw err;
  }
}

/**
 * The first preview after a start pays for V8 compiling PGlite's WebAssembly and our code to
 * fast machine code (in background threads, seconds of CPU in all); it is shown apart. The
 * median is taken once twenty previews have warmed the bot up, as in a bot that has been running.
 */
const digestPreviewTime: Step = async (bench) => {
  const first = await previewOnce(bench, 0);
  for (let i = 1; i <= 20; i++) await previewOnce(bench, i);
  const runs: number[] = [];
  // CPU time tells what a preview costs the bot whatever else the machine is doing.
  const cpuBefore = bench.bot.cpuMs();
  for (let i = 21; i <= 30; i++) runs.push(await previewOnce(bench, i));
  const cpuPerPreview = (bench.bot.cpuMs() - cpuBefore) / runs.length;
  return [
    {
      measure: `\`/digest preview\`, ${DIGEST_STORIES.toLocaleString('en')} stories in the week (command to answer: median once warm; bot CPU each; first after start)`,
      bot: `${ms(median(runs))}; ${ms(cpuPerPreview)} CPU; first ${ms(first)}`,
      goal: bench.database === 'pglite' ? '< 100 ms' : '',
      data: { runs, cpuPerPreview, first },
    },
  ];
};

/**
 * Four people loop `/digest preview` (each waits for their preview, then asks again) while
 * others log praise at 20 commands/s; /healthz is polled throughout; then SIGTERM mid-load.
 */
const acksUnderDigestLoad: Step = async (bench) => {
  let looping = true;
  let previews = 0;
  let n = 1_000;
  const loops = Array.from({ length: 4 }, async () => {
    while (looping) {
      // A failed preview (the bot stopping) waits a moment: retried at once, the loop would
      // never yield to the timers that end it.
      await previewOnce(bench, n++).catch(() => sleep(100));
      previews++;
    }
  });
  const health: number[] = [];
  let unhealthy = 0;
  // Health is polled until the SIGTERM, not during the stop (the server closes then, on purpose).
  let checking = true;
  const polling = (async () => {
    while (checking) {
      const started = performance.now();
      const res = await fetch(`${bench.bot.url}/healthz`).catch(() => undefined);
      health.push(performance.now() - started);
      if (res?.status !== 200) unhealthy++;
      await sleep(250);
    }
  })();
  await sleep(2_000); // the loops are under way
  const others = await commandLoad(target(bench, bench.bot), praise, { seconds: 15, rate: 20 });
  checking = false;
  await polling;
  const exit = await bench.stopBot();
  looping = false;
  await Promise.race([Promise.all(loops), sleep(5_000)]);
  health.sort((a, b) => a - b);
  await bench.restartBot();
  return [
    {
      measure: "other people's acks while four people loop `/digest preview` (p50 / p99)",
      bot: `${ms(percentile(others.latencies, 0.5))} / ${ms(percentile(others.latencies, 0.99))}`,
      goal: 'p99 ≤ 50 ms',
      data: { latencies: others.latencies.length, errors: others.errors, previews },
    },
    {
      measure: '`/healthz` during that load (worst answer, failures)',
      bot: `${ms(health.at(-1) ?? Number.NaN)}, ${unhealthy} failed`,
      goal: 'answers',
      data: { polls: health.length, unhealthy },
    },
    {
      measure: 'SIGTERM during that load → process ended',
      bot: `${seconds(exit.ms)}, exit ${exit.code}`,
      goal: '≤ 10 s',
      data: exit,
    },
  ];
};

/** Postgres only: bench/digest.ts on its million-moment database. */
const digestMillion: Step = async (bench) => {
  if (!bench.adminUrl) return [];
  const r = await digestAtScale(bench.adminUrl, { runs: 10 });
  return [
    {
      measure: `weekly digest build, ${r.total.toLocaleString('en')} moments, ${r.weekly.toLocaleString('en')} in the week (median)`,
      bot: `${ms(r.workspaceMs)} workspace, ${ms(r.channelMs)} \`scope=channel\``,
      goal: '< 100 ms',
      data: { ...r },
    },
  ];
};

/** A praise by emoji reaction, the whole way: signed event → the praised colleague's DM. */
const reactionLatency: Step = async (bench) => {
  await settle(bench);
  const r = await reactionToDm({ ...target(bench, bench.bot), count: 100 });
  await settle(bench);
  return [
    {
      measure: 'one reaction, event → colleague’s DM, p50 / p99 of 100; the first after the start',
      bot: `${ms(r.p50)} / ${ms(r.p99)}; first ${ms(r.first)}`,
      data: { first: r.first, p50: r.p50, p99: r.p99, samples: r.samples },
    },
  ];
};

/**
 * One chart as a pulse's results get it: drawn on the renderer's worker thread, uploaded with
 * files.uploadV2 and checked with files.info, against the emulator. Drawn in the bench's
 * process: the bot is not involved.
 */
const chartTime: Step = async (bench) => {
  const r = await chartRenderAndUpload({ slackApiUrl: bench.emulator.url, count: 20 });
  return [
    {
      measure: 'one chart (800 × 400 PNG): render, then render + upload, median of 20',
      bot: `${ms(r.renderMedian)}, ${ms(r.renderAndUploadMedian)}`,
      data: { ...r },
    },
  ];
};

const SCALE_WORKSPACES = 1_000;
const SCHEDULES_PER_WORKSPACE = 10;

/**
 * The scheduler at scale: 1,000 workspaces with 10 schedules each, one of them a daily digest
 * all due at the same minute in the workspace's own channel, the nine others mantra posts due
 * on a far date. The bot runs against an emulator that lets each channel have one message a
 * second (429 with Retry-After beyond). Measured: the bot's CPU over one idle minute (one
 * sweep: the schedules read again and every job run once, plus 10,000 node-cron tasks waiting),
 * then the time from the digests' fire minute until all 1,000 are in their channels.
 */
const schedulerAtScale: Step = async (bench) => {
  await bench.stopBot();
  const database = await bench.openDatabase();
  const team = sql.raw(`'TSCALE' || lpad(w::text, 4, '0')`);
  const workspaces = sql.raw(`generate_series(1, ${SCALE_WORKSPACES}) as w`);
  await database.db.execute(sql`
    insert into workspaces (team_id, locale, timezone) select ${team}, 'en', 'UTC' from ${workspaces}
    on conflict do nothing`);
  // The digests' cron is set once the bot is up (below); the mantras fire on 1 January only.
  await database.db.execute(sql`
    insert into schedules (team_id, kind, channel_id, cron, timezone, created_by)
    select ${team}, case when k = 0 then 'digest' else 'mantra' end, 'CSCALE' || lpad(w::text, 4, '0'),
           case when k = 0 then '0 0 1 1 *' else (k * 5) || ' 4 1 1 *' end, 'UTC', 'UBAUTHOR'
    from ${workspaces}, generate_series(0, ${sql.raw(String(SCHEDULES_PER_WORKSPACE - 1))}) as k`);
  // The first minute boundary at least 80 s away: the bot starts, then idles for a minute.
  const fireAt = new Date(Math.ceil((Date.now() + 80_000) / 60_000) * 60_000);
  const cron = `${fireAt.getUTCMinutes()} ${fireAt.getUTCHours()} * * *`;
  await database.db.execute(sql`
    update schedules set cron = ${cron} where kind = 'digest' and team_id like 'TSCALE%'`);
  await database.close();

  const limited = await startEmulatorProcess({ teamId: ACK_TEAM, channelRateLimit: true });
  try {
    const bot = await bench.restartBot({ SLACK_API_URL: limited.url });
    await sleep(Math.max(0, fireAt.getTime() - 65_000 - Date.now()));
    const cpuBefore = bot.cpuMs();
    await sleep(60_000);
    const idleCpuMs = bot.cpuMs() - cpuBefore;

    const deadline = fireAt.getTime() + 240_000;
    let posted = 0;
    let limitedCalls = 0;
    let lastAt = Date.now();
    while (Date.now() < deadline && posted < SCALE_WORKSPACES) {
      await sleep(250);
      const now = await limited.call('postsTo', { prefix: 'CSCALE' });
      if (now.channels > posted) lastAt = Date.now();
      posted = now.channels;
      limitedCalls = now.limited;
    }
    const tookMs = lastAt - fireAt.getTime();
    return [
      {
        measure: `scheduler, ${SCALE_WORKSPACES.toLocaleString('en')} workspaces × ${SCHEDULES_PER_WORKSPACE} schedules: bot CPU in an idle minute (one tick)`,
        bot: ms(idleCpuMs),
        data: { idleCpuMs },
      },
      {
        measure: `… ${SCALE_WORKSPACES.toLocaleString('en')} digests due at the same minute, one message a second per channel: fire time → last one posted`,
        bot: `${seconds(tookMs)}, ${posted} posted, ${limitedCalls} answered 429`,
        data: { tookMs, posted, limitedCalls },
      },
    ];
  } finally {
    await bench.restartBot();
    await limited.close();
  }
};

export const steps: Step[] = [
  firstRun,
  ackLatency,
  throughput,
  reactionLatency,
  chartTime,
  seedDigestWeek,
  digestPreviewTime,
  acksUnderDigestLoad,
  digestMillion,
  schedulerAtScale,
];

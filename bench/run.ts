/**
 * `npm run bench`: the real bot and a bare Bolt app (bench/bare-bolt.ts), both in HTTP mode
 * against the Slack emulator, measured side by side. Prints one table and writes it as JSON
 * to bench/out/. See bench/README.md for what each row measures and how to add one.
 *
 *   npm run bench                                   # the bot on PGlite (a fresh DATA_DIR)
 *   DATABASE_URL=postgres://… npm run bench         # the bot on Postgres: DATABASE_URL names a
 *                                                   # server the bench creates a database on
 *
 * BENCH_ROUNDS (default 3) sets how many times the A/B rows alternate. BENCH_ONLY=name,name runs
 * only those steps of rows.ts (by function name, e.g. `seedDigestWeek,digestPreviewTime`).
 * BENCH_PROFILE=dir runs the bot under `node --cpu-prof`, its profiles written to dir.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../src/db/client.js';
import { startEmulatorProcess } from './lib/emulator.js';
import { type AppProcess, startApp } from './lib/processes.js';
import { ACK_TEAM, AUTHOR, type Bench, COLLEAGUES, type Row, steps } from './rows.js';

const SECRET = 'bench-signing-secret';
const adminUrl = process.env.DATABASE_URL || undefined;
const kind = adminUrl ? 'postgres' : 'pglite';
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const startedAt = new Date();

console.log('compiling the bot (npm run build)…');
execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

// Slack's side runs in a process of its own: the apps' answers and DMs never land in the
// process that generates the load and times it.
const emulator = await startEmulatorProcess({ teamId: ACK_TEAM, recordRejections: true });
await emulator.call('addUser', { id: AUTHOR, name: 'bench-author', locale: 'en-US' });
for (const id of COLLEAGUES) await emulator.call('addUser', { id, name: id.toLowerCase(), locale: 'en-US' });

// The bot's own database: a fresh data directory, or a fresh database on the Postgres server.
const dataDir = mkdtempSync(join(tmpdir(), 'culture-bench-'));
let databaseUrl: string | undefined;
let databaseName: string | undefined;
if (adminUrl) {
  databaseName = `culture_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${databaseName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
}

const slackEnv = {
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: emulator.url,
  PORT: '0',
};
const baseEnv = { ...process.env };
for (const name of ['SLACK_APP_TOKEN', 'DATABASE_URL', 'DATA_DIR']) delete baseEnv[name];
const botEnv = {
  ...baseEnv,
  ...slackEnv,
  LOG_LEVEL: 'info',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: join(dataDir, 'data') }),
};
// BENCH_PROFILE=dir: the bot writes a V8 CPU profile per thread there (the PGlite worker too).
const profile = process.env.BENCH_PROFILE
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
  : [];
const startBot = (env: NodeJS.ProcessEnv = {}) =>
  startApp('bot', [...profile, 'dist/src/main.js'], { ...botEnv, ...env });

const bare = await startApp('bare bolt', ['--import', 'tsx', 'bench/bare-bolt.ts'], {
  ...baseEnv,
  ...slackEnv,
});
const idleCpuMs = profile.length > 0 ? 150 : 20;
// The bot's first start is measured on a quiet machine, as every round is (rows.ts, settle):
// the bare app, just started under tsx, goes on compiling and collecting for a while after its
// first answer, on the same two cores.
await untilIdle(bare, idleCpuMs);
let bot: AppProcess = await startBot();

const bench: Bench = {
  database: kind,
  emulator,
  signingSecret: SECRET,
  bare,
  get bot() {
    return bot;
  },
  rounds,
  idleCpuMs,
  adminUrl,
  stopBot: () => bot.stop('SIGTERM'),
  async restartBot(env) {
    await bot.stop('SIGTERM');
    bot = await startBot(env);
    return bot;
  },
  openDatabase: () => openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir: join(dataDir, 'data') }),
};

const rows: Row[] = [];
try {
  for (const step of only ? steps.filter((s) => only.includes(s.name)) : steps) {
    // A step that fails is a row that says so; the others still run and the table still prints.
    const added: Row[] = await step(bench).catch((error: unknown) => {
      process.exitCode = 1;
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      return [{ measure: `${step.name} (failed)`, bot: reason?.slice(0, 200) ?? 'failed' }];
    });
    for (const row of added)
      console.log(`  ${row.measure}: ${row.bot}${row.bare ? ` (bare ${row.bare})` : ''}`);
    rows.push(...added);
  }
} finally {
  await bot.stop('SIGTERM');
  await bare.stop('SIGTERM');
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (adminUrl && databaseName) {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  }
}

const botColumn = `bot on ${kind === 'pglite' ? 'PGlite' : 'Postgres'}`;
const table = [
  `| measure | bare Bolt | ${botColumn} | bot ÷ bare | goal |`,
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.measure} | ${r.bare ?? '–'} | ${r.bot} | ${r.ratio ?? '–'} | ${r.goal ?? ''} |`),
].join('\n');
const elapsed = ((Date.now() - startedAt.getTime()) / 1000).toFixed(0);
console.log(`\n${table}\n\n${startedAt.toISOString()}, node ${process.version}, ${elapsed} s`);

mkdirSync('bench/out', { recursive: true });
const file = join('bench/out', `${kind}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ database: kind, startedAt, node: process.version, rounds, rows }, null, 2)}\n`,
);
console.log(`written to ${file}`);
// Autocannon's agents and the emulator's sockets may linger a moment; the run is over.
process.exit(0);

/** Resolves once `app` used at most `idleCpuMs` of CPU in a second (or after 30 s). */
async function untilIdle(app: AppProcess, idleCpuMs: number) {
  let before = app.cpuMs();
  for (let second = 0; second < 30; second++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = app.cpuMs();
    if (now - before <= idleCpuMs) return;
    before = now;
  }
}

/**
 * Check of the "exactly once with any number of replicas" claim, end to end: three real bot
 * processes (`node --import tsx src/main.ts`, what `npm run dev` runs, here without watch) on
 * one Postgres, each with its own node-cron clock, a `* * * * *` mantra schedule made through
 * a signed `/culture schedule` request, and a Slack Web API emulator counting chat.postMessage.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/three-replicas.ts
 *
 * MINUTES (default 3) full minutes are watched after the first fire. It creates a throwaway
 * database, prints one line per minute (posts, and which replica won the claim) and exits 1
 * when any minute saw other than exactly one post.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import postgres from 'postgres';
import { createSlackDriver } from '../src/sandbox/slack-driver.js';
import { startSlackEmulator } from '../src/sandbox/slack-emulator.js';

const adminUrl = process.env.BENCH_DATABASE_URL;
if (!adminUrl) {
  console.error('Set BENCH_DATABASE_URL to a Postgres server the check may create a database on.');
  process.exit(1);
}
const REPLICAS = Number(process.env.REPLICAS ?? 3);
const MINUTES = Number(process.env.MINUTES ?? 3);
const TEAM = 'TBENCH';
const ADMIN = 'UBENCHADMIN';
const CHANNEL = 'C0BENCH';
const SECRET = 'bench-signing-secret';

const name = `culture_bench_replicas_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });

const emulator = await startSlackEmulator({ teamId: TEAM });
emulator.addUser({ id: ADMIN, name: 'bench-admin', is_admin: true, locale: 'en-US' });

interface Replica {
  child: ChildProcess;
  port: number;
  pid: number;
}

function startReplica(index: number): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: emulator.url,
      DATABASE_URL: url.toString(),
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica ${index} did not start in 60 s`)), 60_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      let log: { msg?: string; port?: number; level?: number };
      try {
        log = JSON.parse(line);
      } catch {
        return;
      }
      if ((log.level ?? 0) >= 50) console.error(`replica ${index}: ${line}`);
      if (log.msg === 'service culture bot started' && typeof log.port === 'number') {
        clearTimeout(timer);
        resolve({ child, port: log.port, pid: child.pid ?? 0 });
      }
    });
    child.once('exit', (code) => reject(new Error(`replica ${index} exited with ${code}`)));
  });
}

const replicas: Replica[] = [];
let failed = false;
try {
  // One after the other: the first applies the migrations, the others find them applied.
  for (let i = 0; i < REPLICAS; i++) replicas.push(await startReplica(i + 1));
  console.log(`${REPLICAS} replicas up (pids ${replicas.map((r) => r.pid).join(', ')}), database ${name}`);

  // The schedule is made through replica 1, as an admin would; the others learn of it from
  // Postgres within a minute.
  const driver = createSlackDriver({
    appUrl: `http://127.0.0.1:${replicas[0]?.port}`,
    signingSecret: SECRET,
    emulator,
    teamId: TEAM,
  });
  await driver.command({
    command: '/culture',
    text: `schedule mantra <#${CHANNEL}|bench> "* * * * *" UTC`,
    userId: ADMIN,
  });
  const reply = await emulator.waitForResponse(() => true, 10_000);
  console.log(`/culture schedule → ${String(reply.body.text)}`);

  // Watch from the next minute boundary for MINUTES full minutes (plus a few seconds of slack).
  const firstMinute = Math.ceil(Date.now() / 60_000) * 60_000;
  const until = firstMinute + MINUTES * 60_000 + 5_000;
  await new Promise((resolve) => setTimeout(resolve, until - Date.now()));

  const posts = emulator.callsTo('chat.postMessage').filter((c) => c.ok && c.args.channel === CHANNEL);
  const runs = await sql<{ fire_at: Date; status: string; claimed_by: string }[]>`
    select fire_at, status, claimed_by from schedule_runs order by fire_at`;
  const pidOf = (claimedBy: string) => claimedBy.split(':')[1] ?? claimedBy;
  for (let m = 0; m < MINUTES; m++) {
    const start = firstMinute + m * 60_000;
    const inMinute = posts.filter((p) => p.at >= start && p.at < start + 60_000);
    const run = runs.find((r) => r.fire_at.getTime() === start);
    const delay = inMinute[0] ? `${inMinute[0].at - start} ms after the minute` : '';
    console.log(
      `${new Date(start).toISOString()}  posts=${inMinute.length}  run=${run?.status ?? 'none'}  ` +
        `won by pid ${run ? pidOf(run.claimed_by) : '-'}  ${delay}`,
    );
    if (inMinute.length !== 1 || run?.status !== 'posted') failed = true;
  }
  const watched = posts.filter((p) => p.at >= firstMinute && p.at < firstMinute + MINUTES * 60_000);
  console.log(
    `total: ${watched.length} chat.postMessage in ${MINUTES} minutes; ${runs.length} run rows overall`,
  );
  console.log(
    `rejections: ${emulator.rejections.length}; every run row unique per fire time: ${
      new Set(runs.map((r) => r.fire_at.toISOString())).size === runs.length
    }`,
  );
} catch (err) {
  failed = true;
  console.error(err);
} finally {
  for (const r of replicas) r.child.kill('SIGTERM');
  await Promise.all(
    replicas.map((r) =>
      r.child.exitCode !== null ? undefined : new Promise((resolve) => r.child.once('exit', resolve)),
    ),
  );
  await sql.end({ timeout: 5 });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end({ timeout: 5 });
  await emulator.close();
}
console.log(failed ? 'FAILED: not exactly one post per minute' : 'OK: exactly one post per minute');
process.exit(failed ? 1 : 0);

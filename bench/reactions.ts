/**
 * Benchmark: one emoji reaction, from the signed `reaction_added` event to the praised
 * colleague's DM, p50 and p99 over REACTIONS reactions (default 100), one after the other.
 * Each reaction goes the whole way: event acked, reactor looked up, message read with
 * conversations.history, permalink, moment stored, confirmation, then the DM.
 *
 *   npx tsx bench/reactions.ts                      # embedded PGlite in a temporary directory
 *   DATABASE_URL=postgres://… npx tsx bench/reactions.ts
 *
 * `reactionToDm` is the measurement itself, for any running bot pointed at an emulator.
 * Not a test: timings on a shared machine are noisy; run it and read the figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BenchEmulator, startEmulatorProcess } from './lib/emulator.js';
import { percentile } from './lib/stats.js';

const REACTOR = 'UBREACTOR';
const WRITER = 'UBWRITER';
const PRAISED = 'UBPRAISED';
const CHANNEL = 'C0BENCHRX';

/**
 * Sends `count` praise reactions (and one before them) to a running bot, each on a fresh message, and times each one
 * from the event's POST to the colleague's DM arriving at the emulator (both instants taken in
 * the emulator's process, which plays Slack: it sends the event and receives the DM).
 */
export async function reactionToDm(opts: {
  emulator: BenchEmulator;
  appUrl: string;
  signingSecret: string;
  teamId?: string;
  count?: number;
}): Promise<{ first: number; p50: number; p99: number; samples: number[] }> {
  const { emulator } = opts;
  await emulator.call('addUser', { id: REACTOR, name: 'reactor' });
  await emulator.call('addUser', { id: WRITER, name: 'writer' });
  await emulator.call('addUser', { id: PRAISED, name: 'praised' });
  await emulator.call('addChannel', { id: CHANNEL, name: 'bench-reactions' });
  const samples: number[] = [];
  // One more than counted: the first reaction after a start is shown apart (see `first`).
  for (let i = 0; i <= (opts.count ?? 100); i++) {
    const marker = `bench-order-${i}-${Date.now()}`;
    const ts = await emulator.call('seedMessage', {
      channel: CHANNEL,
      user: WRITER,
      text: `<@${PRAISED}> rebuilt ${marker} for a customer after the courier lost it`,
    });
    const dm = emulator.call('postAt', { channel: PRAISED, marker, timeoutMs: 30_000 });
    const res = await emulator.call('reaction', {
      appUrl: opts.appUrl,
      signingSecret: opts.signingSecret,
      teamId: opts.teamId ?? emulator.teamId,
      userId: REACTOR,
      reaction: 'star2',
      channelId: CHANNEL,
      ts,
    });
    if (res.status !== 200) {
      dm.catch(() => {});
      throw new Error(`reaction event answered ${res.status}`);
    }
    samples.push((await dm) - res.sentAt);
  }
  // The first pays for what a running bot has done already: V8 compiling the reaction's code,
  // the people looked up in Slack and cached. Kept out of the percentiles of a bot at work.
  const [first = Number.NaN, ...warm] = samples;
  const sorted = [...warm].sort((a, b) => a - b);
  return { first, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), samples: warm };
}

async function main() {
  const { loadConfig } = await import('../src/config.js');
  const { createLogger } = await import('../src/logger.js');
  const { startBot } = await import('../src/start-bot.js');
  const secret = 'bench-signing-secret';
  const emulator = await startEmulatorProcess({ teamId: 'TBENCHRX' });
  const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'culture-bench-rx-'));
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: emulator.url,
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { DATA_DIR: dataDir ?? '' }),
  });
  const bot = await startBot(config, { logger: createLogger('warn'), scheduler: false });
  try {
    const result = await reactionToDm({
      emulator,
      appUrl: `http://127.0.0.1:${bot.port}`,
      signingSecret: secret,
      teamId: 'TBENCHRX',
      count: Number(process.env.REACTIONS ?? 100),
    });
    console.log(
      `one reaction, event → colleague's DM (${config.databaseUrl ? 'Postgres' : 'PGlite'}, ` +
        `${result.samples.length} reactions): p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms; ` +
        `the first after the start ${result.first.toFixed(1)} ms`,
    );
  } finally {
    await bot.stop();
    await emulator.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}

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
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createSlackDriver } from '../src/sandbox/slack-driver.js';
import type { SlackEmulator } from '../src/sandbox/slack-emulator.js';

const REACTOR = 'UBREACTOR';
const WRITER = 'UBWRITER';
const PRAISED = 'UBPRAISED';
const CHANNEL = 'C0BENCHRX';

/** The p-th percentile (0–1) of the samples. */
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/**
 * Sends `count` praise reactions to a running bot, each on a fresh message, and times each one
 * from the event's POST to the colleague's DM arriving at the emulator.
 */
export async function reactionToDm(opts: {
  emulator: SlackEmulator;
  appUrl: string;
  signingSecret: string;
  teamId?: string;
  count?: number;
}): Promise<{ p50: number; p99: number; samples: number[] }> {
  const { emulator } = opts;
  emulator.addUser({ id: REACTOR, name: 'reactor' });
  emulator.addUser({ id: WRITER, name: 'writer' });
  emulator.addUser({ id: PRAISED, name: 'praised' });
  emulator.addChannel({ id: CHANNEL, name: 'bench-reactions' });
  const driver = createSlackDriver({
    appUrl: opts.appUrl,
    signingSecret: opts.signingSecret,
    emulator,
    ...(opts.teamId ? { teamId: opts.teamId } : {}),
  });
  const samples: number[] = [];
  for (let i = 0; i < (opts.count ?? 100); i++) {
    const marker = `bench-order-${i}-${Date.now()}`;
    const ts = emulator.seedMessage({
      channel: CHANNEL,
      user: WRITER,
      text: `<@${PRAISED}> rebuilt ${marker} for a customer after the courier lost it`,
    });
    const started = performance.now();
    const dm = emulator.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === PRAISED && JSON.stringify(c.args.blocks).includes(marker),
      30_000,
    );
    const res = await driver.reaction({ userId: REACTOR, reaction: 'star2', channelId: CHANNEL, ts });
    if (res.status !== 200) throw new Error(`reaction event answered ${res.status}`);
    await dm;
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), samples };
}

async function main() {
  const { loadConfig } = await import('../src/config.js');
  const { createLogger } = await import('../src/logger.js');
  const { startBot } = await import('../src/main.js');
  const { startSlackEmulator } = await import('../src/sandbox/slack-emulator.js');
  const secret = 'bench-signing-secret';
  const emulator = await startSlackEmulator({ teamId: 'TBENCHRX' });
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
        `${result.samples.length} reactions): p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`,
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

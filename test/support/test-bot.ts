import { Writable } from 'node:stream';
import { type Config, loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { createSlackDriver } from '../../src/sandbox/slack-driver.js';
import { type SlackEmulator, startSlackEmulator } from '../../src/sandbox/slack-emulator.js';
import { type RunningBot, startBot } from '../../src/start-bot.js';

export const TEST_TEAM = 'T0TEST';
export const SIGNING_SECRET = 'test-signing-secret';

/** A clock tests can move; starts at a fixed Monday morning. */
export function createTestClock(start = new Date('2026-11-23T09:00:00Z')) {
  let now = start.getTime();
  return {
    /** Where the clock started (each test of a bot's suite starts there again). */
    start,
    now: () => new Date(now),
    set: (date: Date) => {
      now = date.getTime();
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export interface TestBot {
  readonly bot: RunningBot;
  readonly emulator: SlackEmulator;
  readonly driver: ReturnType<typeof createSlackDriver>;
  readonly config: Config;
  readonly clock: ReturnType<typeof createTestClock>;
  /** Log lines the bot wrote, parsed (assert on warnings and errors). */
  readonly logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * The real app, started in-process on a free port in HTTP mode, talking to a fresh Slack
 * emulator; requests reach it signed, through Bolt's own receiver.
 */
export async function startTestBot(options: {
  database: Database;
  env?: Record<string, string>;
  /**
   * Start the real-time scheduler (default false): tests move the clock and call the jobs
   * themselves, and a real-time tick would race them.
   */
  scheduler?: boolean;
  /** Connect over Socket Mode (the emulator's socket) instead of receiving signed HTTP. */
  socketMode?: boolean;
}): Promise<TestBot> {
  const emulator = await startSlackEmulator({ teamId: TEST_TEAM });
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: emulator.url,
    PORT: '0',
    LOG_LEVEL: 'info',
    ...(options.socketMode ? { SLACK_APP_TOKEN: 'xapp-test-token' } : {}),
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const clock = createTestClock();
  const bot = await startBot(config, {
    database: options.database,
    logger: createLogger(config.logLevel, sink),
    clock: clock.now,
    scheduler: options.scheduler ?? false,
  });
  const driver = createSlackDriver({
    appUrl: `http://127.0.0.1:${bot.port}`,
    signingSecret: SIGNING_SECRET,
    emulator,
    teamId: TEST_TEAM,
    transport: options.socketMode ? 'socket' : 'http',
  });
  return {
    bot,
    emulator,
    driver,
    config,
    clock,
    logs,
    async close() {
      await bot.stop();
      await emulator.close();
    },
  };
}

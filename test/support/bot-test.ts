import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { type DatabaseTarget, wipe } from './databases.js';
import { openSecondConnection } from './scheduling.js';
import { startTestBot, type TestBot } from './test-bot.js';

type StartOptions = Omit<Parameters<typeof startTestBot>[0], 'database'>;

export interface BotTestOptions {
  /** How the bot starts: HTTP by default; Socket Mode, the real-time scheduler, extra env. */
  start?: StartOptions;
  /** Once per database: the people and channels the emulator knows (they survive each test). */
  setUp?: (t: TestBot) => void | Promise<void>;
  /**
   * Empty every table before each test (default true). False only where the tests of a suite
   * read the same fixed rows (the migrations) and write nothing another test asserts.
   */
  wipe?: boolean;
}

/** Before a test: an empty database, an emulator with no recorded calls, the clock at its start. */
async function fresh(t: TestBot, database: Database, options: BotTestOptions) {
  if (options.wipe !== false) await wipe(database);
  // Emptied behind the services' backs, which no deployment does: what they keep goes too.
  t.bot.forgetKeptReads();
  t.emulator.reset();
  t.clock.set(t.clock.start);
}

/** After a test: the bot finished what it started, and Slack refused nothing it sent. */
async function settled(t: TestBot) {
  expect(await t.bot.whenIdle()).toBe(true);
  expect(t.emulator.rejections).toEqual([]);
}

/** Starts bots once for the enclosing describe (one database target) and stops them after it. */
function startForSuite<T>(start: () => Promise<T>, stop: (value: T) => Promise<void>): () => T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await start();
  });
  afterAll(async () => {
    if (value !== undefined) await stop(value);
  });
  return () => {
    if (value === undefined) throw new Error('the bot is not started: use it inside a test or hook');
    return value;
  };
}

/**
 * The integration tests' fixture: the real bot, started once per database target against a
 * Slack emulator of its own, given to every test as `t` (call inside `describeEachDatabase`).
 * Each test starts from an empty database and a clean emulator, and fails if the bot is still
 * busy afterwards or Slack refused a payload. `suiteBot()` is the same bot for the suite's helpers,
 * which are written once beside the tests (as `db` is the database).
 */
export function botTest(db: () => Database, options: BotTestOptions = {}) {
  const bot = startForSuite(
    async () => {
      const t = await startTestBot({ ...options.start, database: db() });
      await options.setUp?.(t);
      return t;
    },
    (t) => t.close(),
  );
  const it = test.extend<{ t: TestBot }>({
    t: [
      // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern.
      async ({}, use) => {
        const t = bot();
        await fresh(t, db(), options);
        await use(t);
        await settled(t);
      },
      { auto: true },
    ],
  });
  return { it, suiteBot: bot };
}

/**
 * Two replicas on one database, as in production: two bots, each with its own emulator and its
 * own connection (on PGlite the same embedded instance, the only way two engines can share it).
 */
export function replicasTest(db: () => Database, target: DatabaseTarget, options: BotTestOptions = {}) {
  const replicas = startForSuite(
    async () => {
      const second = await openSecondConnection(db(), target);
      const a = await startTestBot({ ...options.start, database: db() });
      const b = await startTestBot({ ...options.start, database: second.database });
      for (const t of [a, b]) await options.setUp?.(t);
      return { a, b, second };
    },
    async ({ a, b, second }) => {
      await a.close();
      await b.close();
      await second.close();
    },
  );
  const it = test.extend<{ a: TestBot; b: TestBot }>({
    a: [
      // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern.
      async ({}, use) => {
        const { a } = replicas();
        await fresh(a, db(), options);
        await use(a);
        await settled(a);
      },
      { auto: true },
    ],
    b: [
      async ({ a: _ }, use) => {
        // After `a`: the database is wiped once, by a's set-up, before b's emulator is reset.
        const { b } = replicas();
        await fresh(b, db(), { ...options, wipe: false });
        await use(b);
        await settled(b);
      },
      { auto: true },
    ],
  });
  return { it, replicas };
}

import type { RunningBot } from './bot.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { type Database, type Opening, openMigratedDatabase } from './db/client.js';
import { DataDirLocked, lockDataDir } from './db/data-dir-lock.js';
import { createLogger, type Logger } from './logger.js';
import { SHUTDOWN } from './shutdown.js';

export type { RunningBot } from './bot.js';

export interface StartOptions {
  logger?: Logger;
  clock?: () => Date;
  /** An already opened database (tests share one across bots); otherwise opened from config. */
  database?: Database;
  /**
   * Run the scheduler (default true). Tests that move the clock by hand call the jobs
   * themselves and start without it, so no real-time tick races them.
   */
  scheduler?: boolean;
}

/**
 * The composition root: config → database → migrations → services → Slack app → scheduler.
 * The rest of the bot (bot.ts) loads and is built while the database opens and migrates: on
 * PGlite the worker thread compiles Postgres meanwhile, on Postgres the server works through
 * the migrations, sent before the loading starts (db/client.ts); the Slack app starts taking
 * requests once the database is ready.
 */
export async function startBot(config: Config, options: StartOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? (() => new Date());
  // The embedded database is single-process: this process holds DATA_DIR until it has closed it.
  const unlockDataDir =
    options.database || config.databaseUrl || config.dataDir.startsWith('memory://')
      ? undefined
      : await lockDataDir(config.dataDir, (err) =>
          logger.error({ err, dataDir: config.dataDir }, 'the lock on DATA_DIR was lost'),
        );
  const shared = options.database;
  const opening: Opening = shared
    ? { underway: Promise.resolve(), database: Promise.resolve(shared), ready: shared.migrate() }
    : openMigratedDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  // assembleBot waits for it once the bot is built; a failure before then is not unhandled.
  opening.ready.catch(() => {});
  // Loading the bot keeps this thread busy for a long stretch: the database gets its work first.
  await opening.underway;
  const [database, { assembleBot }] = await Promise.all([opening.database, import('./bot.js')]).catch(
    async (err: unknown) => {
      await unlockDataDir?.();
      throw err;
    },
  );
  return assembleBot({
    config,
    logger,
    clock,
    database,
    ready: opening.ready,
    scheduler: options.scheduler !== false,
    async release() {
      if (!options.database) await database.close(SHUTDOWN.closeMs);
      await unlockDataDir?.();
    },
  });
}

/**
 * A promise rejected or an error thrown outside any handler (a library's background task, a
 * request Bolt does not expect) would end Node's process, and with it every request in flight.
 * One such error means one request failed: log it and keep serving. Should it keep happening
 * the process is in a broken state; exit then and let the supervisor restart it.
 */
export function keepServingThroughStrayErrors(
  logger: Logger,
  {
    target = process as Pick<NodeJS.EventEmitter, 'on'>,
    exit = (code: number): void => process.exit(code),
    now = Date.now,
  } = {},
) {
  const LIMIT = 20;
  const WINDOW_MS = 60_000;
  let recent: number[] = [];
  const stray = (kind: string) => (err: unknown) => {
    const at = now();
    recent = [...recent.filter((earlier) => at - earlier < WINDOW_MS), at];
    logger.error({ err, kind }, 'an error escaped every handler; still serving');
    if (recent.length >= LIMIT) {
      logger.fatal({ errors: recent.length }, 'too many stray errors in a minute; exiting to be restarted');
      exit(1);
    }
  };
  target.on('unhandledRejection', stray('unhandledRejection'));
  target.on('uncaughtException', stray('uncaughtException'));
}

/**
 * Runs the bot as configured by the environment, until SIGTERM or SIGINT: what `npm start` does
 * once it knows Slack's credentials are set (main.ts).
 */
export async function runBot() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Cannot start: invalid configuration.\n${err.problems.join('\n')}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  keepServingThroughStrayErrors(logger);
  const bot = await startBot(config, { logger }).catch((err: unknown) => {
    if (!(err instanceof DataDirLocked)) throw err;
    process.stderr.write(`Cannot start: ${err.message}\n`);
    process.exit(1);
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    // Hard limit: orchestrators kill after ~10 s; exit on our own terms before that.
    setTimeout(() => process.exit(1), SHUTDOWN.limitMs).unref();
    bot.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

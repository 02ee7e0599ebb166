import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import { newestRecorded, pendingMigrationsSql, upToDate } from './migrations.js';
import { connectRemotePglite } from './pglite-remote.js';
import type * as schema from './schema.js';

/** One type for both drivers: repositories never know which database they run on. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/**
 * Runs raw SQL and returns its rows. postgres.js hands back an array and PGlite an object with
 * `rows`; this is the one place that knows.
 */
export async function executeRows<T extends Record<string, unknown>>(
  db: Db,
  statement: SQL | string,
): Promise<T[]> {
  const result: unknown = await db.execute(statement);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export interface Database {
  readonly db: Db;
  readonly kind: 'postgres' | 'pglite';
  /** Applies the migrations in drizzle/ (serialised across replicas on Postgres). */
  migrate(): Promise<void>;
  /** True when a trivial query answers; used by /healthz. */
  ping(): Promise<boolean>;
  /** Lets the queries already sent finish for up to `timeoutMs`, then closes whatever is left. */
  close(timeoutMs?: number): Promise<void>;
}

export type DatabaseTarget = { url: string } | { dataDir: string };

/**
 * Opens the database. Each driver is loaded only when it is the one used, and only once the
 * opening has begun: a start loads the rest of the bot meanwhile (start-bot.ts), and PGlite's
 * worker is compiling Postgres while the schema and the driver load.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) return openPostgres(target.url);
  return openPglite(target.dataDir);
}

/** A database being opened and migrated (openMigratedDatabase). */
export interface Opening {
  /**
   * Resolves once the database can go on without this thread for a while (Postgres has the
   * migration to work through, or has said there is none; PGlite's worker is compiling), or
   * once the opening has failed. A caller about to load code in one long synchronous stretch
   * waits for it first: a round trip still to start would otherwise wait for the stretch's end.
   */
  readonly underway: Promise<void>;
  /**
   * Resolves with the database as soon as a bot can be built on it (its driver loaded), before
   * it is open: a start builds the bot meanwhile. Nothing may query it before `ready`. Rejects
   * when the driver could not be loaded.
   */
  readonly database: Promise<Database>;
  /** Resolves once the database is open and migrated; rejects with why it could not be. */
  readonly ready: Promise<void>;
}

/**
 * Opens the database and migrates it, the migration started as early as the database allows.
 * On Postgres it needs nothing the opening loads, so it starts first and overlaps the loading
 * of the driver and of the rest of the bot (start-bot.ts). On PGlite every query goes through
 * the worker that opens it, so it migrates once open.
 */
export function openMigratedDatabase(target: DatabaseTarget): Opening {
  if (!('url' in target)) {
    // The worker starts on this call; it needs this thread only once PGlite is open.
    const connecting = connectPglite(target.dataDir);
    const ready = connecting.then(async ({ database, opened }) => {
      await opened;
      await database.migrate();
    });
    return { underway: Promise.resolve(), database: connecting.then(({ database }) => database), ready };
  }
  let markUnderway!: () => void;
  const underway = new Promise<void>((resolve) => {
    markUnderway = resolve;
  });
  const connecting = connectPostgres(target.url, { migrate: true, whenUnderway: markUnderway });
  const ready = connecting.then(({ opened }) => opened);
  ready.then(markUnderway, markUnderway);
  return { underway, database: connecting.then(({ database }) => database), ready };
}

/** A database whose driver is loaded, and the promise of its opening (see Opening). */
interface Connecting {
  database: Database;
  /** Open (PGlite) or migrated (Postgres, when asked to migrate). */
  opened: Promise<void>;
}

async function openPostgres(url: string): Promise<Database> {
  const { database, opened } = await connectPostgres(url);
  await opened;
  return database;
}

async function connectPostgres(
  url: string,
  { migrate = false, whenUnderway = () => {} } = {},
): Promise<Connecting> {
  const { default: postgres } = await import('postgres');
  // onnotice: drizzle's "relation already exists, skipping" notices are noise on every start.
  const client = postgres(url, { max: 10, onnotice: () => {} });
  // Migrating needs only postgres.js: it starts before the driver and the schema load.
  const migrated = migrate ? migratePostgres(url, client, whenUnderway) : Promise.resolve();
  // Awaited by whoever builds on this database; until then a failure is not unhandled.
  migrated.catch(() => {});
  const [{ drizzle: drizzlePostgres }, schema] = await Promise.all([
    import('drizzle-orm/postgres-js'),
    import('./schema.js'),
  ]).catch(async (err: unknown) => {
    await client.end({ timeout: 5 });
    throw err;
  });
  const db = drizzlePostgres(client, { schema });
  const database: Database = {
    db: db as unknown as Db,
    kind: 'postgres',
    migrate: () => migratePostgres(url, client),
    ping: () => pingDb(db as unknown as Db),
    // postgres.js counts in seconds; past it, connections still busy are destroyed.
    close: (timeoutMs = 5_000) => client.end({ timeout: timeoutMs / 1000 }),
  };
  // postgres.js connects on the first query: nothing to wait for but the migration.
  return { database, opened: migrated };
}

/** Makes replicas that start together migrate one after the other (a session advisory lock). */
const ADVISORY_LOCK = 727274;

/**
 * Migrates the Postgres database at `url` (`pool` is connected to it) in as few round trips
 * as possible, and calls `whenUnderway` as soon as Postgres has all it needs. At start-up the
 * main thread loads the bot's code (start-bot.ts) in one long synchronous stretch and takes no
 * answer during it, so drizzle's migrator (a round trip per statement) ran after it, statement
 * by statement. Here one query tells whether the database is up to date (most starts); when
 * migrations are due, the lock, the migrations and the unlock go on one connection, the
 * migrations and the unlock sent together, and Postgres works through them while this thread
 * loads. The bookkeeping is
 * drizzle's own (migrations.ts), so drizzle's migrator agrees with it; should another replica
 * have migrated between the check and the lock, the batch refuses itself and
 * migrateWithDrizzle runs instead.
 */
async function migratePostgres(url: string, pool: Sql, whenUnderway: () => void = () => {}): Promise<void> {
  const folder = migrationsFolder();
  const recorded = await newestRecorded((statement) => pool.unsafe(statement));
  const batch = upToDate(folder, recorded) ? undefined : pendingMigrationsSql(folder, recorded);
  if (!batch) {
    whenUnderway();
    return;
  }
  // The lock belongs to a session: the lock, the batch and the unlock share one connection,
  // the one just opened for the check when it is free.
  const session = await pool.reserve();
  let applied: boolean;
  try {
    await session`select pg_advisory_lock(${ADVISORY_LOCK})`;
    // The batch is one transaction: a failed one (its guard, or a bad migration) leaves nothing
    // behind. The unlock is sent right behind it (postgres.js pipelines) and runs either way.
    const answers = Promise.all([
      session.unsafe(batch).then(
        () => true,
        () => false,
      ),
      session`select pg_advisory_unlock(${ADVISORY_LOCK})`,
    ]);
    // Both are written to the socket within this turn of the event loop; Postgres has them.
    await new Promise(setImmediate);
    whenUnderway();
    [applied] = await answers;
  } finally {
    session.release();
  }
  if (!applied) await migrateWithDrizzle(url, folder);
}

/**
 * For when the batch refused itself (another replica migrated meanwhile) or a migration failed:
 * drizzle's migrator, under the lock, applies what is still missing or fails with the
 * migration's own error. It runs on a client of its own, whose one connection holds the lock.
 */
async function migrateWithDrizzle(url: string, folder: string): Promise<void> {
  const [{ default: postgres }, { drizzle }, { migrate }] = await Promise.all([
    import('postgres'),
    import('drizzle-orm/postgres-js'),
    import('drizzle-orm/postgres-js/migrator'),
  ]);
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${ADVISORY_LOCK})`;
    try {
      await migrate(drizzle(client), { migrationsFolder: folder });
    } finally {
      await client`select pg_advisory_unlock(${ADVISORY_LOCK})`.catch(() => {});
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * PGlite lives in a worker thread (pglite-remote.ts): drizzle's PGlite driver gets a client that
 * forwards each query there, so no query ever runs on the thread that acks Slack.
 */
async function openPglite(dataDir: string): Promise<Database> {
  const { database, opened } = await connectPglite(dataDir);
  await opened.catch(async (err: unknown) => {
    await database.close();
    throw err;
  });
  return database;
}

async function connectPglite(dataDir: string): Promise<Connecting> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const { client, opened } = await connectRemotePglite(dataDir);
  // Awaited by whoever builds on this database; until then a failure is not unhandled.
  opened.catch(() => {});
  const [{ drizzle: drizzlePglite }, schema] = await Promise.all([
    import('drizzle-orm/pglite'),
    import('./schema.js'),
  ]).catch(async (err: unknown) => {
    await client.close();
    throw err;
  });
  // The driver only calls `query` and `transaction`, which the remote client provides.
  const db = drizzlePglite(client as unknown as PGlite, { schema });
  const database: Database = {
    db: db as unknown as Db,
    kind: 'pglite',
    async migrate() {
      // Most starts: the newest migration is recorded, and this one read replaces the migrator's
      // DDL and its reading and hashing of every file (the first DDL after opening alone took
      // 130-260 ms).
      const recorded = await newestRecorded((statement) => executeRows(db as unknown as Db, statement));
      if (upToDate(migrationsFolder(), recorded)) return;
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(db, { migrationsFolder: migrationsFolder() });
    },
    ping: () => pingDb(db as unknown as Db),
    close: (timeoutMs) => client.close(timeoutMs),
  };
  return { database, opened };
}

async function pingDb(db: Db): Promise<boolean> {
  try {
    await db.execute('select 1');
    return true;
  } catch {
    return false;
  }
}

/** drizzle/ sits at the project root, both beside src/ (tsx) and beside dist/ (compiled). */
export function migrationsFolder(): string {
  for (const up of ['../../drizzle/', '../../../drizzle/']) {
    const folder = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(`${folder}meta/_journal.json`)) return folder;
  }
  throw new Error('drizzle/ migrations folder not found next to the application');
}

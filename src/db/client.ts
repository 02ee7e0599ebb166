import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import { newestRecorded, pendingMigrationsSql, upToDate } from './migrations.js';
import { openRemotePglite } from './pglite-remote.js';
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
 * opening has begun: a start loads the rest of the bot meanwhile (main.ts), and PGlite's worker
 * is compiling Postgres while the schema and the driver load.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) return openPostgres(target.url);
  return openPglite(target.dataDir);
}

/**
 * Opens the database and migrates it, the migration started as early as the database allows.
 * On Postgres it needs nothing the opening loads, so it starts first and overlaps the loading
 * of the driver and of the rest of the bot (main.ts). On PGlite every query goes through the
 * worker that opens it, so it migrates once open.
 */
export async function openMigratedDatabase(target: DatabaseTarget): Promise<Database> {
  if (!('url' in target)) {
    const database = await openPglite(target.dataDir);
    await database.migrate();
    return database;
  }
  return openPostgres(target.url, { migrate: true });
}

async function openPostgres(url: string, { migrate = false } = {}): Promise<Database> {
  const { default: postgres } = await import('postgres');
  // onnotice: drizzle's "relation already exists, skipping" notices are noise on every start.
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const [{ drizzle: drizzlePostgres }, schema] = await Promise.all([
    import('drizzle-orm/postgres-js'),
    import('./schema.js'),
    // Migrating needs only postgres.js: it starts before the driver and the schema load.
    migrate && migratePostgres(url, client),
  ]).catch(async (err: unknown) => {
    await client.end({ timeout: 5 });
    throw err;
  });
  const db = drizzlePostgres(client, { schema });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    migrate: () => migratePostgres(url, client),
    ping: () => pingDb(db as unknown as Db),
    // postgres.js counts in seconds; past it, connections still busy are destroyed.
    close: (timeoutMs = 5_000) => client.end({ timeout: timeoutMs / 1000 }),
  };
}

/** Makes replicas that start together migrate one after the other (a session advisory lock). */
const ADVISORY_LOCK = 727274;

/**
 * Migrates the Postgres database at `url` in as few round trips as possible: at start-up the
 * main thread is busy loading the bot's code (main.ts) in one long synchronous stretch and can
 * take an answer only after it, so drizzle's migrator (one round trip per statement) ran after
 * it, statement by statement. Here the check whether the database is up to date answers most
 * starts (on `pool`, whose first connection the bot then finds open); when migrations are due,
 * the lock, the migrations and the unlock go together on a connection of their own (the lock is
 * the session's), and Postgres works through them while this thread loads. The bookkeeping
 * is drizzle's own (migrations.ts), so drizzle's migrator agrees with it; should another
 * replica have migrated between the check and the lock, the batch refuses itself and drizzle's
 * migrator runs under the lock instead.
 */
async function migratePostgres(url: string, pool: Sql): Promise<void> {
  const folder = migrationsFolder();
  const recorded = await newestRecorded((statement) => pool.unsafe(statement));
  if (upToDate(folder, recorded)) return;
  const batch = pendingMigrationsSql(folder, recorded);
  if (!batch) return;
  const { default: postgres } = await import('postgres');
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // Sent together, answered in order. The batch is one transaction: a failed one (its guard,
    // or a bad migration) leaves nothing behind, and the unlock still runs.
    const [, applied] = await Promise.all([
      client`select pg_advisory_lock(${ADVISORY_LOCK})`,
      client.unsafe(batch).then(
        () => true,
        () => false,
      ),
      client`select pg_advisory_unlock(${ADVISORY_LOCK})`,
    ]);
    if (applied) return;
    // Migrated meanwhile by another replica, or a migration failed: drizzle's migrator, under
    // the lock, applies what is still missing or fails with the migration's own error.
    const [{ drizzle }, { migrate }] = await Promise.all([
      import('drizzle-orm/postgres-js'),
      import('drizzle-orm/postgres-js/migrator'),
    ]);
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
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const [client, { drizzle: drizzlePglite }, schema] = await Promise.all([
    openRemotePglite(dataDir),
    import('drizzle-orm/pglite'),
    import('./schema.js'),
  ]);
  // The driver only calls `query` and `transaction`, which the remote client provides.
  const db = drizzlePglite(client as unknown as PGlite, { schema });
  return {
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

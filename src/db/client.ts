import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
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

async function openPostgres(url: string): Promise<Database> {
  const [{ default: postgres }, { drizzle: drizzlePostgres }, schema] = await Promise.all([
    import('postgres'),
    import('drizzle-orm/postgres-js'),
    import('./schema.js'),
  ]);
  // onnotice: drizzle's "relation already exists, skipping" notices are noise on every start.
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    async migrate() {
      if (await migrated(db as unknown as Db)) return;
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      // Several replicas may start together: a session advisory lock on a single dedicated
      // connection (max: 1) makes them take turns, and drizzle skips what is already applied.
      const lockClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(727274)`;
        await migrate(drizzlePostgres(lockClient), { migrationsFolder: migrationsFolder() });
      } finally {
        await lockClient`select pg_advisory_unlock(727274)`.catch(() => {});
        await lockClient.end({ timeout: 5 });
      }
    },
    ping: () => pingDb(db as unknown as Db),
    // postgres.js counts in seconds; past it, connections still busy are destroyed.
    close: (timeoutMs = 5_000) => client.end({ timeout: timeoutMs / 1000 }),
  };
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
      if (await migrated(db as unknown as Db)) return;
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(db, { migrationsFolder: migrationsFolder() });
    },
    ping: () => pingDb(db as unknown as Db),
    close: (timeoutMs) => client.close(timeoutMs),
  };
}

/**
 * True when the database has recorded the newest migration in drizzle/, so drizzle's migrator
 * would apply nothing: it applies the migrations newer than the newest recorded, by the same
 * `when` of the journal. Most starts are such starts; this one read replaces the migrator's
 * DDL, its reading and hashing of every migration file and, on Postgres, a connection of its
 * own and the advisory lock (on PGlite the first DDL after opening alone took 130-260 ms).
 */
async function migrated(db: Db): Promise<boolean> {
  const journal = JSON.parse(readFileSync(`${migrationsFolder()}meta/_journal.json`, 'utf8')) as {
    entries: { when: number }[];
  };
  const newest = Math.max(...journal.entries.map((entry) => entry.when));
  try {
    const [row] = await executeRows<{ newest: string | number | null }>(
      db,
      'select max(created_at) as newest from drizzle.__drizzle_migrations',
    );
    return row?.newest != null && Number(row.newest) >= newest;
  } catch {
    return false; // no migrations table yet: a new database
  }
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

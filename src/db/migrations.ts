/**
 * What the migrations in drizzle/ are and which a database still lacks, by drizzle's own rules:
 * drizzle's migrator records each migration it applies in `drizzle.__drizzle_migrations` (the
 * sha256 of its file, its journal `when` as `created_at`) and applies the migrations whose
 * `when` is newer than the newest recorded. Whatever applies migrations here records them the
 * same way, so drizzle's migrator always agrees with it.
 */
import { readFileSync } from 'node:fs';
import { readMigrationFiles } from 'drizzle-orm/migrator';

/** Runs one statement and returns its rows. */
export type RunRows = (statement: string) => Promise<readonly Record<string, unknown>[]>;

/** drizzle's bookkeeping, created exactly as its migrator creates it. */
const BOOKKEEPING = `CREATE SCHEMA IF NOT EXISTS "drizzle";
CREATE TABLE IF NOT EXISTS "drizzle"."__drizzle_migrations" (
  id SERIAL PRIMARY KEY,
  hash text NOT NULL,
  created_at bigint
)`;

/** The `when` of the newest migration recorded, or null when none is (a new database). */
export async function newestRecorded(rows: RunRows): Promise<number | null> {
  try {
    const [row] = await rows('select max(created_at) as newest from drizzle.__drizzle_migrations');
    return row?.newest == null ? null : Number(row.newest);
  } catch {
    return null; // no migrations table yet
  }
}

/**
 * True when the newest migration in `folder` is recorded, so drizzle's migrator would apply
 * nothing. It needs only the journal: most starts are such starts.
 */
export function upToDate(folder: string, recorded: number | null): boolean {
  const journal = JSON.parse(readFileSync(`${folder}meta/_journal.json`, 'utf8')) as {
    entries: { when: number }[];
  };
  return recorded !== null && recorded >= Math.max(...journal.entries.map((entry) => entry.when));
}

/**
 * One SQL text (for Postgres's simple query protocol, which runs it as one transaction) that
 * applies every migration newer than `recorded` and records each as drizzle's migrator does; or
 * undefined when there is none. It first checks that the newest recorded migration is still
 * `recorded` and fails otherwise (another replica migrated since the caller looked), so that
 * nothing is applied twice.
 */
export function pendingMigrationsSql(folder: string, recorded: number | null): string | undefined {
  const pending = readMigrationFiles({ migrationsFolder: folder }).filter(
    (migration) => recorded === null || migration.folderMillis > recorded,
  );
  if (pending.length === 0) return undefined;
  const expected = recorded === null ? 'NULL' : String(recorded);
  const guard = `DO $guard$ BEGIN
  IF (SELECT max(created_at) FROM "drizzle"."__drizzle_migrations") IS DISTINCT FROM ${expected} THEN
    RAISE EXCEPTION 'migrations were applied meanwhile';
  END IF;
END $guard$`;
  const steps = pending.flatMap((migration) => [
    ...migration.sql,
    `insert into "drizzle"."__drizzle_migrations" ("hash", "created_at") values ('${migration.hash}', ${migration.folderMillis})`,
  ]);
  return [BOOKKEEPING, guard, ...steps].join(';\n');
}

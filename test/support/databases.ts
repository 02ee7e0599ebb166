import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { type Database, executeRows, openDatabase } from '../../src/db/client.js';

export interface DatabaseTarget {
  readonly name: 'pglite' | 'postgres';
  /** A fresh, migrated database of its own, and how to throw it away. */
  create(): Promise<{ database: Database; dispose(): Promise<void> }>;
}

const pglite: DatabaseTarget = {
  name: 'pglite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'culture-pglite-'));
    // A copy of the run's migrated template (pglite-template.ts): no initdb per suite.
    cpSync(inject('pgliteTemplate'), dir, { recursive: true });
    const database = await openDatabase({ dataDir: dir });
    await database.migrate();
    return {
      database,
      async dispose() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/**
 * Real Postgres when TEST_DATABASE_URL is set: each test file gets a database of its own, so
 * vitest's parallel workers never see each other's rows.
 */
function postgresTarget(adminUrl: string): DatabaseTarget {
  return {
    name: 'postgres',
    async create() {
      const { database, dispose } = await newPostgresDatabase(adminUrl);
      await database.migrate();
      return { database, dispose };
    },
  };
}

export const databaseTargets: DatabaseTarget[] = [
  pglite,
  ...(process.env.TEST_DATABASE_URL ? [postgresTarget(process.env.TEST_DATABASE_URL)] : []),
];

/**
 * Runs a suite once per database target (PGlite always, Postgres when configured). The body
 * gets a getter for the suite's migrated database.
 */
export function describeEachDatabase(
  title: string,
  body: (db: () => Database, target: DatabaseTarget) => void,
) {
  for (const target of databaseTargets) {
    describe(`${title} [${target.name}]`, () => {
      let handle: Awaited<ReturnType<DatabaseTarget['create']>> | undefined;
      beforeAll(async () => {
        handle = await target.create();
      });
      afterAll(async () => {
        await handle?.dispose();
      });
      body(() => {
        if (!handle) throw new Error('database not ready: use it inside a test or hook');
        return handle.database;
      }, target);
    });
  }
}

/** Empties every table of the app (between tests that need a clean slate). */
export async function wipe(database: Database) {
  const rows = await executeRows<{ tablename: string }>(
    database.db,
    sql`select tablename from pg_tables where schemaname = 'public'`,
  );
  const names = rows.map((r) => `"${r.tablename}"`).join(', ');
  if (names) await database.db.execute(sql.raw(`truncate ${names} restart identity cascade`));
}

/**
 * A database with nothing in it, not migrated (tests of the migrations themselves): a new PGlite
 * data directory, or a new database on the TEST_DATABASE_URL server, whose `url` it gives.
 */
export async function emptyDatabase(target: DatabaseTarget['name']) {
  if (target === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'culture-pglite-'));
    const database = await openDatabase({ dataDir: dir });
    return {
      database,
      url: undefined,
      async dispose() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  return newPostgresDatabase(process.env.TEST_DATABASE_URL as string);
}

/** A new database on the server at `adminUrl`, opened, not migrated; dropped by `dispose`. */
async function newPostgresDatabase(adminUrl: string) {
  const name = `culture_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    database,
    url: url.toString(),
    async dispose() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

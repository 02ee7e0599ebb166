import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import { type Database, executeRows, migrationsFolder, openDatabase } from '../../src/db/client.js';
import { pendingMigrationsSql } from '../../src/db/migrations.js';
import { databaseTargets, emptyDatabase } from '../support/databases.js';

/**
 * `migrate()` on a new database. On Postgres it applies the migrations in one batch of its own
 * (src/db/migrations.ts) instead of drizzle's migrator, so the bookkeeping must stay exactly
 * drizzle's: drizzle's migrator, run afterwards, must find nothing to do.
 */

const journal = () =>
  readMigrationFiles({ migrationsFolder: migrationsFolder() }).map((m) => ({
    hash: m.hash,
    created_at: String(m.folderMillis),
  }));

const recorded = (database: Database) =>
  executeRows<{ hash: string; created_at: string }>(
    database.db,
    sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id`,
  );

async function drizzleMigrate(database: Database) {
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: migrationsFolder() });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(database.db as never, { migrationsFolder: migrationsFolder() });
  }
}

describe.each(databaseTargets.map((t) => t.name))('migrations [%s]', (target) => {
  // Creating a database and migrating it is slow on a busy machine; nothing here is timed.
  it('records every migration as drizzle does, so that drizzle finds nothing left to apply', {
    timeout: 180_000,
  }, async () => {
    const { database, dispose } = await emptyDatabase(target);
    try {
      await database.migrate();
      expect(await recorded(database)).toEqual(journal());
      await drizzleMigrate(database);
      expect(await recorded(database)).toEqual(journal());
      // The schema is there: a table of the newest migration answers.
      expect(await executeRows(database.db, sql`select count(*)::int as n from notification_outbox`)).toEqual(
        [{ n: 0 }],
      );
      // A second start: nothing to apply, nothing recorded twice.
      await database.migrate();
      expect(await recorded(database)).toEqual(journal());
    } finally {
      await dispose();
    }
  });

  if (target === 'postgres') {
    it('two replicas migrating one new database together apply each migration once', {
      timeout: 180_000,
    }, async () => {
      const { database, url, dispose } = await emptyDatabase(target);
      const replica = await openDatabase({ url: url as string });
      try {
        await Promise.all([database.migrate(), replica.migrate()]);
        expect(await recorded(database)).toEqual(journal());
      } finally {
        await replica.close();
        await dispose();
      }
    });

    it('a batch prepared before another replica migrated refuses itself and changes nothing', {
      timeout: 180_000,
    }, async () => {
      const { database, dispose } = await emptyDatabase(target);
      try {
        const stale = pendingMigrationsSql(migrationsFolder(), null) as string;
        await database.migrate();
        await expect(database.db.execute(sql.raw(stale))).rejects.toThrow(/applied meanwhile/);
        expect(await recorded(database)).toEqual(journal());
      } finally {
        await dispose();
      }
    });
  }
});

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Database, executeRows } from '../../src/db/client.js';
import { DEFAULT_STANDARDS } from '../../src/domain/standards/standard.js';
import { databaseTargets, emptyDatabase } from '../support/databases.js';

/**
 * The standards migration on a workspace that existed before it: the six defaults appear in
 * the workspace's language and the tags its moments cited become links. The database is first
 * migrated with the initial migration only (as it was before), filled, then brought up to date.
 */

const ROOT = new URL('../../drizzle/', import.meta.url);

/** A copy of drizzle/ holding only the first migration: the schema before standards existed. */
function initialMigrationOnly(): string {
  const dir = mkdtempSync(join(tmpdir(), 'culture-migrations-'));
  mkdirSync(join(dir, 'meta'));
  const journal = JSON.parse(readFileSync(new URL('meta/_journal.json', ROOT), 'utf8'));
  const first = journal.entries[0];
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: [first] }));
  copyFileSync(new URL(`${first.tag}.sql`, ROOT), join(dir, `${first.tag}.sql`));
  return dir;
}

async function migrateInitialOnly(database: Database, folder: string) {
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(database.db as never, { migrationsFolder: folder });
  }
}

describe.each(databaseTargets.map((t) => t.name))('standards migration [%s]', (target) => {
  // Opening a database and migrating it twice is slow on a busy machine; nothing here is timed.
  it('gives existing workspaces the defaults in their language and carries the cited tags over', {
    timeout: 180_000,
  }, async () => {
    const { database, dispose } = await emptyDatabase(target);
    const folder = initialMigrationOnly();
    try {
      await migrateInitialOnly(database, folder);
      await database.db.execute(sql`
        insert into workspaces (team_id, locale, timezone) values ('TEN', 'en', 'UTC'), ('TFR', 'fr', 'Europe/Paris')`);
      await database.db.execute(sql`
        insert into moments (id, team_id, kind, author_id, customer_type, touchpoint, impact, story, source, standards)
        values
          ('00000000-0000-4000-8000-000000000001', 'TEN', 'praise', 'U1', 'external', 'phone', 'small',
           'Came back the same day. #same-day #surprise', 'command', '{same-day,surprise}'),
          ('00000000-0000-4000-8000-000000000002', 'TFR', 'complaint', 'U2', 'external', 'phone', 'big',
           'Personne n’a rappelé. #follow-up', 'command', '{follow-up}'),
          ('00000000-0000-4000-8000-000000000003', 'TNOWS', 'praise', 'U3', 'external', 'chat', 'small',
           'A team without a workspace row yet. #human', 'command', '{human}')`);

      await database.migrate();

      const defaults = await executeRows<{
        team_id: string;
        tag: string;
        description: string;
        position: number;
      }>(
        database.db,
        sql`select team_id, tag, description, position from standards order by team_id, position`,
      );
      const of = (team: string) => defaults.filter((d) => d.team_id === team);
      expect(of('TEN').map((d) => d.tag)).toEqual([
        'same-day',
        'follow-up',
        'own-it',
        'surprise',
        'human',
        'share',
      ]);
      expect(of('TEN')[0]?.description).toBe('Every customer hears back from us the same day.');
      // The same words a new workspace gets (DEFAULT_STANDARDS).
      expect(of('TFR').map((d) => d.description)).toEqual(DEFAULT_STANDARDS.map((d) => d.description.fr));
      expect(of('TEN').map((d) => d.description)).toEqual(DEFAULT_STANDARDS.map((d) => d.description.en));
      expect(of('TNOWS')).toHaveLength(6);

      const links = await executeRows<{ team_id: string; moment_id: string; tag: string; kind: string }>(
        database.db,
        sql`select l.team_id, l.moment_id, s.tag, l.kind from moment_standards l
            join standards s on s.id = l.standard_id order by l.moment_id, s.position`,
      );
      expect(links.map((l) => [l.team_id, l.tag, l.kind])).toEqual([
        ['TEN', 'same-day', 'praise'],
        ['TEN', 'surprise', 'praise'],
        ['TFR', 'follow-up', 'complaint'],
        ['TNOWS', 'human', 'praise'],
      ]);
      const columns = await executeRows<{ column_name: string }>(
        database.db,
        sql`select column_name from information_schema.columns where table_name = 'moments' and column_name = 'standards'`,
      );
      expect(columns).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await dispose();
    }
  });
});

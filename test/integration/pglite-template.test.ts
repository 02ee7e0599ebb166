import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { executeRows, openDatabase } from '../../src/db/client.js';
import { copyDataDir } from '../../src/db/pglite-template.js';

/**
 * A first start on an empty DATA_DIR copies the build's prepared data directory instead of
 * creating a database (src/db/pglite-template.ts). The copy must be a working database with
 * what the template held, even into a directory that already has files of ours in it.
 */
describe('starting the embedded database from a prepared template', () => {
  let scratch: string;
  let template: string;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'culture-template-copy-'));
    // A template with one row of its own, so the copy can be told from a newly created database.
    template = join(scratch, 'template');
    cpSync(inject('pgliteTemplate'), template, { recursive: true });
    chmodSync(join(template, 'base'), 0o755);
    const database = await openDatabase({ dataDir: template });
    await database.db.execute(sql`create table template_marker (note text)`);
    await database.db.execute(sql`insert into template_marker values ('from the template')`);
    await database.close();
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('copies a working database into a DATA_DIR that already holds our lock file', async () => {
    const dataDir = join(scratch, 'data');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, '.service-culture.lock-holder'), 'kept');

    copyDataDir(template, dataDir);

    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dataDir, '.service-culture.lock-holder'))).toBe(true);
    // The owner's alone, as Postgres makes a data directory, whatever the template's modes.
    expect(statSync(join(dataDir, 'base')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'PG_VERSION')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'global', 'pg_control')).mode & 0o777).toBe(0o600);
    const database = await openDatabase({ dataDir });
    try {
      await database.migrate();
      const rows = await executeRows<{ note: string }>(database.db, sql`select note from template_marker`);
      expect(rows).toEqual([{ note: 'from the template' }]);
      expect(await database.ping()).toBe(true);
    } finally {
      await database.close();
    }
  });
});

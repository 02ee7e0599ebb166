import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, executeRows, openDatabase } from '../../src/db/client.js';

/**
 * PGlite's thread runs every statement sent with values as a named prepared statement
 * (pglite-worker.ts): values must go in, and rows come out, exactly as PGlite's own `query`
 * gives them, errors included, however many different statements the bot sends.
 */
describe('statements with values on the embedded database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await database.db.execute(
      'create table kept (id int primary key, label text, tags text[], doc jsonb, at timestamptz, flag boolean)',
    );
  });
  afterAll(() => database.close());

  it('stores and reads back every kind of value the repositories send, the same statement many times', async () => {
    for (let id = 1; id <= 30; id++) {
      await database.db.execute(
        sql`insert into kept (id, label, tags, doc, at, flag) values (${id}, ${id % 3 === 0 ? null : `label ${id}`}, ${sql.param([`t${id}`, 'x'])}::text[], ${JSON.stringify({ n: id, quote: "l'œil" })}::jsonb, ${new Date(Date.UTC(2026, 0, id)).toISOString()}::timestamptz, ${id % 2 === 0})`,
      );
    }
    const rows = await executeRows<{
      id: number;
      label: string | null;
      tags: string[];
      doc: { n: number; quote: string };
      flag: boolean;
    }>(
      database.db,
      sql`select id, label, tags, doc, flag from kept where id between ${10} and ${12} order by id`,
    );
    expect(rows).toEqual([
      { id: 10, label: 'label 10', tags: ['t10', 'x'], doc: { n: 10, quote: "l'œil" }, flag: true },
      { id: 11, label: 'label 11', tags: ['t11', 'x'], doc: { n: 11, quote: "l'œil" }, flag: false },
      { id: 12, label: null, tags: ['t12', 'x'], doc: { n: 12, quote: "l'œil" }, flag: true },
    ]);
    // drizzle reads timestamps as the text Postgres sends, and parses them itself.
    const [at] = await executeRows<{ at: unknown }>(database.db, sql`select at from kept where id = ${5}`);
    expect(typeof at?.at).toBe('string');
    expect(new Date(String(at?.at)).toISOString()).toBe('2026-01-05T00:00:00.000Z');
  });

  it("passes Postgres's error on with its code, and the next statement runs", async () => {
    const insertOne = (id: number) =>
      database.db.execute(sql`insert into kept (id, label) values (${id}, ${'again'})`);
    await insertOne(100);
    const failure = await insertOne(100).then(
      () => undefined,
      (err: Error & { cause?: { code?: string } }) => err,
    );
    expect(failure?.cause?.code).toBe('23505');
    await insertOne(101);
    const [count] = await executeRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from kept where id >= ${100}`,
    );
    expect(count?.n).toBe(2);
  });

  it('rolls a transaction back after a failed statement in it', async () => {
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into kept (id, label) values (${200}, ${'in tx'})`);
        await tx.execute(sql`insert into kept (id, label) values (${200}, ${'duplicate'})`);
      })
      .catch(() => {});
    const rows = await executeRows(database.db, sql`select id from kept where id = ${200}`);
    expect(rows).toEqual([]);
  });

  it('keeps answering when more different statements come than it keeps prepared', async () => {
    // 250 texts (each its own list of values), more than the 200 the thread keeps.
    for (let size = 1; size <= 250; size++) {
      const ids = Array.from({ length: size }, (_, i) => i + 1);
      const rows = await executeRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from kept where id <= 30 and id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
      expect(rows[0]?.n).toBe(Math.min(size, 30));
    }
    // The first texts were closed to make room; asked again, they are prepared anew.
    const [again] = await executeRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from kept where id in (${1})`,
    );
    expect(again?.n).toBe(1);
  });
});

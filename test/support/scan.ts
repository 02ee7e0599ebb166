import { sql } from 'drizzle-orm';
import { type Database, executeRows } from '../../src/db/client.js';

/**
 * Every column of every table of the app, read from the database catalog (not from a list in
 * the code), so a table or column added later is scanned too.
 */
async function catalogColumns(database: Database) {
  return executeRows<{ table_name: string; column_name: string }>(
    database.db,
    sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        order by c.table_name, c.ordinal_position`,
  );
}

/** `table.column` of every column where some row's value, as text, contains `needle`. */
export async function columnsContaining(database: Database, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const { table_name, column_name } of await catalogColumns(database)) {
    const [row] = await executeRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from ${sql.identifier(table_name)}
          where strpos(${sql.identifier(column_name)}::text, ${needle}) > 0`,
    );
    if ((row?.n ?? 0) > 0) hits.push(`${table_name}.${column_name}`);
  }
  return hits.sort();
}

/** `table: count` of every table that still holds rows of the team (every table has team_id). */
export async function rowsOfTeam(database: Database, teamId: string): Promise<string[]> {
  const tables = [
    ...new Set(
      (await catalogColumns(database)).filter((c) => c.column_name === 'team_id').map((c) => c.table_name),
    ),
  ];
  const left: string[] = [];
  for (const table of tables) {
    const [row] = await executeRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where team_id = ${teamId}`,
    );
    if ((row?.n ?? 0) > 0) left.push(`${table}: ${row?.n}`);
  }
  return left;
}

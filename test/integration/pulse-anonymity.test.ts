import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { type Database, executeRows } from '../../src/db/client.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { pulseDriver } from '../support/pulse-helpers.js';
import { TEST_TEAM } from '../support/test-bot.js';

const ADMIN = 'UADMIN';
const MANAGER = 'UMANAGER';
const CHANNEL = 'CSUPPORT';
const RESPONDENTS = ['UANA', 'UBEN', 'UCAL', 'UDEE', 'UEVE', 'UFAY', 'UGUS', 'UHAL', 'UIDA', 'UJON'];

type Row = Record<string, unknown>;

async function query(database: Database, statement: ReturnType<typeof sql.raw>): Promise<Row[]> {
  return executeRows<Row>(database.db, statement);
}

/** Every row of every table of the app, each as its table name and column values. */
async function everyRow(database: Database) {
  const tables = await query(
    database,
    sql.raw(`select tablename from pg_tables where schemaname = 'public'`),
  );
  const rows: { table: string; values: Row }[] = [];
  for (const { tablename } of tables) {
    for (const r of await query(
      database,
      sql.raw(`select to_jsonb(t) as row from "${String(tablename)}" t`),
    )) {
      const values = typeof r.row === 'string' ? JSON.parse(r.row) : r.row;
      rows.push({ table: String(tablename), values: values as Row });
    }
  }
  return rows;
}

const textOf = (values: Row) => JSON.stringify(values);

describeEachDatabase('anonymity of the pulse, in the database', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true });
      t.emulator.addUser({ id: MANAGER, name: 'max' });
      for (const id of RESPONDENTS) t.emulator.addUser({ id, name: id.slice(1).toLowerCase() });
    },
  });
  it.beforeEach(async ({ t }) => {
    await t.bot.deps.roles.setRole(TEST_TEAM, ADMIN, MANAGER, 'manager');
  });
  const p = pulseDriver(suiteBot, db, CHANNEL);

  it('stores nothing that links a respondent to an answer', async ({ t }) => {
    await p.command('start', MANAGER);
    const people = [...RESPONDENTS.slice(0, 4), MANAGER];
    const secrets = new Map<string, string>();
    for (const [i, user] of people.entries()) {
      const secret = `secret-${user.toLowerCase()}`;
      secrets.set(user, secret);
      await p.answer(user, { score: i + 3, vision: `${secret}-vision`, human: `${secret}-human` });
      t.clock.advance(7 * 60_000);
    }
    await p.command('close', MANAGER);
    await t.bot.whenIdle();

    const rows = await everyRow(db());
    const [pulse] = rows.filter((r) => r.table === 'pulses');
    const answers = rows.filter((r) => r.table === 'pulse_answers');
    const participants = rows.filter((r) => r.table === 'pulse_participants');
    expect(answers).toHaveLength(5);
    expect(participants.map((r) => r.values.user_id).sort()).toEqual([...people].sort());

    // 1. No answer row names anyone, and no row that names a respondent holds answer content.
    for (const row of rows) {
      const text = textOf(row.values);
      const namesSomeone = people.some((user) => text.includes(user));
      const holdsAnswer = [...secrets.values()].some((secret) => text.includes(secret));
      expect(namesSomeone && holdsAnswer, `${row.table}: ${text}`).toBe(false);
    }
    for (const answer of answers) {
      expect(answer.values.respondent_id).toBeNull();
      for (const user of people) expect(textOf(answer.values)).not.toContain(user);
    }

    // 2. Participation and answers share no value but the team and the pulse, common to all.
    const common = new Set([TEST_TEAM, String(pulse?.values.id)]);
    const participantValues = new Set(participants.flatMap((r) => Object.values(r.values).map(String)));
    for (const answer of answers) {
      const shared = Object.values(answer.values)
        .map(String)
        .filter((v) => participantValues.has(v) && !common.has(v));
      expect(shared, JSON.stringify(answer.values)).toEqual([]);
    }

    // 3. Neither table has a clock or a sequence to pair rows by: no time column, no serial,
    //    and participation has no answer id.
    const columns = await query(
      db(),
      sql.raw(
        `select table_name, column_name, data_type, column_default from information_schema.columns
         where table_schema = 'public' and table_name in ('pulse_answers', 'pulse_participants')`,
      ),
    );
    for (const column of columns) {
      expect(String(column.data_type), `${column.table_name}.${column.column_name}`).not.toMatch(
        /time|date|interval/,
      );
      expect(String(column.column_default ?? ''), `${column.table_name}.${column.column_name}`).not.toContain(
        'nextval',
      );
    }
    expect(
      columns
        .filter((c) => c.table_name === 'pulse_participants')
        .map((c) => String(c.column_name))
        .sort(),
    ).toEqual(['pulse_id', 'team_id', 'user_id']);
    expect(
      columns
        .filter((c) => c.table_name === 'pulse_answers')
        .map((c) => String(c.column_name))
        .sort(),
    ).toEqual(['human', 'id', 'motivation', 'pulse_id', 'respondent_id', 'score', 'team_id', 'vision']);

    // 4. The pulse row itself only knows who created it (the manager), not who answered.
    for (const user of RESPONDENTS) expect(textOf(pulse?.values ?? {})).not.toContain(user);

    // 5. Nor do the logs pair anyone with what they answered.
    for (const line of t.logs) {
      const text = JSON.stringify(line);
      for (const secret of secrets.values()) expect(text).not.toContain(secret);
    }
  });

  it('does not keep answers in the order they arrived', async () => {
    await p.command('start', MANAGER);
    for (const [i, user] of RESPONDENTS.entries())
      await p.answer(user, { score: 1 + (i % 10), vision: `arrival-${i}` });
    // What a plain `select *` (physical order) returns, and the same by ctid to be explicit.
    const plain = (await query(db(), sql.raw('select vision from pulse_answers'))).map((r) => r.vision);
    const byCtid = (await query(db(), sql.raw('select vision from pulse_answers order by ctid'))).map(
      (r) => r.vision,
    );
    const arrival = RESPONDENTS.map((_, i) => `arrival-${i}`);
    expect([...plain].sort()).toEqual([...arrival].sort());
    // A random order of 10 matches the arrival order once in 3.6 million runs.
    expect(plain).not.toEqual(arrival);
    expect(byCtid).not.toEqual(arrival);
  });

  it('gives every answer a new id at each answer, so two snapshots cannot tell the newest apart', async () => {
    await p.command('start', MANAGER);
    const [first, second, third] = RESPONDENTS;
    await p.answer(first as string, { score: 4 });
    await p.answer(second as string, { score: 6 });
    const before = new Set((await query(db(), sql.raw('select id from pulse_answers'))).map((r) => r.id));
    await p.answer(third as string, { score: 8 });
    const after = (await query(db(), sql.raw('select id from pulse_answers'))).map((r) => r.id);
    expect(after).toHaveLength(3);
    expect(after.filter((id) => before.has(id))).toEqual([]);
  });
});

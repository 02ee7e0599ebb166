import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';

const AUTHOR = 'UAUTHOR';
const SAM = 'USAM';
// What a person typed: it may be stored, and deleted for good, never written to a log.
const SECRET_TEXT = 'Gwendolyn Quarrington-Vale, account 4471, cried with relief on the phone';

describeEachDatabase('error logs carry no user text', (db) => {
  const { it } = botTest(db, {
    async setUp(t) {
      t.emulator.addUser({ id: AUTHOR, name: 'ana', locale: 'en-US' });
      t.emulator.addUser({ id: SAM, name: 'sam', locale: 'en-US' });
      // A failing query on demand: Postgres refuses this one story, quoting the row in its detail.
      // (The suite's database is thrown away after it, constraint and all.)
      await db().db.execute(
        sql.raw(
          `alter table moments add constraint refuse_for_the_test check (story not like '%Quarrington%')`,
        ),
      );
    },
  });

  it('logs a failed insert with its code, its name and the ids of the request, never the story or the query', async ({
    t,
  }) => {
    const before = t.logs.length;
    const res = await t.driver.command({
      command: '/praise',
      text: `<@${SAM}> ${SECRET_TEXT}`,
      userId: AUTHOR,
    });
    expect(res.status).toBe(200);
    // The person is told it failed on our side, and given their text back.
    const reply = await t.emulator.waitForResponse();
    expect(JSON.stringify(reply.body)).toContain(SECRET_TEXT);

    const lines = t.logs.slice(before);
    const failure = lines.find((line) => line.level === 50);
    expect(failure).toMatchObject({ teamId: 'T0TEST', userId: AUTHOR, err: { type: 'DrizzleQueryError' } });
    const logged = JSON.stringify(lines);
    expect(logged).toContain('"23514"'); // check_violation
    expect(logged).toContain('refuse_for_the_test');
    for (const leak of ['Quarrington', '4471', 'insert into', 'Failing row', 'params']) {
      expect(logged).not.toContain(leak);
    }
  });
});

import { expect } from 'vitest';
import { schedules } from '../../src/db/schema.js';
import { createScheduledPostsJob } from '../../src/jobs/scheduled-posts.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { command } from '../support/scheduling.js';
import { TEST_TEAM } from '../support/test-bot.js';

const ADMIN = 'UADMIN1';
const MANAGER = 'UMANAGER1';
const MEMBER = 'UMEMBER1';
const FRENCH_ADMIN = 'UADMINFR';

describeEachDatabase('/culture schedule, schedules, unschedule, timezone', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
      t.emulator.addUser({ id: FRENCH_ADMIN, name: 'zoé', is_admin: true, locale: 'fr-FR' });
      t.emulator.addUser({ id: MANAGER, name: 'mia', locale: 'en-GB' });
      t.emulator.addUser({ id: MEMBER, name: 'max', locale: 'en-GB' });
    },
  });
  it.beforeEach(async ({ t }) => {
    await t.bot.deps.roles.setRole(TEST_TEAM, ADMIN, MANAGER, 'manager');
  });
  const culture = (userId: string, text: string) => command(suiteBot(), userId, '/culture', text);

  it('schedules the mantra and answers with the next three fire times in the schedule’s zone', async () => {
    // The test clock reads Monday 23 November 2026, 10:00 in Paris: today's 09:00 is past.
    const reply = await culture(ADMIN, 'schedule mantra <#C0FLOOR|floor> "0 9 * * 1-5" Europe/Paris');
    const rows = await db().db.select().from(schedules);
    expect(rows).toMatchObject([
      {
        teamId: TEST_TEAM,
        kind: 'mantra',
        channelId: 'C0FLOOR',
        cron: '0 9 * * 1-5',
        timezone: 'Europe/Paris',
        createdBy: ADMIN,
        enabled: true,
        failing: false,
      },
    ]);
    expect(reply.body.text).toBe(
      `Scheduled *#${rows[0]?.id}*: the mantra in <#C0FLOOR>, \`0 9 * * 1-5\` (Europe/Paris).`,
    );
    const text = JSON.stringify(reply.body.blocks);
    expect(text).toContain(
      'Next three posts:\\n• Tue, 24 Nov 2026, 09:00\\n• Wed, 25 Nov 2026, 09:00\\n• Thu, 26 Nov 2026, 09:00',
    );
    expect(text).not.toContain('more often than once an hour');
  });

  it('answers in French with curly quotes and the workspace zone by default', async ({ t }) => {
    await t.bot.deps.workspaces.setTimezone(TEST_TEAM, 'America/New_York');
    const reply = await culture(FRENCH_ADMIN, 'schedule mantra <#C0FLOOR> “30 8 * * 1”');
    const text = JSON.stringify(reply.body.blocks);
    expect(reply.body.text).toContain('le mantra dans <#C0FLOOR>, `30 8 * * 1` (America/New_York)');
    // 08:30 in New York on Monday 23 November is still to come (13:30 UTC).
    expect(text).toContain(
      'Les trois prochaines publications :\\n• lun. 23 nov. 2026, 08:30\\n• lun. 30 nov. 2026, 08:30\\n• lun. 7 déc. 2026, 08:30',
    );
  });

  it('says that both day fields must match, with the next dates, for "0 9 13 * 5"', async () => {
    const reply = await culture(ADMIN, 'schedule mantra <#C0FLOOR> "0 9 13 * 5" UTC');
    const text = JSON.stringify(reply.body.blocks);
    // node-cron fires on Friday the 13th only, where standard cron fires on every 13th and every Friday.
    expect(text).toContain('only on days that match *both*');
    expect(text).toContain('• Fri, 13 Aug 2027, 09:00');
    expect(await db().db.select().from(schedules)).toHaveLength(1);

    const either = await culture(ADMIN, 'schedule mantra <#C0FLOOR> "0 9 13 * *" UTC');
    expect(JSON.stringify(either.body.blocks)).not.toContain('match *both*');
  });

  it('accepts more than hourly with a warning', async () => {
    const reply = await culture(ADMIN, 'schedule mantra <#C0FLOOR> "*/15 9-17 * * 1-5" UTC');
    const text = JSON.stringify(reply.body.blocks);
    expect(text).toContain('Mon, 23 Nov 2026, 09:15');
    expect(text).toContain(':warning: This fires more often than once an hour');
    expect(await db().db.select().from(schedules)).toHaveLength(1);
  });

  it('refuses an invalid cron with the reason, an example and the text typed', async () => {
    let reply = await culture(ADMIN, 'schedule mantra <#C0FLOOR> "0 25 * * *" Europe/Paris');
    expect(reply.body.text).toBe(
      '`0 25 * * *` is not a schedule I understand: the hour `25` is not valid. Use five fields in quotes, ' +
        'minute hour day-of-month month day-of-week, for example `"0 9 * * 1-5"` (09:00 on weekdays) ' +
        'or `"30 8 * * 1"` (Mondays at 08:30).',
    );
    expect(JSON.stringify(reply.body.blocks)).toContain('Here is what you typed');
    expect(JSON.stringify(reply.body.blocks)).toContain(
      '```/culture schedule mantra <#C0FLOOR> \\"0 25 * * *\\" Europe/Paris```',
    );
    reply = await culture(ADMIN, 'schedule mantra <#C0FLOOR> "every monday"');
    expect(reply.body.text).toContain('it has 2 field(s) instead of five');
    reply = await culture(ADMIN, 'schedule mantra <#C0FLOOR> "0 9 31 2 *"');
    expect(reply.body.text).toContain('no date ever matches it');
    expect(await db().db.select().from(schedules)).toEqual([]);
  });

  it('refuses an unknown time zone with examples', async () => {
    const reply = await culture(ADMIN, 'schedule mantra <#C0FLOOR> "0 9 * * *" Mars/Olympus');
    expect(reply.body.text).toBe(
      'I don’t know the time zone `Mars/Olympus`. Use an IANA name such as `Europe/Paris`, `America/New_York` or `UTC`.',
    );
    expect(JSON.stringify(reply.body.blocks)).toContain('Mars/Olympus');
    expect(await db().db.select().from(schedules)).toEqual([]);
  });

  it('accepts the other kinds once their feature registered them', async () => {
    const reply = await culture(ADMIN, 'schedule digest <#C0FLOOR> "0 9 * * 1"');
    expect(reply.body.text).toContain('the weekly digest in <#C0FLOOR>, `0 9 * * 1` (UTC)');
    expect(await db().db.select().from(schedules)).toMatchObject([{ kind: 'digest' }]);
  });

  it('explains the syntax when the channel was not picked or the kind is unknown', async () => {
    let reply = await culture(ADMIN, 'schedule mantra #floor "0 9 * * *"');
    expect(reply.body.text).toContain(
      'Usage: `/culture schedule mantra #channel "0 9 * * 1-5" Europe/Paris`',
    );
    expect(reply.body.text).toContain('(default: the workspace’s, UTC)');
    reply = await culture(ADMIN, 'schedule poem <#C0FLOOR> "0 9 * * *"');
    expect(reply.body.text).toContain('I can schedule `mantra`, `digest` or `pulse`, not `poem`.');
  });

  it('is for admins; managers may only look at the list', async () => {
    for (const [user, text] of [
      [MEMBER, 'schedule mantra <#C0FLOOR> "0 9 * * *"'],
      [MANAGER, 'schedule mantra <#C0FLOOR> "0 9 * * *"'],
      [MANAGER, 'unschedule 1'],
      [MANAGER, 'timezone Europe/Paris'],
    ] as const) {
      expect((await culture(user, text)).body.text, `${user} ${text}`).toBe(
        'Sorry, only admins can do that.',
      );
    }
    expect((await culture(MEMBER, 'schedules')).body.text).toBe(
      'Sorry, only managers and admins can do that.',
    );
    expect((await culture(MANAGER, 'schedules')).body.text).toContain('Nothing is scheduled yet');
    expect(await db().db.select().from(schedules)).toEqual([]);
  });

  it('lists schedules with id, next fire time and last outcome, and removes one', async ({ t }) => {
    await culture(ADMIN, 'schedule mantra <#C0FLOOR> "0 9 * * *" Europe/Paris');
    await culture(ADMIN, 'schedule mantra <#C0DESK> "0 14 * * 5" America/New_York');
    const [first, second] = await db().db.select().from(schedules).orderBy(schedules.id);
    // One run of the first, as the engine records it.
    await createScheduledPostsJob({ replicaId: 'test' }).run(t.bot.deps, new Date('2026-11-24T08:00:30Z'));

    let reply = await culture(MANAGER, 'schedules');
    let text = JSON.stringify(reply.body.blocks);
    expect(text).toContain(`*#${first?.id}* mantra in <#C0FLOOR>: \`0 9 * * *\` (Europe/Paris)`);
    expect(text).toContain('Next: Tue, 24 Nov 2026, 09:00');
    expect(text).toContain('Last: posted (Tue, 24 Nov 2026, 09:00)');
    expect(text).toContain(`*#${second?.id}* mantra in <#C0DESK>: \`0 14 * * 5\` (America/New_York)`);
    expect(text).toContain('Next: Fri, 27 Nov 2026, 14:00');
    expect(text).toContain('Last: not run yet');

    reply = await culture(ADMIN, `unschedule ${first?.id}`);
    expect(reply.body.text).toBe(`Removed schedule #${first?.id} (the mantra in <#C0FLOOR>).`);
    reply = await culture(ADMIN, `unschedule #${first?.id}`);
    expect(reply.body.text).toBe(`There is no schedule #${first?.id} here. See \`/culture schedules\`.`);
    reply = await culture(ADMIN, 'unschedule');
    expect(reply.body.text).toContain('Usage: `/culture unschedule <id>`');
    reply = await culture(ADMIN, 'schedules');
    text = JSON.stringify(reply.body.blocks);
    expect(text).not.toContain('C0FLOOR');
    expect(text).toContain('C0DESK');
  });

  it('sets the workspace time zone, used by new schedules only', async ({ t }) => {
    let reply = await culture(ADMIN, 'timezone');
    expect(reply.body.text).toContain('The workspace time zone is `UTC`');
    reply = await culture(ADMIN, 'timezone Mars/Olympus');
    expect(reply.body.text).toContain('I don’t know the time zone `Mars/Olympus`');
    reply = await culture(ADMIN, 'timezone europe/paris');
    expect(reply.body.text).toContain('The workspace time zone is now `Europe/Paris`');
    expect((await t.bot.deps.workspaces.get(TEST_TEAM)).timezone).toBe('Europe/Paris');
    reply = await culture(ADMIN, 'schedule mantra <#C0FLOOR> "0 9 * * *"');
    expect(reply.body.text).toContain('(Europe/Paris)');
    await t.bot.deps.workspaces.setTimezone(TEST_TEAM, 'UTC');
  });
});

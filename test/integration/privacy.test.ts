import { and, eq, isNull } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../../src/db/client.js';
import {
  auditLog,
  deactivatedPeople,
  moments,
  pulseAnswers,
  schedules,
  workspaces,
} from '../../src/db/schema.js';
import { createErasureHasher } from '../../src/domain/privacy/erasure-hash.js';
import { createPrivacyPurgeJob } from '../../src/jobs/privacy-purge.js';
import { createSlackDriver } from '../../src/sandbox/slack-driver.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { exportedFiles } from '../support/exports.js';
import {
  ADMIN,
  ANA,
  addPrivacyPeople,
  BEN,
  CAL,
  commandInSupport,
  KUDOS,
  SAM,
  SUPPORT,
} from '../support/privacy-people.js';
import { pulseDriver } from '../support/pulse-helpers.js';
import { columnsContaining, rowsOfTeam } from '../support/scan.js';
import { SIGNING_SECRET, TEST_TEAM } from '../support/test-bot.js';

const OTHER_TEAM = 'T0OTHER';
const HASH_KEY = 'privacy-test-key-0123456789';
const DAY = 24 * 3_600_000;

// Each story carries a marker no other text has, so a scan can look for it anywhere.
const SAM_STORY = 'SAMSTORY-7f3a: rebuilt the order with the customer on the phone, twice.';
const ANA_PRAISE = 'ANAPRAISE-22c1: stayed late so the bakery got its delivery on time.';
const ANA_COMPLAINT = 'ANACOMPLAINT-9d0e: a refund waited two days';
const SAM_ANSWER = 'SAMANSWER-41b2 my named answer';

describeEachDatabase('privacy: erasure, export, retention, audit, uninstall, isolation', (db) => {
  const { it, suiteBot } = botTest(db, {
    start: { env: { ERASURE_HASH_KEY: HASH_KEY } },
    setUp(t) {
      addPrivacyPeople(t);
      t.emulator.addChannel({ id: SUPPORT, name: 'support' });
      t.emulator.addChannel({ id: KUDOS, name: 'kudos' });
    },
  });
  const p = pulseDriver(suiteBot, db, SUPPORT);

  const command = (command: string, text: string, userId: string, driver = suiteBot().driver) =>
    commandInSupport(suiteBot(), command, text, userId, driver);
  const culture = (text: string, userId: string, driver = suiteBot().driver) =>
    command('/culture', text, userId, driver);

  /**
   * Sam's working life in the bot: a praise he wrote (posted in #kudos), praise and a complaint
   * naming him, a manager role, an admin role he granted, a schedule and a vision line he
   * created, a named pulse he started and answered, an anonymous one he answered.
   */
  async function seedSam() {
    const t = suiteBot();
    await t.bot.deps.workspaces.updateSettings(TEST_TEAM, { recognitionChannelId: KUDOS });
    await culture(`role admin <@${SAM}>`, ADMIN);
    await culture(`role manager <@${BEN}>`, SAM);
    await command('/praise', `<@${ANA}> ${SAM_STORY}`, SAM);
    await command('/praise', `<@${SAM}|sam> <@${BEN}> ${ANA_PRAISE}`, ANA);
    await command('/complaint', `${ANA_COMPLAINT}; <@${SAM}> can help fix it`, ANA);
    await culture(`schedule mantra <#${SUPPORT}|support> "0 9 * * 1"`, SAM);
    await command('/mantra', 'add Customers remember how we made them feel.', SAM);
    // A named pulse, answered by Sam, Ana and Ben; then an anonymous one.
    await p.command('start named', SAM);
    await p.answer(SAM, { score: 9, vision: SAM_ANSWER });
    await p.answer(ANA, { score: 7 });
    await p.answer(BEN, { score: 8 });
    await p.command('close', SAM);
    t.clock.advance(60_000);
    await p.command('start', BEN);
    for (const [user, score] of [
      [SAM, 4],
      [ANA, 6],
      [CAL, 5],
    ] as const)
      await p.answer(user, { score });
    await p.command('close', BEN);
    await t.bot.whenIdle();
  }

  it('an admin erases a person: a scan of every table finds neither their id nor their stories', async ({
    t,
  }) => {
    await seedSam();
    // The scan can fail: before the erasure it finds Sam all over the place.
    const before = await columnsContaining(db(), SAM);
    expect(before).toEqual(
      expect.arrayContaining([
        'moments.author_id',
        'moment_colleagues.user_id',
        'moments.story',
        'roles.user_id',
        'roles.granted_by',
        'schedules.created_by',
        'mantras.created_by',
        'pulses.created_by',
        'pulse_participants.user_id',
        'pulse_answers.respondent_id',
        'audit_log.target',
        'audit_log.actor_id',
      ]),
    );
    expect(await columnsContaining(db(), SAM_STORY)).toEqual(['moments.story']);
    const posted = (marker: string) =>
      t.emulator.messages.find((m) => m.channel === KUDOS && JSON.stringify(m.blocks).includes(marker));
    const samPost = posted('SAMSTORY');
    const anaPost = posted('ANAPRAISE');
    expect(samPost && anaPost).toBeTruthy();
    const [{ count: anonymousBefore }] = await anonymousAnswerCount(db());

    const reply = await culture(`forget <@${SAM}>`, ADMIN);
    expect(reply.text).toBe(
      `The data of <@${SAM}> is erased: 1 story deleted, their name taken off 2 stories, 1 role, ` +
        '2 pulse participations and 1 named answer removed. Anonymous pulse answers stay: nothing links them to anyone.',
    );

    expect(await columnsContaining(db(), SAM)).toEqual([]);
    expect(await columnsContaining(db(), SAM_STORY)).toEqual([]);
    expect(await columnsContaining(db(), SAM_ANSWER)).toEqual([]);
    // What others wrote stays, without him; anonymous answers stay, unattributed.
    const left = await db().db.select().from(moments).where(eq(moments.teamId, TEST_TEAM));
    expect(left.map((m) => m.story).sort()).toEqual([`${ANA_COMPLAINT}; @… can help fix it`, ANA_PRAISE]);
    const [{ count: anonymousAfter }] = await anonymousAnswerCount(db());
    expect(anonymousAfter).toBe(anonymousBefore);
    // Slack follows: his story leaves #kudos, Ana's post no longer names him.
    expect(t.emulator.messages.find((m) => m.ts === samPost?.ts)).toBeUndefined();
    const updated = t.emulator.messages.find((m) => m.ts === anaPost?.ts);
    expect(JSON.stringify(updated)).toContain('ANAPRAISE');
    expect(JSON.stringify(updated)).not.toContain(SAM);
    // The audit proves it happened: who, what, when, and only a keyed hash of whom.
    const hash = createErasureHasher(HASH_KEY)(TEST_TEAM, SAM);
    const [entry] = await db()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.teamId, TEST_TEAM), eq(auditLog.action, 'person_erased')));
    expect(entry).toMatchObject({ actorId: ADMIN, target: hash, createdAt: t.clock.now() });
    expect(entry?.details).toMatchObject({ by: 'admin', storiesDeleted: 1 });
    // The schedule he created keeps running, now owned by the admin who erased him.
    const [schedule] = await db().db.select().from(schedules);
    expect(schedule?.createdBy).toBe(ADMIN);
  });

  it('a person erases their own data; nobody else but an admin can erase them', async () => {
    await command('/praise', `<@${SAM}> ${ANA_PRAISE}`, ANA);
    const refused = await culture(`forget <@${ANA}>`, BEN);
    expect(refused.text).toBe('Sorry, only admins can do that.');
    expect(await columnsContaining(db(), ANA_PRAISE)).toEqual(['moments.story']);

    const reply = await culture(`forget <@${ANA}>`, ANA);
    expect(reply.text).toContain('Your data is erased: 1 story deleted');
    expect(await columnsContaining(db(), ANA)).toEqual([]);
    expect(await columnsContaining(db(), ANA_PRAISE)).toEqual([]);
    const [entry] = await db().db.select().from(auditLog).where(eq(auditLog.action, 'person_erased'));
    expect(entry?.actorId).toBe(createErasureHasher(HASH_KEY)(TEST_TEAM, ANA));
    expect(entry?.details).toMatchObject({ by: 'self' });

    const usage = await culture('forget ana', ADMIN);
    expect(usage.text).toContain('Usage: `/culture forget @person`');
  });

  it('sends an admin the workspace’s data as CSV files; anonymous answers carry no name', async ({ t }) => {
    await seedSam();
    await command('/praise', `<@${BEN}> =HYPERLINK("http://evil") he called back, "twice"`, ANA);
    // A third pulse below the threshold: its answers stay out of the export.
    t.clock.advance(60_000);
    await p.command('start', BEN);
    await p.answer(CAL, { score: 2, human: 'LONELYANSWER' });
    await p.command('close', BEN);

    expect((await culture('export', BEN)).text).toBe('Sorry, only admins can do that.');
    const reply = await culture('export', ADMIN);
    expect(reply.text).toBe('I sent you the workspace’s data as CSV files, in a direct message.');
    const { files, comment } = exportedFiles(suiteBot(), ADMIN);
    expect([...files.keys()].sort()).toEqual([
      'moments.csv',
      'pulse-answers.csv',
      'pulses.csv',
      'schedules.csv',
      'settings.csv',
    ]);
    expect(comment).toContain('The workspace’s data on <!date^');
    const momentsCsv = files.get('moments.csv') ?? '';
    expect(momentsCsv.split('\r\n')[0]).toBe(
      'id,created_at,kind,author,colleagues,customer_type,touchpoint,impact,story,lesson,follow_up,status,resolved_at,standards,source,channel,permalink',
    );
    expect(momentsCsv).toContain(
      `,praise,${SAM},${ANA},external,other,small,${SAM_STORY.replace(',', '')}`.slice(0, 20),
    );
    expect(momentsCsv).toContain(`"'=HYPERLINK(""http://evil"") he called back, ""twice"""`);
    expect(momentsCsv).toContain(ANA_PRAISE);

    const pulsesCsv = (files.get('pulses.csv') ?? '').split('\r\n');
    expect(pulsesCsv[0]).toBe(
      'id,channel,anonymous,status,created_by,opened_at,closes_at,closed_at,answers,answers_exported',
    );
    expect(
      pulsesCsv.filter((l) => l.endsWith(',3,true')),
      pulsesCsv.join('\n'),
    ).toHaveLength(2);
    expect(pulsesCsv.filter((l) => l.endsWith(',1,false'))).toHaveLength(1);
    const answers = (files.get('pulse-answers.csv') ?? '').split('\r\n').filter(Boolean);
    expect(answers[0]).toBe('pulse_id,respondent,score,vision,motivation,human');
    expect(answers).toHaveLength(7);
    const named = answers.filter((l) => /,U0[A-Z0-9]+,/.test(l));
    expect(named.map((l) => l.split(',')[1]).sort()).toEqual([ANA, BEN, SAM].sort());
    // The anonymous pulse's three answers: a score, and no person anywhere on the line.
    const anonymous = answers.slice(1).filter((l) => !named.includes(l));
    expect(anonymous.map((l) => l.split(',').slice(1, 3).join(',')).sort()).toEqual([',4', ',5', ',6']);
    expect(files.get('pulse-answers.csv')).not.toContain('LONELYANSWER');

    expect(files.get('schedules.csv')).toContain(`,mantra,${SUPPORT},0 9 * * 1,UTC,true,${SAM},`);
    const settings = files.get('settings.csv') ?? '';
    expect(settings).toContain(`team,${TEST_TEAM}\r\nlanguage,en\r\ntimezone,UTC\r\n`);
    expect(settings).toContain(`recognitionChannelId,${KUDOS}`);
    expect(settings).toContain('retentionMonths,24');
    expect(settings).toContain('vision_line,Customers remember how we made them feel.');
    expect(settings).toContain(`role:${SAM},admin`);

    const trail = await t.bot.deps.audit.latest(TEST_TEAM, 1);
    expect(trail[0]).toMatchObject({ actorId: ADMIN, action: 'workspace_exported' });
  });

  it('sends a person their own data: what they wrote, what names them, their pulses', async () => {
    await seedSam();
    const reply = await culture('export me', ANA);
    expect(reply.text).toBe('I sent you your data as CSV files, in a direct message.');
    const { files } = exportedFiles(suiteBot(), ANA);
    expect([...files.keys()].sort()).toEqual([
      'moments-about-me.csv',
      'my-moments.csv',
      'my-profile.csv',
      'my-pulses.csv',
    ]);
    const mine = files.get('my-moments.csv') ?? '';
    expect(mine).toContain(ANA_PRAISE);
    expect(mine).toContain(ANA_COMPLAINT);
    expect(mine).not.toContain(SAM_STORY.slice(0, 14));
    const about = (files.get('moments-about-me.csv') ?? '').split('\r\n');
    expect(about[0]).toBe('id,created_at,kind,relation,story,lesson,status');
    expect(about[1]).toContain(`,praise,colleague,"${SAM_STORY}"`);
    expect(about.filter(Boolean)).toHaveLength(2);
    const pulses = (files.get('my-pulses.csv') ?? '').split('\r\n').filter(Boolean);
    expect(pulses).toHaveLength(3);
    // Named: her answer; anonymous: she took part, and nothing says what she answered.
    expect(pulses[1]).toMatch(new RegExp(`,${SUPPORT},.+,false,7,,,$`));
    expect(pulses[2]).toMatch(new RegExp(`,${SUPPORT},.+,true,,,,$`));
    expect(files.get('my-profile.csv')).toContain(`user,${ANA}\r\nrole,member`);
    expect(files.get('moments-about-me.csv')).not.toContain(SAM);
  });

  it('purges moments and pulses past the retention setting with the daily job', async ({ t }) => {
    await command('/praise', `<@${SAM}> ${ANA_PRAISE}`, ANA);
    await p.command('start', ADMIN);
    await p.command('close', ADMIN);
    t.clock.advance(40 * DAY);
    await command('/praise', `<@${ANA}> ${SAM_STORY}`, SAM);

    // The default: 24 months. Nothing is old enough yet.
    const job = createPrivacyPurgeJob();
    await job.run(t.bot.deps, new Date(t.clock.now().getTime() + 20 * DAY));
    expect(await storiesLeft(db())).toHaveLength(2);

    expect((await culture('retention 1', BEN)).text).toBe('Sorry, only admins can do that.');
    expect((await culture('retention 0', ADMIN)).text).toContain(
      'Usage: `/culture retention <months>` (1 to 120',
    );
    expect((await culture('retention 1', ADMIN)).text).toBe(
      'Stories and pulses are now kept 1 months; older ones are deleted at the next daily purge.',
    );
    expect((await culture('retention', ADMIN)).text).toContain('Stories and pulses are kept *1 months*');
    // Same day as the last pass: the daily job waits for tomorrow.
    await job.run(t.bot.deps, new Date(t.clock.now().getTime() + 20 * DAY));
    expect(await storiesLeft(db())).toHaveLength(2);
    await job.run(t.bot.deps, new Date(t.clock.now().getTime() + 21 * DAY));
    expect(await storiesLeft(db())).toEqual([SAM_STORY]);
    expect(await p.latestPulse()).toBeUndefined();

    const trail = await t.bot.deps.audit.latest(TEST_TEAM, 5);
    expect(trail.map((e) => e.action)).toEqual(['retention_purged', 'setting_changed']);
    expect(trail[0]?.details).toMatchObject({ months: 1, moments: 1, pulses: 1 });
    expect(trail[1]).toMatchObject({
      actorId: ADMIN,
      target: 'retentionMonths',
      details: { from: 24, to: 1 },
    });
  });

  it('records admin actions and shows the latest to admins only', async ({ t }) => {
    await command('/praise', `<@${BEN}> ${ANA_PRAISE}`, ANA);
    const [moment] = await db().db.select().from(moments);
    await culture(`role manager <@${BEN}>`, ADMIN);
    await culture('language fr', ADMIN);
    await culture('language en', ADMIN);
    await culture(`channel recognition <#${KUDOS}|kudos>`, ADMIN);
    await culture(`schedule mantra <#${SUPPORT}|support> "0 9 * * 1"`, ADMIN);
    const [schedule] = await db().db.select().from(schedules);
    await culture(`unschedule ${schedule?.id}`, ADMIN);
    await command('/mantra', 'add Customers remember how we made them feel.', ADMIN);
    await command('/mantra', 'add Every contact is a pleasant memory.', ADMIN);
    await command('/mantra', 'remove 1', ADMIN);
    expect((await t.bot.deps.moments.remove(TEST_TEAM, ADMIN, moment?.id ?? '')).ok).toBe(true);
    await culture('retention grace 10', ADMIN);
    await culture(`forget <@${CAL}>`, ADMIN);

    const trail = await t.bot.deps.audit.latest(TEST_TEAM, 20);
    expect(trail.map((e) => [e.action, e.target])).toEqual([
      ['person_erased', createErasureHasher(HASH_KEY)(TEST_TEAM, CAL)],
      ['setting_changed', 'uninstallGraceDays'],
      ['moment_deleted', ANA],
      ['vision_line_removed', expect.stringMatching(/^line:\d+$/)],
      ['vision_line_added', expect.stringMatching(/^line:\d+$/)],
      ['vision_line_added', expect.stringMatching(/^line:\d+$/)],
      ['schedule_removed', `schedule:${schedule?.id}`],
      ['schedule_added', `schedule:${schedule?.id}`],
      ['setting_changed', 'recognitionChannelId'],
      ['setting_changed', 'language'],
      ['setting_changed', 'language'],
      ['role_changed', BEN],
    ]);
    for (const entry of trail) expect(entry).toMatchObject({ actorId: ADMIN, createdAt: t.clock.now() });
    expect(trail[9]?.details).toEqual({ from: 'fr', to: 'en' });

    expect((await culture('audit', BEN)).text).toBe('Sorry, only admins can do that.');
    const before = t.emulator.responses.length;
    await t.driver.command({ command: '/culture', text: 'audit', userId: ADMIN, channelId: SUPPORT });
    const reply = await t.emulator.waitForResponse((r) => t.emulator.responses.indexOf(r) >= before);
    const text = JSON.stringify(reply.body.blocks);
    expect(text).toContain(`<@${ADMIN}> erased a person’s data · an erased person`);
    expect(text).toContain(`<@${ADMIN}> changed a setting · \`uninstallGraceDays\` \`to=10, from=30\``);
    expect(text).toContain(`<@${ADMIN}> changed a role · <@${BEN}> \`role=manager\``);
    expect(text).not.toContain(CAL);
    expect(text.indexOf('erased a person')).toBeLessThan(text.indexOf('changed a role'));
  });

  it('stops schedules on uninstall, keeps the data through the grace period, and purges it after', async ({
    t,
  }) => {
    await seedSam();
    const [schedule] = await db().db.select().from(schedules);
    if (!schedule) throw new Error('no schedule');
    expect(await t.bot.deps.schedules.listEnabled()).toHaveLength(1);

    await t.driver.event({ type: 'app_uninstalled' });
    await t.bot.whenIdle();
    const [row] = await db().db.select().from(workspaces).where(eq(workspaces.teamId, TEST_TEAM));
    expect(row?.uninstalledAt).toEqual(t.clock.now());
    expect(await t.bot.deps.schedules.listEnabled()).toEqual([]);
    const fireAt = new Date(t.clock.now().getTime() + 60_000);
    expect(await t.bot.deps.scheduleRuns.claim(schedule.id, fireAt, 'replica-test', t.clock.now())).toBe(
      false,
    );

    // Within the grace period nothing goes; the app comes back: schedules resume, no purge.
    await createPrivacyPurgeJob().run(t.bot.deps, new Date(t.clock.now().getTime() + 29 * DAY));
    expect(await storiesLeft(db())).toHaveLength(3);
    await culture('help', ANA);
    expect(await t.bot.deps.schedules.listEnabled()).toHaveLength(1);
    await createPrivacyPurgeJob().run(t.bot.deps, new Date(t.clock.now().getTime() + 31 * DAY));
    expect(await storiesLeft(db())).toHaveLength(3);
    const trail = await t.bot.deps.audit.latest(TEST_TEAM, 2);
    expect(trail.map((e) => e.action)).toEqual(['app_reinstalled', 'app_uninstalled']);

    // Revoking the bot token is an uninstall too; after the grace period every row of the team goes.
    await t.driver.event({ type: 'tokens_revoked', tokens: { bot: ['B0BOT'] } });
    await t.bot.whenIdle();
    expect(await t.bot.deps.schedules.listEnabled()).toEqual([]);
    await createPrivacyPurgeJob().run(t.bot.deps, new Date(t.clock.now().getTime() + 31 * DAY));
    expect(await rowsOfTeam(db(), TEST_TEAM)).toEqual([]);
  });

  it('offers deactivated people to the admins and erases nothing by itself', async ({ t }) => {
    await command('/praise', `<@${ANA}> ${SAM_STORY}`, SAM);
    await t.driver.event({ type: 'user_change', user: { id: SAM, deleted: true, team_id: TEST_TEAM } });
    await t.bot.whenIdle();
    const offered = await t.bot.deps.privacy.deactivatedPeople(TEST_TEAM, ADMIN);
    expect(offered).toMatchObject({ ok: true, value: [{ userId: SAM }] });
    expect(await t.bot.deps.privacy.deactivatedPeople(TEST_TEAM, BEN)).toMatchObject({ ok: false });
    expect(await storiesLeft(db())).toEqual([SAM_STORY]);
    // Back again: the offer goes.
    await t.driver.event({ type: 'user_change', user: { id: SAM, deleted: false, team_id: TEST_TEAM } });
    await t.bot.whenIdle();
    expect(await db().db.select().from(deactivatedPeople)).toEqual([]);
  });

  it('keeps two workspaces apart: nothing of one is visible, exportable or erasable from the other', async ({
    t,
  }) => {
    await seedSam();
    const other = createSlackDriver({
      appUrl: `http://127.0.0.1:${t.bot.port}`,
      signingSecret: SIGNING_SECRET,
      emulator: t.emulator,
      teamId: OTHER_TEAM,
    });
    const ours = await columnsContaining(db(), SAM);
    const ben = await columnsContaining(db(), BEN);
    await command('/praise', `<@${ANA}> OTHERTEAM-5e5e: a story of the other workspace.`, BEN, other);

    // The other workspace's admin exports and erases: none of ours is in it, none of ours goes.
    await culture('export', ADMIN, other);
    const { files } = exportedFiles(suiteBot(), ADMIN);
    const everything = [...files.values()].join('\n');
    expect(everything).toContain('OTHERTEAM-5e5e');
    for (const text of [SAM_STORY, ANA_PRAISE, ANA_COMPLAINT, SAM, TEST_TEAM])
      expect(everything).not.toContain(text);
    await culture('export me', ANA, other);
    const mine = [...exportedFiles(suiteBot(), ANA).files.values()].join('\n');
    expect(mine).toContain('OTHERTEAM-5e5e');
    expect(mine).not.toContain('ANAPRAISE');

    await culture(`forget <@${SAM}>`, ADMIN, other);
    await culture(`forget <@${BEN}>`, ADMIN, other);
    expect(await columnsContaining(db(), SAM)).toEqual(ours);
    expect(await columnsContaining(db(), BEN)).toEqual(ben);
    expect(await columnsContaining(db(), 'OTHERTEAM-5e5e')).toEqual([]);
    expect(await storiesLeft(db())).toHaveLength(3);

    // Its uninstall and purge leave ours whole.
    await other.event({ type: 'app_uninstalled' });
    await t.bot.whenIdle();
    expect(await t.bot.deps.schedules.listEnabled()).toHaveLength(1);
    await createPrivacyPurgeJob().run(t.bot.deps, new Date(t.clock.now().getTime() + 31 * DAY));
    expect(await rowsOfTeam(db(), OTHER_TEAM)).toEqual([]);
    expect(await storiesLeft(db())).toHaveLength(3);
    expect((await t.bot.deps.audit.latest(TEST_TEAM, 50)).map((e) => e.action)).not.toContain(
      'person_erased',
    );
  });
});

async function anonymousAnswerCount(database: Database) {
  const n = await database.db.$count(
    pulseAnswers,
    and(eq(pulseAnswers.teamId, TEST_TEAM), isNull(pulseAnswers.respondentId)),
  );
  return [{ count: n }] as const;
}

async function storiesLeft(database: Database) {
  const rows = await database.db
    .select({ story: moments.story })
    .from(moments)
    .where(eq(moments.teamId, TEST_TEAM));
  return rows.map((r) => r.story);
}

import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { auditLog, mantras, moments, roles, schedules, workspaces } from '../../src/db/schema.js';
import { validateView } from '../../src/sandbox/block-kit-rules.js';
import { BLOCKS, VIEWS } from '../../src/slack/ids.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { control, elements, homeTab, seedBusyWorkspace, viewText as text } from '../support/home-tab.js';
import { lessonModalValues, momentModalValues } from '../support/moment-values.js';
import { TEST_TEAM } from '../support/test-bot.js';

const MEMBER = 'UMEMBER';
const FRENCH = 'UFRENCH'; // a member whose Slack speaks French
const MANAGER = 'UMANAGER';
const ADMIN = 'UADMIN'; // a Slack workspace admin: admin of the bot without a grant
const SAM = 'USAM';
const SUPPORT = 'CSUPPORT';
const KUDOS = 'CKUDOS';
const STORY = 'Sam called the customer back within the hour and fixed the refund. #same-day';

describeEachDatabase('the App Home', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: MEMBER, name: 'mia', locale: 'en-US' });
      t.emulator.addUser({ id: FRENCH, name: 'flo', locale: 'fr-FR' });
      t.emulator.addUser({ id: MANAGER, name: 'max', locale: 'en-GB' });
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
      t.emulator.addUser({ id: SAM, name: 'sam', locale: 'en-US' });
      t.emulator.addChannel({ id: SUPPORT, name: 'support', members: [MEMBER, FRENCH, MANAGER, ADMIN, SAM] });
      t.emulator.addChannel({ id: KUDOS, name: 'kudos' });
    },
  });
  it.beforeEach(async () => {
    await db()
      .db.insert(roles)
      .values({ teamId: TEST_TEAM, userId: MANAGER, role: 'manager', grantedBy: ADMIN });
  });

  const { home, publishes, openHome, click } = homeTab(suiteBot);

  async function logComplaint(authorId: string, followUp?: string) {
    const t = suiteBot();
    const { moment } = await t.bot.deps.moments
      .log(
        TEST_TEAM,
        authorId,
        {
          kind: 'complaint',
          colleagueIds: [],
          customerType: 'external',
          touchpoint: 'phone',
          impact: 'big',
          story: 'A customer waited two days for a refund and nobody called back.',
          followUpUserId: followUp ?? authorId,
        },
        { source: 'command' },
        t.clock.now(),
      )
      .then((r) => {
        if (!r.ok) throw new Error('complaint not logged');
        return r.value;
      });
    return moment;
  }

  it('shows a member their dashboard, in their language, with no manager or admin controls', async ({
    t,
  }) => {
    await t.bot.deps.moments.log(
      TEST_TEAM,
      SAM,
      {
        kind: 'praise',
        colleagueIds: [MEMBER],
        customerType: 'external',
        touchpoint: 'phone',
        impact: 'big',
        story: STORY,
      },
      { source: 'command' },
      t.clock.now(),
    );
    const view = await openHome(MEMBER);
    const shown = text(view);
    expect(shown).toContain('Customer first.');
    expect(shown).toContain('This week: *1* · All time: *1*');
    expect(shown).toContain('from <@USAM>');
    expect(shown).toContain('Emotional bank account:* +3');
    expect(shown).not.toContain('For managers');
    expect(shown).not.toContain('Settings (admins)');
    expect(elements(view).map((e) => String(e.action_id).split(':')[0])).toEqual(
      expect.arrayContaining(['home_log_moment', 'home_praise']),
    );

    const french = await openHome(FRENCH);
    expect(text(french)).toContain('Le client d’abord.');
    expect(text(french)).toContain('Raconter un moment');
    expect(validateView(french)).toEqual([]);
  });

  it('shows managers the complaints to follow up and their pulses, and admins every setting', async () => {
    await logComplaint(SAM);
    const manager = text(await openHome(MANAGER));
    expect(manager).toContain('For managers');
    expect(manager).toContain('*Complaints to follow up* (1)');
    expect(manager).not.toContain('Settings (admins)');
    const admin = await openHome(ADMIN);
    for (const part of [
      'Vision lines',
      'Scheduled posts',
      'Roles',
      'Anonymity threshold',
      'Follow-up reminders',
    ]) {
      expect(text(admin)).toContain(part);
    }
    expect(text(admin)).toContain('<@UMANAGER> · manager');
  });

  it('logs a moment from the Home and republishes it', async ({ t }) => {
    await openHome(MEMBER);
    const calls = await click(MEMBER, 'home_praise');
    const opened = calls.find((c) => c.method === 'views.open');
    expect(opened?.args.view.callback_id).toBe(VIEWS.momentModal);
    const before = publishes(MEMBER);
    await t.driver.viewSubmission({
      userId: MEMBER,
      callbackId: VIEWS.momentModal,
      values: momentModalValues({ kind: 'praise', colleagues: [SAM], story: STORY }),
    });
    await t.bot.whenIdle();
    expect(await db().db.select().from(moments)).toHaveLength(1);
    expect(publishes(MEMBER)).toBe(before + 1);
    expect(text(home(MEMBER))).toContain('Moments you logged (1)');
  });

  it('follows a complaint up from the Home: lesson by modal, then resolved', async ({ t }) => {
    const complaint = await logComplaint(SAM, MEMBER);
    await openHome(MEMBER);
    expect(text(home(MEMBER))).toContain('Your follow-ups (1)');
    const calls = await click(MEMBER, 'home_follow_up', `lesson:${complaint.id}`);
    expect(calls.find((c) => c.method === 'views.open')?.args.view.callback_id).toBe(VIEWS.momentLesson);
    await t.driver.viewSubmission({
      userId: MEMBER,
      callbackId: VIEWS.momentLesson,
      values: lessonModalValues('Call the customer back the same day, whatever the answer.'),
    });
    await t.bot.whenIdle();
    expect(text(home(MEMBER))).toContain('Lesson saved');
    await click(MEMBER, 'home_follow_up', `resolve:${complaint.id}`);
    const [row] = await db().db.select().from(moments).where(eq(moments.id, complaint.id));
    expect(row?.status).toBe('resolved');
    expect(row?.followedUpAt).not.toBeNull();
    expect(text(home(MEMBER))).toContain('Your follow-ups (0)');
    expect(text(home(MEMBER))).toContain('Marked resolved');
  });

  it('says so and refreshes when the moment was deleted meanwhile', async ({ t }) => {
    const complaint = await logComplaint(MEMBER);
    const stale = await openHome(MEMBER);
    await t.bot.deps.moments.remove(TEST_TEAM, MEMBER, complaint.id);
    await click(MEMBER, 'home_moment', `delete:${complaint.id}`, stale);
    expect(text(home(MEMBER))).toContain('deleted or changed meanwhile');
    expect(text(home(MEMBER))).toContain('Moments you logged (0)');
  });

  it('refuses forged admin actions from a member, changing nothing and saying why', async ({ t }) => {
    const admin = await openHome(ADMIN);
    await t.bot.deps.schedules.create({
      teamId: TEST_TEAM,
      kind: 'mantra',
      channelId: SUPPORT,
      cron: '0 9 * * 1-5',
      timezone: 'UTC',
      createdBy: ADMIN,
      now: t.clock.now(),
    });
    const [schedule] = await db().db.select().from(schedules);
    // The member replays controls only an admin's Home has.
    await openHome(MEMBER);
    await t.driver.blockAction({
      userId: MEMBER,
      actionId: 'home_schedule_remove:7',
      value: String(schedule?.id),
      view: home(MEMBER),
    });
    await t.bot.whenIdle();
    expect(await db().db.select().from(schedules)).toHaveLength(1);
    expect(text(home(MEMBER))).toContain('Only admins can do that. Nothing was changed.');

    // Every admin form a member's forged click could open: each is refused, and none opens.
    const opens = t.emulator.callsTo('views.open').length;
    let refusals = publishes(MEMBER);
    for (const [actionId, value] of [
      ['home_settings', 'settings'],
      ['home_line_add', 'add'],
      ['home_line:0', 'edit:1'],
      ['home_schedule_add', 'add'],
      ['home_role_grant', 'grant'],
    ] as const) {
      await t.driver.blockAction({ userId: MEMBER, actionId, value, view: home(MEMBER) });
      await t.bot.whenIdle();
      expect(t.emulator.callsTo('views.open'), actionId).toHaveLength(opens);
      // The Home is published again for each click, with the refusal on top.
      expect(publishes(MEMBER), actionId).toBe(++refusals);
      expect(text(home(MEMBER)), actionId).toContain('Only admins can do that. Nothing was changed.');
    }

    // A forged submission of the settings form, as if the modal had been opened.
    await t.driver.viewSubmission({
      userId: MEMBER,
      callbackId: VIEWS.homeSettings,
      privateMetadata: JSON.stringify({ home: true }),
      values: settingsValues({ locale: 'fr', zone: 'Europe/Paris', threshold: '3', delay: 'off' }),
    });
    await t.bot.whenIdle();
    const [workspace] = await db().db.select().from(workspaces);
    expect(workspace?.locale).toBe('en');
    expect(text(home(MEMBER))).toContain('Only admins can do that.');

    await t.driver.blockAction({ userId: MEMBER, actionId: 'home_line:0', value: 'remove:1', view: admin });
    await t.driver.blockAction({
      userId: MEMBER,
      actionId: 'home_role_revoke:0',
      value: MANAGER,
      view: admin,
    });
    await t.bot.whenIdle();
    expect(await db().db.select().from(mantras)).toHaveLength(1);
    expect(await db().db.select().from(roles)).toHaveLength(1);
  });

  it('changes every workspace setting with the settings form, with field errors that keep the rest', async ({
    t,
  }) => {
    await openHome(ADMIN);
    const calls = await click(ADMIN, 'home_settings');
    const form = calls.find((c) => c.method === 'views.open')?.args.view;
    expect(form.callback_id).toBe(VIEWS.homeSettings);
    expect(validateView(form)).toEqual([]);

    const refused = await t.driver.viewSubmission({
      userId: ADMIN,
      callbackId: VIEWS.homeSettings,
      values: settingsValues({ locale: 'fr', zone: 'Europe/Paris', threshold: '2', delay: '5' }),
    });
    expect(refused.json()).toEqual({
      response_action: 'errors',
      errors: { [BLOCKS.homeSettingThreshold]: expect.stringContaining('At least 3') },
    });
    await t.driver.viewSubmission({
      userId: ADMIN,
      callbackId: VIEWS.homeSettings,
      values: settingsValues({
        locale: 'fr',
        zone: 'Europe/Paris',
        recognition: KUDOS,
        threshold: '4',
        delay: '5',
      }),
    });
    await t.bot.whenIdle();
    const workspace = await t.bot.deps.workspaces.get(TEST_TEAM);
    expect(workspace).toMatchObject({
      locale: 'fr',
      timezone: 'Europe/Paris',
      settings: {
        recognitionChannelId: KUDOS,
        anonymityThreshold: 4,
        weights: { small: 1, big: 3 },
        followUpDelayDays: 5,
      },
    });
    expect(text(home(ADMIN))).toContain('Saved.');
    // Each setting that changed is in the audit log, with who changed it.
    const audited = await db().db.select().from(auditLog);
    expect(
      audited
        .filter((a) => a.action === 'setting_changed')
        .map((a) => a.target)
        .sort(),
    ).toEqual(
      ['anonymityThreshold', 'followUpDelayDays', 'language', 'recognitionChannelId', 'timezone'].sort(),
    );
    expect(audited.every((a) => a.actorId === ADMIN)).toBe(true);
  });

  it('adds a schedule with a preset or a custom cron, explains a wrong one, and removes it', async ({
    t,
  }) => {
    await openHome(ADMIN);
    const calls = await click(ADMIN, 'home_schedule_add');
    expect(calls.find((c) => c.method === 'views.open')?.args.view.callback_id).toBe(VIEWS.homeSchedule);
    const wrong = await t.driver.viewSubmission({
      userId: ADMIN,
      callbackId: VIEWS.homeSchedule,
      values: scheduleValues({ kind: 'digest', channel: SUPPORT, preset: 'custom', cron: '0 25 * * 1' }),
    });
    expect(wrong.json().errors[BLOCKS.homeScheduleCron]).toContain('hour');
    await t.driver.viewSubmission({
      userId: ADMIN,
      callbackId: VIEWS.homeSchedule,
      values: scheduleValues({ kind: 'mantra', channel: SUPPORT, preset: 'weekdays' }),
    });
    await t.bot.whenIdle();
    const [schedule] = await db().db.select().from(schedules);
    expect(schedule).toMatchObject({
      kind: 'mantra',
      channelId: SUPPORT,
      cron: '0 9 * * 1-5',
      createdBy: ADMIN,
    });
    expect(text(home(ADMIN))).toContain('weekdays at 09:00');
    await click(ADMIN, 'home_schedule_remove', String(schedule?.id));
    expect(await db().db.select().from(schedules)).toHaveLength(0);
  });

  it('adds, edits and removes vision lines, never the last one', async ({ t }) => {
    await openHome(ADMIN);
    await click(ADMIN, 'home_line_add');
    await t.driver.viewSubmission({
      userId: ADMIN,
      callbackId: VIEWS.homeLine,
      values: {
        [BLOCKS.homeLineText]: {
          [BLOCKS.homeLineText]: { type: 'plain_text_input', value: 'We are a service company.' },
        },
      },
    });
    await t.bot.whenIdle();
    const [line] = await db().db.select().from(mantras);
    expect(line).toMatchObject({ text: 'We are a service company.', isDefault: false });
    await click(ADMIN, 'home_line', `edit:${line?.id}`);
    await t.driver.viewSubmission({
      userId: ADMIN,
      callbackId: VIEWS.homeLine,
      values: {
        [BLOCKS.homeLineText]: {
          [BLOCKS.homeLineText]: { type: 'plain_text_input', value: 'Customer first, always.' },
        },
      },
    });
    await t.bot.whenIdle();
    expect((await db().db.select().from(mantras)).map((l) => l.text)).toEqual(['Customer first, always.']);
    await click(ADMIN, 'home_line', `remove:${line?.id}`);
    expect(await db().db.select().from(mantras)).toHaveLength(1);
    expect(text(home(ADMIN))).toContain('last vision line cannot be removed');
  });

  it('grants a role with a user picker and revokes it', async ({ t }) => {
    await openHome(ADMIN);
    await click(ADMIN, 'home_role_grant');
    const bot = await t.driver.viewSubmission({
      userId: ADMIN,
      callbackId: VIEWS.homeRole,
      values: roleValues('UNOBODY', 'manager'),
    });
    expect(bot.json().errors[BLOCKS.homeRoleUser]).toBeDefined();
    await t.driver.viewSubmission({
      userId: ADMIN,
      callbackId: VIEWS.homeRole,
      values: roleValues(SAM, 'admin'),
    });
    await t.bot.whenIdle();
    expect(await t.bot.deps.roles.roleOf(TEST_TEAM, SAM)).toBe('admin');
    await click(ADMIN, 'home_role_revoke', SAM);
    expect(await t.bot.deps.roles.roleOf(TEST_TEAM, SAM)).toBe('member');
  });

  describe('a busy workspace', () => {
    it('stays within 100 blocks with 200 moments and 40 schedules, in both languages, and pages', async ({
      t,
    }) => {
      await seedBusyWorkspace(t, db(), { admins: [ADMIN, FRENCH], channelId: SUPPORT });
      for (const userId of [ADMIN, FRENCH]) {
        const view = await openHome(userId);
        expect(validateView(view)).toEqual([]);
        expect(view.blocks.length).toBeLessThanOrEqual(100);
        expect((view.blocks as { type: string }[]).filter((b) => b.type === 'image')).toHaveLength(1);
      }
      expect(text(home(FRENCH))).toContain('Publications programmées* (40)');
      expect(text(home(FRENCH))).toContain('Standards de service* (12 sur 12)');
      expect(text(home(ADMIN))).toContain('#extra-6');
      expect(control(home(ADMIN), 'home_standard_restore', 'share').actionId).toBe('home_standard_restore');
      expect(text(home(ADMIN))).toContain('Moments you logged (100)');
      // The moments listed, by the values of their edit / delete menus.
      const listed = () =>
        elements(home(ADMIN))
          .filter((e) => String(e.action_id).startsWith('home_moment:'))
          .map((e) => (e.options as { value: string }[])[0]?.value);
      const first = listed();
      expect(first).toHaveLength(5);
      await click(ADMIN, 'home_page', 'moments:1');
      const second = listed();
      expect(second).toHaveLength(5);
      expect(second.filter((v) => first.includes(v))).toEqual([]);
      // Straight to a page past the end (a stale or forged value): the last page is shown.
      await t.driver.blockAction({
        userId: ADMIN,
        actionId: 'home_page:99',
        value: 'schedules:12',
        view: home(ADMIN),
      });
      await t.bot.whenIdle();
      expect(text(home(ADMIN))).toContain('(Europe/Paris)');
      expect(home(ADMIN).blocks.length).toBeLessThanOrEqual(100);
      expect(text(home(ADMIN))).toContain('Back to the newest');
      expect(listed()).toEqual(second); // the other lists keep their page
      await click(ADMIN, 'home_page', 'moments:0');
      expect(listed()).toEqual(first);
    });
  });
});

function settingsValues(v: {
  locale: string;
  zone: string;
  recognition?: string;
  threshold: string;
  delay: string;
}) {
  const select = (value: string) => ({ type: 'static_select', selected_option: { value } });
  const number = (value: string) => ({ type: 'number_input', value });
  return {
    [BLOCKS.homeSettingLocale]: { [BLOCKS.homeSettingLocale]: select(v.locale) },
    [BLOCKS.homeSettingZone]: { [BLOCKS.homeSettingZone]: select(v.zone) },
    [BLOCKS.homeSettingRecognition]: {
      [BLOCKS.homeSettingRecognition]: {
        type: 'conversations_select',
        selected_conversation: v.recognition ?? null,
      },
    },
    [BLOCKS.homeSettingThreshold]: { [BLOCKS.homeSettingThreshold]: number(v.threshold) },
    [BLOCKS.homeSettingWeightSmall]: { [BLOCKS.homeSettingWeightSmall]: number('1') },
    [BLOCKS.homeSettingWeightBig]: { [BLOCKS.homeSettingWeightBig]: number('3') },
    [BLOCKS.homeSettingDelay]: { [BLOCKS.homeSettingDelay]: select(v.delay) },
  };
}

function scheduleValues(v: { kind: string; channel: string; preset: string; cron?: string; zone?: string }) {
  const select = (value: string) => ({ type: 'static_select', selected_option: { value } });
  return {
    [BLOCKS.homeScheduleKind]: { [BLOCKS.homeScheduleKind]: select(v.kind) },
    [BLOCKS.homeScheduleChannel]: {
      [BLOCKS.homeScheduleChannel]: { type: 'conversations_select', selected_conversation: v.channel },
    },
    [BLOCKS.homeSchedulePreset]: { [BLOCKS.homeSchedulePreset]: select(v.preset) },
    [BLOCKS.homeScheduleCron]: {
      [BLOCKS.homeScheduleCron]: { type: 'plain_text_input', value: v.cron ?? null },
    },
    [BLOCKS.homeScheduleZone]: { [BLOCKS.homeScheduleZone]: select(v.zone ?? 'Europe/Paris') },
  };
}

function roleValues(userId: string, role: string) {
  return {
    [BLOCKS.homeRoleUser]: { [BLOCKS.homeRoleUser]: { type: 'users_select', selected_user: userId } },
    [BLOCKS.homeRoleRole]: {
      [BLOCKS.homeRoleRole]: { type: 'static_select', selected_option: { value: role } },
    },
  };
}

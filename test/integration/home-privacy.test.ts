import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditLog, deactivatedPeople, moments, roles, workspaces } from '../../src/db/schema.js';
import { validateView } from '../../src/sandbox/block-kit-rules.js';
import type { SlackArgs } from '../../src/sandbox/slack-emulator.js';
import { BLOCKS, VIEWS } from '../../src/slack/ids.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { exportedFiles } from '../support/exports.js';
import { control, elements, homeTab, seedBusyWorkspace, viewText } from '../support/home-tab.js';
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
  ZOE,
} from '../support/privacy-people.js';
import { pulseDriver } from '../support/pulse-helpers.js';
import { columnsContaining } from '../support/scan.js';
import { TEST_TEAM } from '../support/test-bot.js';

// Markers no other text has, so a scan can look for them in every column of every table.
const SAM_STORY = 'SAMSTORY-5e1d: walked the customer through the new invoice, line by line.';
const ANA_PRAISE = 'ANAPRAISE-8c4b: found the lost parcel before the customer called.';
const SAM_ANSWER = 'SAMANSWER-13f0 more time with customers';

describeEachDatabase('privacy on the App Home', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      addPrivacyPeople(t);
      t.emulator.addChannel({ id: SUPPORT, name: 'support', members: [ADMIN, SAM, ANA, BEN, CAL, ZOE] });
      t.emulator.addChannel({ id: KUDOS, name: 'kudos' });
    },
  });
  const h = homeTab(suiteBot);
  const p = pulseDriver(suiteBot, db, SUPPORT);

  const command = (command: string, text: string, userId: string) =>
    commandInSupport(suiteBot(), command, text, userId);

  /** Sam's life in the bot: a story he wrote, one naming him, a manager role, a named pulse answer. */
  async function seedSam() {
    const t = suiteBot();
    await t.bot.deps.workspaces.updateSettings(TEST_TEAM, { recognitionChannelId: KUDOS });
    await command('/culture', `role manager <@${SAM}>`, ADMIN);
    await command('/praise', `<@${ANA}> ${SAM_STORY}`, SAM);
    await command('/praise', `<@${SAM}> ${ANA_PRAISE}`, ANA);
    await p.command('start named', ADMIN);
    await p.answer(SAM, { score: 9, vision: SAM_ANSWER });
    await p.answer(ANA, { score: 7 });
    await p.command('close', ADMIN);
    await t.bot.whenIdle();
  }

  /** The modal the click opened (checked against Slack's Block Kit rules). */
  function opened(calls: { method: string; args: SlackArgs }[]): SlackArgs {
    const view = calls.find((c) => c.method === 'views.open')?.args.view as SlackArgs | undefined;
    if (!view) throw new Error(`no modal opened: ${calls.map((c) => c.method).join(', ')}`);
    expect(validateView(view)).toEqual([]);
    return view;
  }

  /** Submits a modal as Slack would, with the metadata the app gave it; resolves with the ack's body. */
  async function submit(
    userId: string,
    view: SlackArgs,
    values: Record<string, Record<string, unknown>> = {},
  ) {
    const t = suiteBot();
    const res = await t.driver.viewSubmission({
      userId,
      callbackId: String(view.callback_id),
      privateMetadata: String(view.private_metadata ?? ''),
      values,
    });
    expect(res.status).toBe(200);
    await t.bot.whenIdle();
    return (res.body ? res.json() : {}) as {
      response_action?: string;
      errors?: Record<string, string>;
      view?: SlackArgs;
    };
  }

  const deactivate = async (userId: string, deleted = true) => {
    const t = suiteBot();
    await t.driver.event({ type: 'user_change', user: { id: userId, deleted, team_id: TEST_TEAM } });
    await t.bot.whenIdle();
  };
  const storiesOf = async () =>
    (await db().db.select().from(moments).where(eq(moments.teamId, TEST_TEAM))).map((m) => m.story);
  const text = (userId: string) => viewText(h.home(userId));
  /** Whether the view offers the control (`verb`, with `value` if given). */
  const offers = (view: SlackArgs, verb: string, value?: string) => {
    try {
      return Boolean(control(view, verb, value));
    } catch {
      return false;
    }
  };
  const opens = () => suiteBot().emulator.callsTo('views.open').length;

  it('offers everyone their own data, and admins retention, erasure, deactivated people and the audit', async () => {
    await command('/culture', `role manager <@${BEN}>`, ADMIN);
    await command('/culture', 'retention grace 45', ADMIN);

    const member = await h.openHome(ANA);
    expect(viewText(member)).toContain('Your data');
    expect(offers(member, 'home_export_mine')).toBe(true);
    expect(offers(member, 'home_erase_mine')).toBe(true);
    for (const adminOnly of ['home_retention', 'home_erase_someone', 'home_erase_deactivated']) {
      expect(offers(member, adminOnly)).toBe(false);
    }
    expect(viewText(member)).not.toContain('Latest admin actions');

    await deactivate(CAL);
    const admin = await h.openHome(ADMIN);
    const shown = viewText(admin);
    expect(shown).toContain('Stories and pulses are kept *24 months*');
    expect(shown).toContain('deleted after *45 days*');
    expect(offers(admin, 'home_retention')).toBe(true);
    expect(offers(admin, 'home_erase_someone')).toBe(true);
    expect(offers(admin, 'home_erase_deactivated', CAL)).toBe(true);
    // The audit entries, newest first: who, what, on whom.
    expect(shown).toContain('Latest admin actions');
    expect(shown).toMatch(
      new RegExp(
        `<@${ADMIN}> changed a setting · \`uninstallGraceDays\` \`to=45, from=30\`.*<@${ADMIN}> changed a role · <@${BEN}>`,
      ),
    );

    // The same in French, for a French-speaking admin.
    await db().db.insert(roles).values({ teamId: TEST_TEAM, userId: ZOE, role: 'admin', grantedBy: ADMIN });
    const french = await h.openHome(ZOE);
    expect(validateView(french)).toEqual([]);
    expect(viewText(french)).toContain('Vos données');
    expect(viewText(french)).toContain('Confidentialité');
    expect(viewText(french)).toContain('a changé un rôle');
  });

  it('sends a person their own data from the Home, as CSV files in a DM, and says so', async ({ t }) => {
    await seedSam();
    await h.openHome(SAM);
    const calls = await h.click(SAM, 'home_export_mine');
    expect(calls.map((c) => c.method)).toContain('files.completeUploadExternal');
    const { files, comment } = exportedFiles(t, SAM);
    expect([...files.keys()].sort()).toEqual([
      'moments-about-me.csv',
      'my-moments.csv',
      'my-profile.csv',
      'my-pulses.csv',
    ]);
    expect(comment).toContain('Your data on <!date^');
    expect(files.get('my-moments.csv')).toContain(SAM_STORY);
    expect(files.get('my-moments.csv')).not.toContain(ANA_PRAISE);
    expect(files.get('moments-about-me.csv')).toContain(`,praise,colleague,${ANA_PRAISE}`);
    const pulses = (files.get('my-pulses.csv') ?? '').split('\r\n').filter(Boolean);
    expect(pulses).toHaveLength(2);
    expect(pulses[1]).toContain(`,false,9,${SAM_ANSWER},`);
    expect(files.get('my-profile.csv')).toContain(`user,${SAM}\r\nrole,manager`);
    expect(text(SAM)).toContain('I sent you your data as CSV files, in a direct message.');
    const [entry] = await t.bot.deps.audit.latest(TEST_TEAM, 1);
    expect(entry).toMatchObject({ actorId: SAM, action: 'person_exported', target: SAM });
  });

  it('erases a person’s own data from the Home once confirmed; a scan then finds nothing of them', async ({
    t,
  }) => {
    await seedSam();
    await h.openHome(SAM);
    const modal = opened(await h.click(SAM, 'home_erase_mine'));
    expect(modal.callback_id).toBe(VIEWS.homeErase);
    expect(viewText(modal)).toContain('the moments you wrote');
    // The button only opened the confirmation: everything is still there.
    expect(await columnsContaining(db(), SAM)).toEqual(
      expect.arrayContaining(['moments.author_id', 'moment_colleagues.user_id', 'roles.user_id']),
    );
    expect(await columnsContaining(db(), SAM_STORY)).toEqual(['moments.story']);
    const samPost = t.emulator.messages.find(
      (m) => m.channel === KUDOS && JSON.stringify(m).includes('SAMSTORY'),
    );
    expect(samPost).toBeDefined();

    const ack = await submit(SAM, modal);
    expect(ack.response_action).toBeUndefined();
    expect(await columnsContaining(db(), SAM)).toEqual([]);
    expect(await columnsContaining(db(), SAM_STORY)).toEqual([]);
    expect(await columnsContaining(db(), SAM_ANSWER)).toEqual([]);
    expect(await storiesOf()).toEqual([ANA_PRAISE]);
    expect(t.emulator.messages.find((m) => m.ts === samPost?.ts)).toBeUndefined();
    expect(text(SAM)).toContain(
      'Your data is erased: 1 story deleted, your name taken off 1 story, 1 pulse participation and 1 named answer removed.',
    );
    expect(text(SAM)).toContain('Moments you logged (0)');
  });

  it('erases a deactivated person once an admin confirms, and says so when that was done meanwhile', async ({
    t,
  }) => {
    await seedSam();
    await deactivate(SAM);
    await deactivate(BEN);
    await deactivate(CAL);
    const stale = await h.openHome(ADMIN);
    expect(viewText(stale)).toContain('Slack reports these people deactivated');
    // Slack's report alone erased nothing.
    expect(await storiesOf()).toHaveLength(2);

    const modal = opened(await h.click(ADMIN, 'home_erase_deactivated', SAM));
    expect(modal.callback_id).toBe(VIEWS.homeErase);
    expect(viewText(modal)).toContain(`the moments <@${SAM}> wrote`);
    expect(await storiesOf()).toHaveLength(2);
    await submit(ADMIN, modal);
    expect(await columnsContaining(db(), SAM)).toEqual([]);
    expect(await columnsContaining(db(), SAM_STORY)).toEqual([]);
    expect(text(ADMIN)).toContain(`The data of <@${SAM}> is erased: 1 story deleted`);
    expect(offers(h.home(ADMIN), 'home_erase_deactivated', SAM)).toBe(false);
    const [entry] = await db().db.select().from(auditLog).where(eq(auditLog.action, 'person_erased'));
    expect(entry).toMatchObject({ actorId: ADMIN, details: expect.objectContaining({ by: 'admin' }) });

    // Ben was erased by another way since the stale Home was published: the click says so, opens nothing.
    await command('/culture', `forget <@${BEN}>`, ADMIN);
    const before = opens();
    await h.click(ADMIN, 'home_erase_deactivated', BEN, stale);
    expect(opens()).toBe(before);
    expect(text(ADMIN)).toContain('deleted or changed meanwhile');

    // Cal is back in Slack while his confirmation was open: nothing is erased.
    const calModal = opened(await h.click(ADMIN, 'home_erase_deactivated', CAL));
    await db().db.insert(roles).values({ teamId: TEST_TEAM, userId: CAL, role: 'manager', grantedBy: ADMIN });
    await deactivate(CAL, false);
    await submit(ADMIN, calModal);
    expect(await t.bot.deps.roles.roleOf(TEST_TEAM, CAL)).toBe('manager');
    expect(text(ADMIN)).toContain('deleted or changed meanwhile');
    expect(await db().db.select().from(deactivatedPeople)).toEqual([]);
  });

  it('lets an admin erase anyone: a person picker, then the confirmation', async () => {
    await seedSam();
    await h.openHome(ADMIN);
    const picker = opened(await h.click(ADMIN, 'home_erase_someone'));
    expect(picker.callback_id).toBe(VIEWS.homeErasePick);
    const empty = await submit(ADMIN, picker, pick(null));
    expect(empty).toEqual({
      response_action: 'errors',
      errors: { [BLOCKS.privacyErasePerson]: 'Pick the person whose data to erase.' },
    });
    const next = await submit(ADMIN, picker, pick(SAM));
    expect(next.response_action).toBe('update');
    const confirmation = next.view as SlackArgs;
    expect(validateView(confirmation)).toEqual([]);
    expect(confirmation.callback_id).toBe(VIEWS.homeErase);
    expect(viewText(confirmation)).toContain(`the moments <@${SAM}> wrote`);
    // Still nothing erased: only the confirmation does it.
    expect(await columnsContaining(db(), SAM_STORY)).toEqual(['moments.story']);
    await submit(ADMIN, confirmation);
    expect(await columnsContaining(db(), SAM)).toEqual([]);
    expect(text(ADMIN)).toContain(`The data of <@${SAM}> is erased`);
  });

  it('changes retention and grace days from the Home, with field errors that keep what was typed', async ({
    t,
  }) => {
    await h.openHome(ADMIN);
    const modal = opened(await h.click(ADMIN, 'home_retention'));
    expect(modal.callback_id).toBe(VIEWS.homeRetention);
    expect(viewText(modal)).toContain('"initial_value":"24"');
    expect(viewText(modal)).toContain('"initial_value":"30"');
    const wrong = await submit(ADMIN, modal, retention('0', '2 weeks'));
    expect(wrong).toEqual({
      response_action: 'errors',
      errors: {
        [BLOCKS.privacyRetentionMonths]: 'Type a whole number from 1 to 120.',
        [BLOCKS.privacyGraceDays]: 'Type a whole number from 1 to 365.',
      },
    });
    const half = await submit(ADMIN, modal, retention('12', '400'));
    expect(half.errors).toEqual({ [BLOCKS.privacyGraceDays]: 'Type a whole number from 1 to 365.' });
    expect((await t.bot.deps.workspaces.get(TEST_TEAM)).settings.retentionMonths).toBe(24);

    const saved = await submit(ADMIN, modal, retention('12', '60'));
    expect(saved.response_action).toBeUndefined();
    const { settings } = await t.bot.deps.workspaces.get(TEST_TEAM);
    expect(settings).toMatchObject({ retentionMonths: 12, uninstallGraceDays: 60 });
    expect(text(ADMIN)).toContain('Stories and pulses are now kept 12 months');
    expect(text(ADMIN)).toContain('Stories and pulses are kept *12 months*');
    const trail = await t.bot.deps.audit.latest(TEST_TEAM, 5);
    expect(trail.map((e) => [e.actorId, e.target, e.details])).toEqual([
      [ADMIN, 'uninstallGraceDays', { from: 30, to: 60 }],
      [ADMIN, 'retentionMonths', { from: 24, to: 12 }],
    ]);
    // The audit entries are on the Home too.
    expect(text(ADMIN)).toContain('`uninstallGraceDays` `to=60, from=30`');

    // The modal in French passes Slack's rules too.
    await db().db.insert(roles).values({ teamId: TEST_TEAM, userId: ZOE, role: 'admin', grantedBy: ADMIN });
    await h.openHome(ZOE);
    for (const verb of ['home_retention', 'home_erase_someone', 'home_erase_mine']) {
      const french = opened(await h.click(ZOE, verb));
      expect(viewText(french)).toMatch(/[àéèêô]/);
    }
  });

  it('refuses forged member payloads: no admin erasure, no retention change, and a clear refusal', async ({
    t,
  }) => {
    await seedSam();
    await deactivate(SAM);
    const admin = await h.openHome(ADMIN);
    await h.openHome(BEN);
    const refusal = 'Only admins can do that. Nothing was changed.';
    const before = opens();

    // Buttons only an admin's Home has, replayed by a member.
    for (const [actionId, value] of [
      ['home_retention', 'retention'],
      ['home_erase_someone', 'erase'],
      ['home_erase_deactivated:0', SAM],
    ] as const) {
      await t.driver.blockAction({ userId: BEN, actionId, value, view: h.home(BEN) });
      await t.bot.whenIdle();
      expect(text(BEN)).toContain(refusal);
    }
    const deactivatedButton = control(admin, 'home_erase_deactivated', SAM);
    await t.driver.blockAction({
      userId: BEN,
      actionId: deactivatedButton.actionId,
      value: SAM,
      view: admin,
    });
    await t.bot.whenIdle();
    expect(opens()).toBe(before);

    // Forged submissions, as if the modals had opened.
    const pickAck = await t.driver.viewSubmission({
      userId: BEN,
      callbackId: VIEWS.homeErasePick,
      privateMetadata: JSON.stringify({ home: true }),
      values: pick(SAM),
    });
    expect(pickAck.body ? pickAck.json().response_action : undefined).toBeUndefined();
    await t.driver.viewSubmission({
      userId: BEN,
      callbackId: VIEWS.homeErase,
      privateMetadata: JSON.stringify({ home: true, erase: SAM, deactivated: true }),
      values: {},
    });
    await t.driver.viewSubmission({
      userId: BEN,
      callbackId: VIEWS.homeRetention,
      privateMetadata: JSON.stringify({ home: true }),
      values: retention('1', '1'),
    });
    await t.bot.whenIdle();
    expect(text(BEN)).toContain(refusal);
    expect(await columnsContaining(db(), SAM_STORY)).toEqual(['moments.story']);
    expect(await t.bot.deps.roles.roleOf(TEST_TEAM, SAM)).toBe('manager');
    const [workspace] = await db().db.select().from(workspaces).where(eq(workspaces.teamId, TEST_TEAM));
    expect(workspace?.settings).not.toMatchObject({ retentionMonths: 1 });
    expect((await t.bot.deps.workspaces.get(TEST_TEAM)).settings).toMatchObject({
      retentionMonths: 24,
      uninstallGraceDays: 30,
    });
    expect((await t.bot.deps.audit.latest(TEST_TEAM, 50)).filter((e) => e.actorId === BEN)).toEqual([]);
    expect(await db().db.select().from(deactivatedPeople)).toHaveLength(1);
  });

  it('stays within 100 blocks for a busy admin, in both languages', async ({ t }) => {
    await seedBusyWorkspace(t, db(), { admins: [ADMIN, ZOE], channelId: SUPPORT });
    for (let i = 0; i < 12; i++) {
      t.emulator.addUser({ id: `U0GRANT${i}`, name: `grant${i}`, locale: 'en-US' });
      await command('/culture', `role manager <@U0GRANT${i}>`, ADMIN);
      await deactivate(`U0GONE${i}`);
    }
    await p.command('start', ADMIN);
    for (const userId of [ADMIN, ZOE]) {
      const view = await h.openHome(userId);
      expect(validateView(view)).toEqual([]);
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      // Five deactivated people offered, the rest counted; five audit lines.
      expect(
        elements(view).filter((e) => String(e.action_id).startsWith('home_erase_deactivated:')),
      ).toHaveLength(5);
      expect(viewText(view)).toMatch(/(and|et) 7 (more|de plus)/);
    }
  });
});

function pick(userId: string | null) {
  return {
    [BLOCKS.privacyErasePerson]: {
      [BLOCKS.privacyErasePerson]: { type: 'users_select', selected_user: userId },
    },
  };
}

function retention(months: string, days: string) {
  const text = (value: string) => ({ type: 'plain_text_input', value });
  return {
    [BLOCKS.privacyRetentionMonths]: { [BLOCKS.privacyRetentionMonths]: text(months) },
    [BLOCKS.privacyGraceDays]: { [BLOCKS.privacyGraceDays]: text(days) },
  };
}

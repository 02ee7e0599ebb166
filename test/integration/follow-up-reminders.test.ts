import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { followUpReminders, moments } from '../../src/db/schema.js';
import { messages } from '../../src/i18n/index.js';
import { createFollowUpRemindersJob } from '../../src/jobs/follow-up-reminders.js';
import { dmChannelId } from '../../src/sandbox/slack-emulator.js';
import { buildDigest } from '../../src/slack/blocks/digest.js';
import { ACTIONS, VIEWS } from '../../src/slack/ids.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase, wipe } from '../support/databases.js';
import { lessonModalValues } from '../support/moment-values.js';
import { TEST_TEAM } from '../support/test-bot.js';

const AUTHOR = 'UAUTHOR';
const OWNER = 'UOWNER'; // in Paris, speaks French
const NIGHT_OWL = 'UNIGHT'; // in Los Angeles
// Monday 23 Nov 2026, 10:00 in Paris.
const LOGGED = new Date('2026-11-23T09:00:00Z');
// Three working days later, Thursday 26 Nov, 10:00 in Paris.
const DUE = new Date('2026-11-26T09:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describeEachDatabase('follow-up reminders', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: AUTHOR, name: 'ana', locale: 'en-US', tz: 'Europe/Paris' });
      t.emulator.addUser({ id: OWNER, name: 'odile', locale: 'fr-FR', tz: 'Europe/Paris' });
      t.emulator.addUser({ id: NIGHT_OWL, name: 'nick', locale: 'en-US', tz: 'America/Los_Angeles' });
    },
  });
  it.beforeEach(async ({ t }) => {
    await t.bot.deps.workspaces.setTimezone(TEST_TEAM, 'Europe/Paris');
  });
  const replicaA = createFollowUpRemindersJob({ replicaId: 'replica-a' });
  const replicaB = createFollowUpRemindersJob({ replicaId: 'replica-b' });
  const at = (instant: Date | number) => {
    const date = new Date(instant);
    suiteBot().clock.set(date);
    return date;
  };
  const run = (instant: Date | number) => replicaA.run(suiteBot().bot.deps, at(instant));
  const dmsTo = (user: string) =>
    suiteBot()
      .emulator.callsTo('chat.postMessage')
      .filter((c) => c.args.channel === user);

  async function complaint(owner: string, loggedAt = LOGGED) {
    const logged = await suiteBot().bot.deps.moments.log(
      TEST_TEAM,
      AUTHOR,
      {
        kind: 'complaint',
        colleagueIds: [],
        customerType: 'external',
        touchpoint: 'email',
        impact: 'small',
        story: 'A customer asked three times where the parcel was.',
        followUpUserId: owner,
      },
      { source: 'command' },
      at(loggedAt),
    );
    if (!logged.ok) throw new Error('not logged');
    return logged.value.moment;
  }

  it('reminds the owner once after the delay, in their language, and a second time a week later, never more', async ({
    t,
  }) => {
    const moment = await complaint(OWNER);
    expect(await run(DUE.getTime() - 60_000)).toEqual({ sent: 0, failed: 0 });
    expect(await run(DUE)).toEqual({ sent: 1, failed: 0 });
    expect(await run(DUE.getTime() + 60_000)).toEqual({ sent: 0, failed: 0 });
    const [first] = dmsTo(OWNER);
    expect(first?.args.text).toContain('Un client attend des nouvelles');
    const buttons = first?.args.blocks.find((b: { type: string }) => b.type === 'actions').elements;
    expect(buttons.map((b: { action_id: string; value: string }) => [b.action_id, b.value])).toEqual([
      [ACTIONS.momentAddLesson, moment.id],
      [ACTIONS.momentResolve, moment.id],
    ]);

    expect(await run(DUE.getTime() + 7 * DAY - 60_000)).toEqual({ sent: 0, failed: 0 });
    expect(await run(DUE.getTime() + 7 * DAY)).toEqual({ sent: 1, failed: 0 });
    expect(dmsTo(OWNER)[1]?.args.text).toContain('Une semaine plus tard');
    for (const later of [8, 14, 21, 30])
      expect(await run(DUE.getTime() + later * DAY)).toEqual({ sent: 0, failed: 0 });
    expect(dmsTo(OWNER)).toHaveLength(2);
    // Nobody else ever hears of it.
    expect(t.emulator.callsTo('chat.postMessage').filter((c) => c.args.channel !== OWNER)).toEqual([]);
  });

  it('sends nothing once the lesson is added and the complaint resolved from the reminder', async ({ t }) => {
    const moment = await complaint(OWNER);
    await run(DUE);
    await t.driver.blockAction({
      userId: OWNER,
      actionId: ACTIONS.momentAddLesson,
      value: moment.id,
      // The reminder is a DM: Slack sends its D… channel id, never the person's U… id.
      channelId: dmChannelId(OWNER),
    });
    await t.bot.whenIdle();
    expect(t.emulator.callsTo('views.open').at(-1)?.args.view.callback_id).toBe(VIEWS.momentLesson);
    await t.driver.viewSubmission({
      userId: OWNER,
      callbackId: VIEWS.momentLesson,
      values: lessonModalValues('Tell the customer the tracking link on the first answer.', true),
    });
    await t.bot.whenIdle();
    const [row] = await db().db.select().from(moments).where(eq(moments.id, moment.id));
    expect(row?.followedUpAt).not.toBeNull();
    // The owner got the reminder and then the lesson's confirmation; no second reminder follows.
    const before = dmsTo(OWNER).length;
    expect(await run(DUE.getTime() + 7 * DAY)).toEqual({ sent: 0, failed: 0 });
    expect(dmsTo(OWNER)).toHaveLength(before);

    // The digest of that week counts it, within the delay.
    const workspace = await t.bot.deps.workspaces.get(TEST_TEAM);
    const week = t.bot.deps.digests.currentWeek(DUE, workspace.timezone);
    const digest = await t.bot.deps.digests.build(
      TEST_TEAM,
      week,
      { kind: 'workspace' },
      workspace,
      undefined,
    );
    expect(digest.followUps).toEqual({ count: 1, withinDelay: 1, delayDays: 3 });
    const posted = buildDigest(messages('en'), 'en', digest);
    expect(JSON.stringify(posted.blocks)).toContain(
      '1 complaint learned from and resolved this week, 1 within 3 working days',
    );
  });

  it('waits for daytime on a working day in the owner’s own zone', async ({ t }) => {
    await complaint(NIGHT_OWL);
    // Thursday 10:00 in Paris is 01:00 in Los Angeles.
    expect(await run(DUE)).toEqual({ sent: 0, failed: 0 });
    expect(await run(DUE.getTime() + 7 * HOUR)).toEqual({ sent: 0, failed: 0 }); // 08:00 there
    expect(await run(DUE.getTime() + 8 * HOUR)).toEqual({ sent: 1, failed: 0 }); // 09:00 there
    expect(dmsTo(NIGHT_OWL)[0]?.args.text).toContain('A customer is waiting to hear back');

    // Due on a Saturday: nothing before Monday morning.
    await wipe(db());
    t.emulator.reset();
    await t.bot.deps.workspaces.setTimezone(TEST_TEAM, 'Europe/Paris');
    await complaint(OWNER, new Date('2026-11-26T09:00:00Z')); // Thursday; due Monday with 2 days
    await t.bot.deps.workspaces.updateSettings(TEST_TEAM, { followUpDelayDays: 1 }); // due Friday 10:00
    expect(await run(new Date('2026-11-27T08:59:00Z'))).toEqual({ sent: 0, failed: 0 });
    await t.bot.deps.workspaces.updateSettings(TEST_TEAM, { followUpDelayDays: 2 }); // due Monday 10:00
    expect(await run(new Date('2026-11-28T11:00:00Z'))).toEqual({ sent: 0, failed: 0 }); // Saturday noon
    expect(await run(new Date('2026-11-29T11:00:00Z'))).toEqual({ sent: 0, failed: 0 }); // Sunday noon
    expect(await run(new Date('2026-11-30T09:00:00Z'))).toEqual({ sent: 1, failed: 0 }); // Monday 10:00
  });

  it('sends each reminder once with two replicas running at the same time', async ({ t }) => {
    for (let i = 0; i < 5; i++) await complaint(OWNER);
    const now = at(DUE);
    const [a, b] = await Promise.all([replicaA.run(t.bot.deps, now), replicaB.run(t.bot.deps, now)]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(5);
    expect(dmsTo(OWNER)).toHaveLength(5);
    const later = at(DUE.getTime() + 7 * DAY);
    const [c, d] = await Promise.all([replicaA.run(t.bot.deps, later), replicaB.run(t.bot.deps, later)]);
    expect((c?.sent ?? 0) + (d?.sent ?? 0)).toBe(5);
    expect(dmsTo(OWNER)).toHaveLength(10);
    expect(await db().db.select().from(followUpReminders)).toHaveLength(10);
  });

  it('sends nothing when reminders are off, and retries a DM that failed', async ({ t }) => {
    await complaint(OWNER);
    await t.bot.deps.workspaces.updateSettings(TEST_TEAM, { followUpDelayDays: null });
    expect(await run(DUE.getTime() + DAY)).toEqual({ sent: 0, failed: 0 });
    await t.bot.deps.workspaces.updateSettings(TEST_TEAM, { followUpDelayDays: 3 });
    t.emulator.failNext('chat.postMessage', { error: 'channel_not_found' });
    expect(await run(DUE)).toEqual({ sent: 0, failed: 1 });
    expect(await run(DUE.getTime() + 60_000)).toEqual({ sent: 1, failed: 0 });
    expect(dmsTo(OWNER).filter((c) => c.ok)).toHaveLength(1);
  });
});

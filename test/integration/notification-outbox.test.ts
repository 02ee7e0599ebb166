import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { moments, notificationOutbox } from '../../src/db/schema.js';
import { notificationOutboxJob } from '../../src/jobs/notification-outbox.js';
import { createMomentPublisher } from '../../src/slack/posts/moment.js';
import type { OutboxPass } from '../../src/slack/posts/outbox.js';
import { replicasTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { TEST_TEAM, type TestBot } from '../support/test-bot.js';

const AUTHOR = 'UAUTHOR';
const SAM = 'USAM';
const ZOE = 'UZOE';
const KUDOS = 'CKUDOS';
const STORY = 'rebuilt a customer’s order after the courier lost it, and drove it over';
const MINUTE = 60_000;
const SLACK_DOWN = { error: 'internal_error' } as const;

/**
 * A moment's notifications (each colleague's DM, the recognition post) are kept in the outbox
 * until Slack takes them: retried with back-off by any replica, delivered once, dropped after a day.
 */
describeEachDatabase('the notification outbox', (db, target) => {
  // Two replicas on one database, each with its own Slack stand-in (as after a restart).
  const { it } = replicasTest(db, target, {
    setUp(bot) {
      bot.emulator.addUser({ id: AUTHOR, name: 'ana', locale: 'en-US' });
      bot.emulator.addUser({ id: SAM, name: 'sam', locale: 'en-US' });
      bot.emulator.addUser({ id: ZOE, name: 'zoe', locale: 'fr-FR' });
      bot.emulator.addChannel({ id: KUDOS, name: 'kudos' });
    },
  });
  let loggedAt = 0;

  /** One pass of the outbox job on a replica, at `ms` after the moment was logged. */
  function pass(bot: TestBot, ms: number) {
    const at = new Date(loggedAt + ms);
    bot.clock.set(at);
    return notificationOutboxJob.run(bot.bot.deps, at);
  }

  /** `/praise` on replica `t`, with the workspace's recognition channel set. */
  async function logPraise(t: TestBot) {
    await t.bot.deps.workspaces.updateSettings(TEST_TEAM, { recognitionChannelId: KUDOS });
    loggedAt = t.clock.now().getTime();
    const res = await t.driver.command({
      command: '/praise',
      text: `<@${SAM}> <@${ZOE}> ${STORY}`,
      userId: AUTHOR,
    });
    expect(res.status).toBe(200);
    // The author's confirmation does not wait for Slack to take the notifications.
    expect((await t.emulator.waitForResponse()).body.text).toContain(`<@${SAM}> and <@${ZOE}>`);
    await t.bot.whenIdle();
  }

  const delivered = (bot: TestBot) =>
    bot.emulator.calls
      .filter((c) => c.method === 'chat.postMessage' && c.ok)
      .map((c) => String(c.args.channel));
  const pending = () => db().db.select().from(notificationOutbox);

  it('Slack down for a few minutes: the DMs and the recognition post wait, are retried, and arrive once', async ({
    a: t,
    b: replica,
  }) => {
    t.emulator.failNext('chat.postMessage', SLACK_DOWN, 3);
    await logPraise(t);
    expect(delivered(t)).toEqual([]);
    expect(await pending()).toHaveLength(3);

    // Still down at the first retry; nothing is due again until its back-off has passed.
    t.emulator.failNext('chat.postMessage', SLACK_DOWN, 3);
    expect(await pass(t, MINUTE)).toEqual({ delivered: 0, retrying: 3, dropped: 0 });
    expect(await pass(t, MINUTE + 10_000)).toEqual({ delivered: 0, retrying: 0, dropped: 0 });

    // Slack is back. Both replicas run the job at the same minute: each notification goes out once.
    const passes = (await Promise.all([t, replica].map((bot) => pass(bot, 10 * MINUTE)))) as OutboxPass[];
    expect(passes.reduce((sum, p) => sum + p.delivered, 0)).toBe(3);
    expect(await Promise.all([t, replica].map((bot) => pass(bot, 20 * MINUTE)))).toEqual([
      { delivered: 0, retrying: 0, dropped: 0 },
      { delivered: 0, retrying: 0, dropped: 0 },
    ]);
    const everywhere = [...delivered(t), ...delivered(replica)].sort();
    expect(everywhere).toEqual([KUDOS, SAM, ZOE].sort());
    expect(await pending()).toEqual([]);

    // The recognition post is recorded on the moment, wherever it was delivered from.
    const post = [t, replica]
      .flatMap((bot) => bot.emulator.messages)
      .find((m) => m.channel === KUDOS && JSON.stringify(m.blocks).includes('drove it over'));
    const [moment] = await db().db.select().from(moments);
    expect(moment).toMatchObject({ recognitionChannelId: KUDOS, recognitionTs: post?.ts });
  });

  it('a notification Slack has not taken in a day is dropped, with a log line naming it', async ({
    a: t,
  }) => {
    t.emulator.failNext('chat.postMessage', SLACK_DOWN, 100);
    await logPraise(t);
    expect(await pass(t, 2 * MINUTE)).toMatchObject({ delivered: 0, retrying: 3 });
    const before = t.logs.length;
    expect(await pass(t, 24 * 60 * MINUTE + MINUTE)).toEqual({ delivered: 0, retrying: 0, dropped: 3 });
    const dropped = t.logs
      .slice(before)
      .filter((l) => l.msg === 'notification dropped: not delivered in a day');
    expect(dropped.map((l) => l.kind).sort()).toEqual(['moment_dm', 'moment_dm', 'recognition_post']);
    expect(JSON.stringify(t.logs)).not.toContain('drove it over');
    expect(await pending()).toEqual([]);
  });

  it('a moment deleted before its notifications went out takes them with it', async ({ a: t }) => {
    t.emulator.failNext('chat.postMessage', SLACK_DOWN, 3);
    await logPraise(t);
    const [moment] = await db().db.select().from(moments);
    await db()
      .db.delete(moments)
      .where(eq(moments.id, moment?.id as string));
    expect(await pending()).toEqual([]);
    expect(await pass(t, 10 * MINUTE)).toEqual({ delivered: 0, retrying: 0, dropped: 0 });
    expect(delivered(t)).toEqual([]);
  });

  it('a replica that stops right after storing a moment: its notifications were stored with it, and another replica sends them once the hold runs out', async ({
    a: t,
    b: replica,
  }) => {
    await t.bot.deps.workspaces.updateSettings(TEST_TEAM, { recognitionChannelId: KUDOS });
    loggedAt = t.clock.now().getTime();
    const log = () =>
      t.bot.deps.moments.log(
        TEST_TEAM,
        AUTHOR,
        {
          kind: 'praise',
          colleagueIds: [SAM, ZOE],
          customerType: 'external',
          touchpoint: 'phone',
          impact: 'small',
          story: STORY,
        },
        { source: 'command', dedupeKey: 'command:stopped-replica' },
        t.clock.now(),
        createMomentPublisher(t.bot.deps).noticesFor,
      );
    // Stored, then the process stops before delivering anything.
    const logged = await log();
    if (!logged.ok) throw new Error('the praise was refused');
    const { moment, notices } = logged.value;
    expect(notices.map((n) => n.kind).sort()).toEqual(['moment_dm', 'moment_dm', 'recognition_post']);
    const stored = await pending();
    expect(stored.map((n) => n.id).sort()).toEqual(notices.map((n) => n.id).sort());
    expect(stored.every((n) => n.momentId === moment.id)).toBe(true);

    // The same request again stores nothing new, and has nothing to deliver.
    const again = await log();
    expect(again.ok && again.value).toMatchObject({ created: false, notices: [] });
    expect(await pending()).toHaveLength(3);

    // Held by the replica that wrote them for two minutes; then any replica sends them, once.
    expect(await pass(replica, MINUTE)).toEqual({ delivered: 0, retrying: 0, dropped: 0 });
    expect(await pass(replica, 3 * MINUTE)).toEqual({ delivered: 3, retrying: 0, dropped: 0 });
    expect(delivered(replica).sort()).toEqual([KUDOS, SAM, ZOE].sort());
    expect(delivered(t)).toEqual([]);
    expect(await pending()).toEqual([]);
  });
});

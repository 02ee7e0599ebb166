import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { scheduleRuns, schedules } from '../../src/db/schema.js';
import { replicasTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { channelPosts, command } from '../support/scheduling.js';
import { TEST_TEAM } from '../support/test-bot.js';

const ADMIN = 'UADMIN1';

/**
 * The real clock: two replicas running node-cron with the Postgres coordinator. Schedules
 * made by /culture fire at most once a minute; to watch several real fires in a test, one row
 * is written with node-cron's optional seconds field (every second), which the command refuses.
 */
describeEachDatabase('scheduler on two replicas (real node-cron)', (db, target) => {
  const { it } = replicasTest(db, target, {
    start: { scheduler: true },
    setUp: (t) => t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' }),
  });
  const runsOf = (id: number) => db().db.select().from(scheduleRuns).where(eq(scheduleRuns.scheduleId, id));

  it('picks up a schedule made on another replica, and drops it once removed', async ({ a, b }) => {
    const reply = await command(a, ADMIN, '/culture', 'schedule mantra <#C0FLOOR> "0 9 * * 1" Europe/Paris');
    expect(reply.body.text).toContain('Scheduled');
    const [row] = await db().db.select().from(schedules);
    // The replica that made it follows at once; the other at its next reload (forced here).
    await expect.poll(() => a.bot.scheduler?.activeScheduleIds()).toContain(row?.id);
    await b.bot.scheduler?.reload();
    expect(b.bot.scheduler?.activeScheduleIds()).toContain(row?.id);

    await command(a, ADMIN, '/culture', `unschedule ${row?.id}`);
    await expect.poll(() => a.bot.scheduler?.activeScheduleIds()).not.toContain(row?.id);
    await b.bot.scheduler?.reload();
    expect(b.bot.scheduler?.activeScheduleIds()).not.toContain(row?.id);
    expect(a.emulator.rejections).toEqual([]);
  });

  it('posts each real fire once across both replicas', async ({ a, b }) => {
    const now = a.clock.now();
    const [row] = await db()
      .db.insert(schedules)
      .values({
        teamId: TEST_TEAM,
        kind: 'mantra',
        channelId: 'C0TICK',
        cron: '* * * * * *',
        timezone: 'UTC',
        createdBy: ADMIN,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('no schedule row');
    await Promise.all([a.bot.scheduler?.reload(), b.bot.scheduler?.reload()]);
    expect(a.bot.scheduler?.activeScheduleIds()).toContain(row.id);
    expect(b.bot.scheduler?.activeScheduleIds()).toContain(row.id);

    // Real fires, every second: wait until three of them are posted.
    await expect
      .poll(async () => (await runsOf(row.id)).filter((r) => r.status === 'posted').length, {
        timeout: 20_000,
      })
      .toBeGreaterThanOrEqual(3);
    await db().db.update(schedules).set({ enabled: false }).where(eq(schedules.id, row.id));
    await Promise.all([a.bot.scheduler?.reload(), b.bot.scheduler?.reload()]);
    // A fire claimed before the reload stopped its task finishes posting.
    await expect.poll(async () => (await runsOf(row.id)).some((r) => r.status === 'claimed')).toBe(false);

    const posts = [...channelPosts(a.emulator, 'C0TICK'), ...channelPosts(b.emulator, 'C0TICK')];
    const runs = await runsOf(row.id);
    expect(posts.length).toBeGreaterThanOrEqual(3);
    expect(runs.filter((r) => r.status === 'posted')).toHaveLength(posts.length);
    expect(new Set(runs.map((r) => r.fireAt.toISOString())).size).toBe(runs.length);
    expect(runs.every((r) => r.fireAt.getUTCMilliseconds() === 0)).toBe(true);
    expect(a.emulator.rejections).toEqual([]);
    expect(b.emulator.rejections).toEqual([]);
  });

  it('stops its tasks on shutdown', async ({ a }) => {
    await a.bot.scheduler?.stop();
    expect(a.bot.scheduler?.activeScheduleIds()).toEqual([]);
  });
});

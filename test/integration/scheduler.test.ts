import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scheduleRuns, schedules } from '../../src/db/schema.js';
import { describeEachDatabase } from '../support/databases.js';
import { channelPosts, command, openSecondConnection } from '../support/scheduling.js';
import { startTestBot, TEST_TEAM, type TestBot } from '../support/test-bot.js';

const ADMIN = 'UADMIN1';

/**
 * The real clock: two replicas running node-cron with the Postgres coordinator. Schedules
 * made by /culture fire at most once a minute; to watch several real fires in a test, one row
 * is written with node-cron's optional seconds field (every second), which the command refuses.
 */
describeEachDatabase('scheduler on two replicas (real node-cron)', (db, target) => {
  let a: TestBot;
  let b: TestBot;
  let second: Awaited<ReturnType<typeof openSecondConnection>>;

  beforeAll(async () => {
    second = await openSecondConnection(db(), target);
    a = await startTestBot({ database: db(), scheduler: true });
    b = await startTestBot({ database: second.database, scheduler: true });
    for (const t of [a, b]) t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await second?.close();
  });

  it('picks up a schedule made on another replica, and drops it once removed', async () => {
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

  it('posts each real fire once across both replicas', async () => {
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

    await new Promise((resolve) => setTimeout(resolve, 4_200));
    await db().db.update(schedules).set({ enabled: false }).where(eq(schedules.id, row.id));
    await Promise.all([a.bot.scheduler?.reload(), b.bot.scheduler?.reload()]);
    await Promise.all([a.bot.whenIdle(), b.bot.whenIdle()]);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const posts = [...channelPosts(a.emulator, 'C0TICK'), ...channelPosts(b.emulator, 'C0TICK')];
    const runs = await db().db.select().from(scheduleRuns).where(eq(scheduleRuns.scheduleId, row.id));
    expect(posts.length).toBeGreaterThanOrEqual(3);
    expect(runs.filter((r) => r.status === 'posted')).toHaveLength(posts.length);
    expect(new Set(runs.map((r) => r.fireAt.toISOString())).size).toBe(runs.length);
    expect(runs.every((r) => r.fireAt.getUTCMilliseconds() === 0)).toBe(true);
    expect(a.emulator.rejections).toEqual([]);
    expect(b.emulator.rejections).toEqual([]);
  });

  it('stops its tasks on shutdown', async () => {
    await a.bot.scheduler?.stop();
    expect(a.bot.scheduler?.activeScheduleIds()).toEqual([]);
  });
});

import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { schedules } from '../../src/db/schema.js';
import type { Deps } from '../../src/deps.js';
import { MAX_ATTEMPTS } from '../../src/domain/schedules/run-policy.js';
import { createScheduledPostsJob } from '../../src/jobs/scheduled-posts.js';
import { createPostgresRunCoordinator } from '../../src/jobs/scheduler/run-coordinator.js';
import { dmChannelId } from '../../src/sandbox/slack-emulator.js';
import { replicasTest } from '../support/bot-test.js';
import { describeEachDatabase, wipe } from '../support/databases.js';
import { allRuns, channelPosts, seedPraise, wall } from '../support/scheduling.js';
import { TEST_TEAM } from '../support/test-bot.js';

const ADMIN = 'UADMIN1';
const FRENCH_ADMIN = 'UADMINFR';
const COLLEAGUE = 'UCOLL1';
const CHANNEL = 'C0MANTRA';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function schedule(
  deps: Deps,
  cron: string,
  timezone: string,
  now: Date,
  extra: { channelId?: string; createdBy?: string } = {},
) {
  const created = await deps.schedules.create({
    teamId: TEST_TEAM,
    kind: 'mantra',
    channelId: extra.channelId ?? CHANNEL,
    cron,
    timezone,
    createdBy: extra.createdBy ?? ADMIN,
    now,
  });
  if (!created.ok) throw new Error(`schedule refused: ${created.reason}`);
  return created.value.schedule;
}

describeEachDatabase('scheduled posts engine', (db, target) => {
  // Two replicas: two apps, each with its own Slack client and its own database connection.
  const { it } = replicasTest(db, target, {
    setUp(t) {
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
      t.emulator.addUser({ id: FRENCH_ADMIN, name: 'zoé', is_admin: true, locale: 'fr-FR' });
      t.emulator.addUser({ id: COLLEAGUE, name: 'colin' });
    },
  });

  it('posts each fire time once when two engines on two connections share the database', async ({ a, b }) => {
    const start = new Date('2026-11-23T10:00:00Z');
    await schedule(a.bot.deps, '* * * * *', 'Europe/Paris', start);
    await seedPraise(db(), {
      teamId: TEST_TEAM,
      story: 'Called the customer back the same evening.',
      colleagues: [COLLEAGUE],
      createdAt: new Date(start.getTime() - 2 * HOUR),
    });
    const jobA = createScheduledPostsJob({ replicaId: 'replica-a' });
    const jobB = createScheduledPostsJob({ replicaId: 'replica-b' });
    const coordinatorA = createPostgresRunCoordinator({
      runs: a.bot.deps.scheduleRuns,
      replicaId: 'replica-a',
      clock: a.bot.deps.clock,
      timezone: 'Europe/Paris',
    });
    const coordinatorB = createPostgresRunCoordinator({
      runs: b.bot.deps.scheduleRuns,
      replicaId: 'replica-b',
      clock: b.bot.deps.clock,
      timezone: 'Europe/Paris',
    });
    const [created] = await db().db.select({ id: schedules.id }).from(schedules);
    const id = created?.id ?? -1;

    for (let minute = 1; minute <= 20; minute++) {
      const fireAt = new Date(start.getTime() + minute * MINUTE);
      if (minute % 2 === 0) {
        // node-cron's path: both replicas' tasks fire and ask the coordinator; one wins the claim.
        const key = `schedule-${id}:${fireAt.toISOString()}`;
        const [wonA, wonB] = await Promise.all([
          coordinatorA.shouldRun(key, 30_000),
          coordinatorB.shouldRun(key, 30_000),
        ]);
        expect(Number(wonA) + Number(wonB)).toBe(1);
        if (wonA) await jobA.runClaimed(a.bot.deps, id, fireAt, fireAt);
        if (wonB) await jobB.runClaimed(b.bot.deps, id, fireAt, fireAt);
      }
      // The sweep on both replicas, at the same instant and half a minute later.
      const at = new Date(fireAt.getTime() + (minute % 3) * 1000);
      await Promise.all([jobA.run(a.bot.deps, at), jobB.run(b.bot.deps, at)]);
      await Promise.all([
        jobA.run(a.bot.deps, new Date(at.getTime() + 30_000)),
        jobB.run(b.bot.deps, new Date(at.getTime() + 30_000)),
      ]);
    }

    const posts = [...channelPosts(a.emulator, CHANNEL), ...channelPosts(b.emulator, CHANNEL)];
    expect(posts).toHaveLength(20);
    const runs = await allRuns(db());
    expect(runs.map((r) => r.status)).toEqual(Array(20).fill('posted'));
    expect(new Set(runs.map((r) => r.fireAt.toISOString())).size).toBe(20);
    expect(new Set(runs.map((r) => r.messageTs)).size).toBe(20);
    // Every post is the illustrated vision line.
    expect(JSON.stringify(posts[0]?.args.blocks)).toContain(`<@${COLLEAGUE}> delighted a customer`);
  });

  it('posts a 02:30 Paris schedule once on the night clocks go back, though node-cron fires the second 02:30', async ({
    a,
  }) => {
    const evening = new Date('2026-10-24T20:00:00Z');
    await schedule(a.bot.deps, '30 2 * * *', 'Europe/Paris', evening);
    const [created] = await db().db.select({ id: schedules.id }).from(schedules);
    const id = created?.id ?? -1;
    const coordinator = createPostgresRunCoordinator({
      runs: a.bot.deps.scheduleRuns,
      replicaId: 'replica-a',
      clock: a.bot.deps.clock,
      timezone: 'Europe/Paris',
    });
    const job = createScheduledPostsJob({ replicaId: 'replica-a' });
    // 02:30 CEST is 00:30Z; after the change 02:30 CET is 01:30Z. The sweep takes the first…
    await job.run(a.bot.deps, new Date('2026-10-25T00:30:30Z'));
    // …and node-cron's fire on the second is refused by the coordinator, claiming nothing.
    expect(await coordinator.shouldRun(`schedule-${id}:2026-10-25T01:30:00.000Z`, 30_000)).toBe(false);
    await job.run(a.bot.deps, new Date('2026-10-25T01:30:30Z'));
    expect(channelPosts(a.emulator, CHANNEL)).toHaveLength(1);
    expect((await allRuns(db())).map((r) => r.fireAt.toISOString())).toEqual(['2026-10-25T00:30:00.000Z']);
  });

  it('catches up a fire time missed while every replica was down, once', async ({ a, b }) => {
    const job = createScheduledPostsJob({ replicaId: 'replica-a' });
    await schedule(a.bot.deps, '0 9 * * *', 'Europe/Paris', new Date('2026-11-23T06:00:00Z'));
    expect((await job.run(a.bot.deps, new Date('2026-11-23T08:00:20Z'))).posted).toBe(1);
    // Down from 08:01 on the 23rd to 14:00 on the 24th: the 08:00 fire of the 24th is 6 h old.
    const back = new Date('2026-11-24T14:00:00Z');
    expect(await job.run(a.bot.deps, back)).toMatchObject({ posted: 1, skipped: 0 });
    expect(await job.run(a.bot.deps, new Date(back.getTime() + MINUTE))).toMatchObject({ posted: 0 });
    // Another replica starting now finds nothing left to do either.
    const fresh = createScheduledPostsJob({ replicaId: 'replica-b' });
    expect(await fresh.run(b.bot.deps, new Date(back.getTime() + 2 * MINUTE))).toMatchObject({
      posted: 0,
      lost: 0,
    });
    const runs = await allRuns(db());
    expect(runs.map((r) => [r.fireAt.toISOString(), r.status])).toEqual([
      ['2026-11-23T08:00:00.000Z', 'posted'],
      ['2026-11-24T08:00:00.000Z', 'posted'],
    ]);
    expect(channelPosts(a.emulator, CHANNEL)).toHaveLength(2);
  });

  it('records fire times older than the catch-up window as skipped and posts none of them', async ({ a }) => {
    const job = createScheduledPostsJob({ replicaId: 'replica-a' });
    await schedule(a.bot.deps, '0 9 * * *', 'Europe/Paris', new Date('2026-11-23T06:00:00Z'));
    await job.run(a.bot.deps, new Date('2026-11-23T08:00:05Z'));
    // Down until 22:00 on the 26th: the newest missed fire (08:00 that day) is 14 h old > 12 h.
    const summary = await job.run(a.bot.deps, new Date('2026-11-26T22:00:00Z'));
    expect(summary).toMatchObject({ posted: 0 });
    expect(summary.skipped).toBeGreaterThan(0);
    const runs = await allRuns(db());
    expect(runs.at(-1)).toMatchObject({ status: 'skipped', error: 'missed_beyond_catch_up_window' });
    expect(runs.at(-1)?.fireAt.toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(channelPosts(a.emulator, CHANNEL)).toHaveLength(1);
    // The next fire time is posted as usual.
    expect((await job.run(a.bot.deps, new Date('2026-11-27T08:00:10Z'))).posted).toBe(1);
  });

  it('after a gap, posts the latest missed fire time only and records the others as superseded', async ({
    a,
  }) => {
    const job = createScheduledPostsJob({ replicaId: 'replica-a' });
    await schedule(a.bot.deps, '*/10 * * * *', 'UTC', new Date('2026-11-23T09:55:00Z'));
    const summary = await job.run(a.bot.deps, new Date('2026-11-23T11:05:00Z'));
    expect(summary).toMatchObject({ posted: 1, skipped: 6 });
    const runs = await allRuns(db());
    expect(runs.filter((r) => r.status === 'posted').map((r) => r.fireAt.toISOString())).toEqual([
      '2026-11-23T11:00:00.000Z',
    ]);
    expect(runs.filter((r) => r.status === 'skipped').every((r) => r.error === 'superseded')).toBe(true);
    expect(channelPosts(a.emulator, CHANNEL)).toHaveLength(1);
  });

  for (const [zone, seasons] of [
    [
      'Europe/Paris',
      [
        ['2026-10-22T12:00:00Z', '2026-10-28T12:00:00Z'],
        ['2027-03-25T12:00:00Z', '2027-03-31T12:00:00Z'],
      ],
    ],
    [
      'America/New_York',
      [
        ['2026-10-29T18:00:00Z', '2026-11-04T18:00:00Z'],
        ['2027-03-11T18:00:00Z', '2027-03-17T18:00:00Z'],
      ],
    ],
  ] as const) {
    it(`posts a 09:00 ${zone} schedule at 09:00 local once a day across both daylight-saving changes`, async ({
      a,
    }) => {
      const job = createScheduledPostsJob({ replicaId: 'replica-a' });
      for (const [from, until] of seasons) {
        await wipe(db());
        await schedule(a.bot.deps, '0 9 * * *', zone, new Date(from));
        for (let t = new Date(from).getTime(); t <= new Date(until).getTime(); t += HOUR) {
          await job.run(a.bot.deps, new Date(t));
        }
        const runs = await allRuns(db());
        expect(runs.map((r) => r.status)).toEqual(Array(6).fill('posted'));
        const days = runs.map((r) => wall(r.fireAt, zone));
        expect(
          days.every((d) => d.endsWith(' 09:00')),
          days.join(', '),
        ).toBe(true);
        expect(new Set(days.map((d) => d.slice(0, 10))).size).toBe(6);
        // The UTC hour moves by one across the change: the offset changed, the local time did not.
        expect(new Set(runs.map((r) => r.fireAt.getUTCHours())).size).toBe(2);
      }
    });
  }

  it('waits out a 429 Retry-After (the WebClient does) and posts once', async ({ a }) => {
    const job = createScheduledPostsJob({ replicaId: 'replica-a' });
    await schedule(a.bot.deps, '0 9 * * *', 'UTC', new Date('2026-11-23T08:00:00Z'));
    a.emulator.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    expect(await job.run(a.bot.deps, new Date('2026-11-23T09:00:02Z'))).toMatchObject({ posted: 1 });
    const calls = a.emulator.callsTo('chat.postMessage');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect((await allRuns(db()))[0]).toMatchObject({ status: 'posted', attempts: 1 });
  });

  it('retries after 5xx with back-off, then posts once', async ({ a, b }) => {
    const job = createScheduledPostsJob({ replicaId: 'replica-a' });
    await schedule(a.bot.deps, '0 9 * * *', 'UTC', new Date('2026-11-23T08:00:00Z'));
    // The WebClient itself retries a 5xx three times; four failures outlive it.
    a.emulator.failNext('chat.postMessage', { status: 503 }, 4);
    const fired = new Date('2026-11-23T09:00:01Z');
    expect(await job.run(a.bot.deps, fired)).toMatchObject({ posted: 0, retrying: 1 });
    let [run] = await allRuns(db());
    expect(run).toMatchObject({ status: 'retrying', attempts: 1, error: 'http_503' });
    expect(run?.nextAttemptAt?.toISOString()).toBe('2026-11-23T09:01:01.000Z');
    // Not due yet: nothing happens; on time: another replica takes the retry and posts.
    expect(await job.run(a.bot.deps, new Date(fired.getTime() + 30_000))).toMatchObject({ posted: 0 });
    const other = createScheduledPostsJob({ replicaId: 'replica-b' });
    expect(await other.run(b.bot.deps, new Date(fired.getTime() + MINUTE))).toMatchObject({ posted: 1 });
    [run] = await allRuns(db());
    expect(run).toMatchObject({ status: 'posted', attempts: 2, claimedBy: 'replica-b' });
    expect(channelPosts(a.emulator)).toHaveLength(0);
    expect(channelPosts(b.emulator, CHANNEL)).toHaveLength(1);
  });

  it('gives up after a bounded number of tries, marks the schedule failing and DMs its creator once', async ({
    a,
  }) => {
    const job = createScheduledPostsJob({ replicaId: 'replica-a' });
    const created = await schedule(a.bot.deps, '0 9 * * *', 'UTC', new Date('2026-11-23T08:00:00Z'), {
      createdBy: FRENCH_ADMIN,
    });
    a.emulator.failNext('chat.postMessage', { error: 'internal_error' }, MAX_ATTEMPTS);
    let now = new Date('2026-11-23T09:00:00Z');
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await job.run(a.bot.deps, now);
      now = new Date(now.getTime() + 20 * MINUTE);
    }
    const [run] = await allRuns(db());
    expect(run).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, error: 'internal_error' });
    const [row] = await db().db.select().from(schedules).where(eq(schedules.id, created.id));
    expect(row?.failing).toBe(true);
    const dms = a.emulator.callsTo('chat.postMessage').filter((c) => c.ok && c.args.channel === FRENCH_ADMIN);
    expect(dms).toHaveLength(1);
    expect(dms[0]?.response.channel).toBe(dmChannelId(FRENCH_ADMIN));
    expect(dms[0]?.args.text).toContain('Je n’ai pas pu publier le mantra planifié');
    expect(dms[0]?.args.text).toContain('`internal_error`');
  });

  it('joins a public channel it is not in, then posts', async ({ a }) => {
    const job = createScheduledPostsJob({ replicaId: 'replica-a' });
    a.emulator.addChannel({ id: 'C0PUBLIC', name: 'floor', botIsMember: false });
    await schedule(a.bot.deps, '0 9 * * *', 'UTC', new Date('2026-11-23T08:00:00Z'), {
      channelId: 'C0PUBLIC',
    });
    expect(await job.run(a.bot.deps, new Date('2026-11-23T09:00:00Z'))).toMatchObject({ posted: 1 });
    expect(a.emulator.calls.map((c) => (c.ok ? c.method : `${c.method}:${c.error}`))).toEqual(
      expect.arrayContaining(['chat.postMessage:not_in_channel', 'conversations.join', 'chat.postMessage']),
    );
    expect(channelPosts(a.emulator, 'C0PUBLIC')).toHaveLength(1);
  });

  it('cannot join a private channel: the schedule fails, its creator is told once, and it recovers once invited', async ({
    a,
  }) => {
    const job = createScheduledPostsJob({ replicaId: 'replica-a' });
    a.emulator.addChannel({ id: 'C0SECRET', name: 'leads', is_private: true, botIsMember: false });
    const created = await schedule(a.bot.deps, '0 9 * * *', 'UTC', new Date('2026-11-23T08:00:00Z'), {
      channelId: 'C0SECRET',
    });
    expect(await job.run(a.bot.deps, new Date('2026-11-23T09:00:00Z'))).toMatchObject({ failed: 1 });
    expect(await job.run(a.bot.deps, new Date('2026-11-24T09:00:00Z'))).toMatchObject({ failed: 1 });
    const dms = a.emulator.callsTo('chat.postMessage').filter((c) => c.ok && c.args.channel === ADMIN);
    expect(dms).toHaveLength(1);
    expect(dms[0]?.args.text).toContain('Invite me with `/invite @culture`');
    expect(dms[0]?.args.text).toContain(`/culture unschedule ${created.id}`);
    const failing = await db().db.select().from(schedules).where(eq(schedules.id, created.id));
    expect(failing[0]?.failing).toBe(true);

    a.emulator.addChannel({ id: 'C0SECRET', name: 'leads', is_private: true, botIsMember: true });
    expect(await job.run(a.bot.deps, new Date('2026-11-25T09:00:00Z'))).toMatchObject({ posted: 1 });
    const recovered = await db().db.select().from(schedules).where(eq(schedules.id, created.id));
    expect(recovered[0]?.failing).toBe(false);
  });

  it('takes over a claim abandoned by a replica that died mid-post', async ({ a }) => {
    const created = await schedule(a.bot.deps, '0 9 * * *', 'UTC', new Date('2026-11-23T08:00:00Z'));
    const fireAt = new Date('2026-11-23T09:00:00Z');
    expect(await a.bot.deps.scheduleRuns.claim(created.id, fireAt, 'replica-dead', fireAt)).toBe(true);
    const job = createScheduledPostsJob({ replicaId: 'replica-a' });
    expect(await job.run(a.bot.deps, new Date(fireAt.getTime() + 5 * MINUTE))).toMatchObject({ posted: 0 });
    expect(await job.run(a.bot.deps, new Date(fireAt.getTime() + 11 * MINUTE))).toMatchObject({ posted: 1 });
    expect((await allRuns(db()))[0]).toMatchObject({ status: 'posted', claimedBy: 'replica-a' });
  });

  it('stops posting a schedule removed on another replica', async ({ a, b }) => {
    const job = createScheduledPostsJob({ replicaId: 'replica-a' });
    const created = await schedule(a.bot.deps, '0 9 * * *', 'UTC', new Date('2026-11-23T08:00:00Z'));
    await job.run(a.bot.deps, new Date('2026-11-23T09:00:00Z'));
    expect(await b.bot.deps.schedules.remove(TEST_TEAM, created.id, ADMIN)).toMatchObject({ ok: true });
    expect(await job.run(a.bot.deps, new Date('2026-11-24T09:00:00Z'))).toMatchObject({ posted: 0 });
    // A node-cron tick that was already armed for it loses its claim: the row cannot be inserted.
    expect(
      await a.bot.deps.scheduleRuns.claim(
        created.id,
        new Date('2026-11-24T09:00:00Z'),
        'replica-a',
        new Date(),
      ),
    ).toBe(false);
    expect(channelPosts(a.emulator, CHANNEL)).toHaveLength(1);
  });
});

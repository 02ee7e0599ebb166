import { expect } from 'vitest';
import { pulses, schedules } from '../../src/db/schema.js';
import { pulseDeadlinesJob } from '../../src/jobs/pulse-deadlines.js';
import { postScheduled } from '../../src/slack/posts/scheduled-kinds.js';
import type { ScheduledRun } from '../../src/slack/posts/scheduled-post.js';
import { describeEachDatabase } from '../support/databases.js';
import { json, PULSE_TEAM, pulseTeamTest } from '../support/pulse-helpers.js';
import { TEST_TEAM } from '../support/test-bot.js';

const { manager: MANAGER, people: PEOPLE, channel: CHANNEL } = PULSE_TEAM;
const START = new Date('2026-11-23T09:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describeEachDatabase('pulse deadlines, reminders and recurring pulses', (db) => {
  const { it, suiteBot, p } = pulseTeamTest(db);
  const at = (ms: number) => new Date(START.getTime() + ms);
  const run = (ms: number) => {
    const t = suiteBot();
    t.clock.set(at(ms));
    return pulseDeadlinesJob.run(t.bot.deps, at(ms));
  };
  const channelPosts = () =>
    suiteBot()
      .emulator.callsTo('chat.postMessage')
      .filter((c) => c.args.channel === CHANNEL);

  it('reminds the channel once, a day before closing, and never DMs anyone', async ({ t }) => {
    await p.command('start', MANAGER);
    await p.answer('UANA', { score: 7 });
    expect(await run(2 * DAY - 60_000)).toMatchObject({ reminded: 0 });
    expect(await run(2 * DAY)).toMatchObject({ reminded: 1 });
    expect(await run(2 * DAY)).toMatchObject({ reminded: 0 });
    expect(await run(2 * DAY + HOUR)).toMatchObject({ reminded: 0 });

    const reminders = channelPosts().filter((c) => c.args.text?.startsWith('Reminder'));
    expect(reminders).toHaveLength(1);
    const [reminder] = reminders;
    expect(reminder?.args.thread_ts).toBeUndefined();
    expect(json(reminder?.args.blocks)).toContain('1 answer so far');
    expect(json(reminder?.args.blocks)).toContain('pulse_answer_open');
    // Nothing went to a person: no DM, no ephemeral to those who did not answer.
    const direct = t.emulator.calls.filter(
      (c) =>
        (c.method === 'chat.postMessage' && /^[UWD]/.test(String(c.args.channel))) ||
        c.method === 'chat.postEphemeral',
    );
    expect(direct).toEqual([]);

    // The reminder's own button opens the modal.
    const view = await p.open('UBEN', {
      messageTs: t.emulator.messages.find((m) => m.text === reminder?.args.text)?.ts,
    });
    expect(view.callback_id).toBe('pulse_answer');
  });

  it('gives a one-day pulse no reminder', async () => {
    await p.command('start 1', MANAGER);
    expect((await run(HOUR)).reminded).toBe(0);
    expect((await run(23 * HOUR)).reminded).toBe(0);
    expect(channelPosts()).toHaveLength(1);
  });

  it('closes at the deadline through the job, posts the results once, and takes no late answer', async ({
    t,
  }) => {
    await p.command('start', MANAGER);
    for (const [i, user] of PEOPLE.entries()) await p.answer(user, { score: 6 + i, vision: `vision ${i}` });
    const card = await p.card();

    expect(await run(3 * DAY - 60_000)).toMatchObject({ closed: 0 });
    // Past the deadline, before the job has run: the pulse already refuses answers.
    t.clock.set(at(3 * DAY));
    const late = await p.open('UADMIN');
    expect(json(late.blocks)).toContain('This pulse is closed');

    const [first, second] = await Promise.all([run(3 * DAY), run(3 * DAY)]);
    expect((first?.closed ?? 0) + (second?.closed ?? 0)).toBe(1);
    expect(await run(3 * DAY + 60_000)).toEqual({ closed: 0, reminded: 0, republished: 0, failed: 0 });
    await t.bot.whenIdle();

    const results = t.emulator.messages.filter((m) => m.thread_ts === card.ts);
    expect(results).toHaveLength(1);
    expect(results[0]?.text).toBe('Pulse results: 3 answers, average trust score 7.0 / 10.');
    const [row] = await db().db.select().from(pulses);
    expect(row).toMatchObject({ status: 'closed', closedBy: 'deadline', resultsTs: results[0]?.ts });
    const updated = await p.card();
    expect(json(updated.blocks)).toContain('*Closed*');
    expect(json(updated.blocks)).not.toContain('pulse_answer_open');
  });

  it('retries results that could not be posted, a few minutes later', async ({ t }) => {
    await p.command('start 2', MANAGER);
    for (const user of PEOPLE) await p.answer(user, { score: 8 });
    t.emulator.failNext('chat.postMessage', { error: 'internal_error' });
    expect(await run(2 * DAY)).toMatchObject({ closed: 0, failed: 1 });
    expect(await run(2 * DAY + 60_000)).toMatchObject({ republished: 0 });
    expect(await run(2 * DAY + 6 * 60_000)).toMatchObject({ republished: 1 });
    expect(await run(2 * DAY + 12 * 60_000)).toMatchObject({ republished: 0 });
    const card = await p.card();
    expect(t.emulator.messages.filter((m) => m.thread_ts === card.ts)).toHaveLength(1);
  });

  async function pulseSchedule(channelId: string, options: unknown) {
    const [schedule] = await db()
      .db.insert(schedules)
      .values({
        teamId: TEST_TEAM,
        kind: 'pulse',
        channelId,
        cron: '0 9 * * 1',
        timezone: 'Europe/Paris',
        options,
        createdBy: MANAGER,
      })
      .returning();
    if (!schedule) throw new Error('schedule not inserted');
    return schedule;
  }

  it('starts a recurring pulse from its schedule, once per open pulse', async ({ t }) => {
    const schedule = await pulseSchedule(CHANNEL, { named: true, days: 2 });
    const fire: ScheduledRun = {
      teamId: TEST_TEAM,
      scheduleId: schedule.id,
      kind: 'pulse',
      channelId: CHANNEL,
      options: schedule.options,
      timezone: 'Europe/Paris',
      fireAt: START,
      createdBy: MANAGER,
    };
    const { messageTs } = await postScheduled(t.bot.deps, fire);
    const [row] = await db().db.select().from(pulses);
    expect(row).toMatchObject({ scheduleId: schedule.id, anonymous: false, messageTs, createdBy: MANAGER });
    expect(row?.closesAt.getTime()).toBe(START.getTime() + 2 * DAY);
    const card = await p.card();
    expect(card.ts).toBe(messageTs);
    expect(json(card.blocks)).toContain('Recurring pulse');
    expect(json(card.blocks)).toContain('*Named*');

    // The same fire time handled again (a retry), or the next one while this is open: no second card.
    expect(await postScheduled(t.bot.deps, fire)).toEqual({ messageTs });
    expect(channelPosts()).toHaveLength(1);

    // Bad stored options fall back to an anonymous three-day pulse.
    await run(2 * DAY);
    t.clock.set(at(7 * DAY));
    await postScheduled(t.bot.deps, { ...fire, options: { days: 'many' }, fireAt: at(7 * DAY) });
    const latest = await p.latestPulse();
    expect(latest).toMatchObject({ anonymous: true, status: 'open' });
    expect(latest?.closesAt.getTime()).toBe(at(10 * DAY).getTime());
  });

  it('lets a recurring pulse fail with Slack’s own error when it cannot post, leaving nothing open', async ({
    t,
  }) => {
    t.emulator.addChannel({ id: 'GPRIVATE', name: 'secret', is_private: true, botIsMember: false });
    const schedule = await pulseSchedule('GPRIVATE', {});
    await expect(
      postScheduled(t.bot.deps, {
        teamId: TEST_TEAM,
        scheduleId: schedule.id,
        kind: 'pulse',
        channelId: 'GPRIVATE',
        options: {},
        timezone: 'UTC',
        fireAt: START,
        createdBy: MANAGER,
      }),
    ).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    expect(await db().db.select().from(pulses)).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createMomentRepository } from '../../src/db/repositories/moment-repository.js';
import { moments } from '../../src/db/schema.js';
import { type MomentDraft, TOUCHPOINTS } from '../../src/domain/moments/moment.js';
import { createScheduledPostsJob } from '../../src/jobs/scheduled-posts.js';
import { postScheduled } from '../../src/slack/posts/scheduled-kinds.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { TEST_TEAM } from '../support/test-bot.js';

const ANA = 'UANA';
const SAM = 'USAM';
const ZOE = 'UZOE';
const LEA = 'ULEA';
const MANAGER = 'UMANAGER';
const TEAM_CHANNEL = 'CTEAM';
// The test clock starts on Monday 2026-11-23 09:00 UTC; the workspace zone is UTC.
const THIS_WEEK = new Date('2026-11-24T10:00:00Z');
const LAST_WEEK = new Date('2026-11-17T10:00:00Z');

type Seed = Partial<MomentDraft> & {
  at?: Date;
  author?: string;
  channel?: string;
  status?: 'open' | 'resolved';
};

describeEachDatabase('weekly digest', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      for (const [id, locale] of [
        [ANA, 'en-US'],
        [SAM, 'en-US'],
        [ZOE, 'fr-FR'],
        [LEA, 'en-US'],
      ] as const) {
        t.emulator.addUser({ id, name: id.toLowerCase(), locale });
      }
      t.emulator.addUser({ id: MANAGER, name: 'boss', is_admin: true, locale: 'en-US' });
      t.emulator.addChannel({ id: TEAM_CHANNEL, name: 'team-a', members: [ZOE, LEA] });
    },
  });

  const repo = () => createMomentRepository(db().db);
  let seq = 0;
  async function seed(s: Seed) {
    seq += 1;
    const at = s.at ?? THIS_WEEK;
    // The workspace's standards exist before a moment cites one of them.
    await suiteBot().bot.deps.standards.all(TEST_TEAM);
    const { moment } = await repo().insert(
      {
        id: randomUUID(),
        teamId: TEST_TEAM,
        authorId: s.author ?? ANA,
        kind: s.kind ?? 'praise',
        colleagueIds: s.colleagueIds ?? [SAM],
        customerType: 'external',
        touchpoint: s.touchpoint ?? 'phone',
        impact: s.impact ?? 'small',
        story: s.story ?? `Story number ${seq} about a happy customer.`,
        lesson: s.lesson ?? null,
        followUpUserId: s.kind === 'complaint' ? (s.author ?? ANA) : null,
        source: 'command',
        channelId: s.channel ?? 'CGENERAL',
        permalink: null,
        standards: s.story?.match(/#([a-z-]+)/g)?.map((x) => x.slice(1)) ?? [],
        dedupeKey: null,
      },
      [],
      new Date(at.getTime() + seq * 1000),
    );
    if (s.status === 'resolved') await repo().update(TEST_TEAM, moment.id, { status: 'resolved' }, at);
    return moment;
  }

  async function preview(userId = ANA) {
    const t = suiteBot();
    await t.driver.command({ command: '/digest', text: 'preview', userId });
    return (await t.emulator.waitForResponse()).body;
  }
  const textOf = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

  it('reports a seeded week: counts, balance and its change, ordering, grouping, lessons and standards', async () => {
    await seed({ story: 'A small favour for a customer. #surprise', colleagueIds: [SAM] });
    await seed({
      story: 'The moment of truth: Lea drove the part over. #own-it',
      impact: 'big',
      colleagueIds: [LEA, SAM],
    });
    await seed({
      kind: 'complaint',
      touchpoint: 'email',
      story: 'Nobody answered for two days. #same-day',
      impact: 'big',
    });
    await seed({
      kind: 'complaint',
      touchpoint: 'phone',
      story: 'Put on hold three times. #same-day',
      lesson: 'We now give a call-back time.',
      status: 'resolved',
    });
    await seed({
      kind: 'complaint',
      touchpoint: 'email',
      story: 'A promised follow-up never came. #follow-up',
    });
    // Last week: one small praise, so the balance changes from +1.
    await seed({ at: LAST_WEEK, story: 'Last week’s story, counted only in the change.' });

    const body = await preview();
    const text = textOf(body);
    expect(body.text).toBe('Weekly digest · 23 Nov – 29 Nov');
    // credits 1 + 3 = 4, debits 3 + 1 + 1 = 5 → balance −1, last week +1 → change −2.
    expect(text).toContain('*Emotional bank account:* 4 in credits, 5 in debits, balance *−1*');
    expect(text).toContain('−2 against last week');
    expect(text).toContain(':star2: *Recognition:* 2 praise stories');
    expect(text).toContain(`Thank you <@${SAM}> ×2, <@${LEA}> ×1!`);
    expect(text.indexOf('moment of truth')).toBeLessThan(text.indexOf('A small favour'));
    expect(text).toContain(':bulb: *Learning:* 3 complaints, 1 resolved');
    expect(text.indexOf('*E-mail* · 2 (0 resolved)')).toBeLessThan(text.indexOf('*Phone* · 1 (1 resolved)'));
    expect(text).toContain('_What we learned:_ We now give a call-back time.');
    expect(text).toContain('2 complaints are waiting for what we learned.');
    expect(text).toContain(
      '*Service standards*\\n• *#same-day* · honoured 0 · missed 2\\n• *#follow-up* · honoured 0 · missed 1\\n' +
        '• *#own-it* · honoured 1 · missed 0\\n• *#surprise* · honoured 1 · missed 0',
    );
    expect(text).toContain(
      ':dart: *Training focus this week: #same-day* · Every customer hears back from us the same day.',
    );
    // The lessons learned on the complaints that missed it; no praise honoured it yet.
    expect(text).toContain('_What we learned on those complaints:_\\n>We now give a call-back time.');
    expect(text).not.toContain('The example to follow');
    expect(text).toContain('Customer first.');
    const buttons = body.blocks.filter((b: { accessory?: { action_id: string } }) => b.accessory);
    expect(buttons).toHaveLength(2);
  });

  it('speaks French to a French speaker, numbers included', async () => {
    await seed({ story: 'Une cliente ravie par Sam.' });
    const body = await preview(ZOE);
    expect(body.text).toBe('Bilan de la semaine · 23 nov. – 29 nov.');
    expect(textOf(body)).toContain('solde *+1*');
    expect(textOf(body)).toContain('Reconnaissance');
  });

  it('gives an empty week a short encouraging post, not an empty shell', async () => {
    const body = await preview();
    expect(body.blocks.length).toBeLessThanOrEqual(5);
    expect(textOf(body)).toContain('No customer stories yet this week');
  });

  it('never lets @channel out of a story', async () => {
    await seed({ story: 'Great save <!channel> <!subteam^S1|@ops> @here' });
    await seed({ kind: 'complaint', story: 'Bad day <!everyone>', lesson: 'Ask <!here> less' });
    const text = textOf(await preview());
    expect(text).not.toMatch(/<!(channel|here|everyone|subteam)/);
  });

  it('scopes a channel’s digest to moments logged there or by or about its members', async ({ t }) => {
    await seed({
      story: 'Logged in the team channel.',
      channel: TEAM_CHANNEL,
      author: ANA,
      colleagueIds: [SAM],
    });
    await seed({ story: 'About a team member.', colleagueIds: [ZOE] });
    await seed({ story: 'Written by a team member.', author: LEA, colleagueIds: [SAM] });
    await seed({ story: 'Nothing to do with the team.', colleagueIds: [SAM] });
    t.clock.set(new Date('2026-11-30T09:00:00Z'));
    await postScheduled(t.bot.deps, {
      teamId: TEST_TEAM,
      scheduleId: 0,
      kind: 'digest',
      channelId: TEAM_CHANNEL,
      options: { scope: 'channel' },
      timezone: 'UTC',
      fireAt: new Date('2026-11-30T09:00:00Z'),
      createdBy: MANAGER,
    });
    const post = await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === TEAM_CHANNEL);
    const text = JSON.stringify(post.args.blocks);
    expect(text).toContain('3 praise stories');
    expect(text).not.toContain('Nothing to do with the team');
    t.clock.set(new Date('2026-11-23T09:00:00Z'));
  });

  it('stays within Block Kit limits for a week of 5000 stories', async ({ t }) => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      teamId: TEST_TEAM,
      kind: i % 3 === 0 ? ('complaint' as const) : ('praise' as const),
      authorId: `UA${i % 40}`,
      customerType: 'external' as const,
      touchpoint: TOUCHPOINTS[i % TOUCHPOINTS.length] ?? 'other',
      impact: i % 7 === 0 ? ('big' as const) : ('small' as const),
      story: `Story ${i}: ${'a long account of a customer contact, '.repeat(60)}`,
      source: 'command' as const,
      createdAt: new Date(THIS_WEEK.getTime() + i * 1000),
      updatedAt: THIS_WEEK,
    }));
    for (let i = 0; i < rows.length; i += 1000)
      await db()
        .db.insert(moments)
        .values(rows.slice(i, i + 1000));
    await t.driver.command({ command: '/digest', text: 'post', userId: MANAGER, channelId: 'CGENERAL' });
    const post = await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === 'CGENERAL');
    expect(post.ok).toBe(true);
    expect(post.args.blocks.length).toBeLessThanOrEqual(50);
    const text = JSON.stringify(post.args.blocks);
    expect(text).toContain('3333 praise stories');
    expect(text).toContain('1667 complaints');
    expect(text).toContain('…and 3328 more stories.');
  });

  it('refuses /digest post to a member and explains the usage for anything else', async ({ t }) => {
    await t.driver.command({ command: '/digest', text: 'post', userId: SAM });
    expect((await t.emulator.waitForResponse()).body.text).toBe(
      'Sorry, only managers and admins can do that.',
    );
    t.emulator.reset();
    await t.driver.command({ command: '/digest', text: 'shout', userId: SAM });
    expect((await t.emulator.waitForResponse()).body.text).toContain('Usage: `/digest preview`');
  });

  it('posts the week that just ended through the schedule engine', async ({ t }) => {
    await seed({ story: 'Last week, counted in the scheduled digest.', at: LAST_WEEK });
    const created = await t.bot.deps.schedules.create({
      teamId: TEST_TEAM,
      kind: 'digest',
      channelId: 'CDIGEST',
      cron: '0 9 * * 1',
      timezone: 'UTC',
      createdBy: MANAGER,
      now: new Date('2026-11-23T08:00:00Z'),
    });
    expect(created.ok).toBe(true);
    const job = createScheduledPostsJob({ replicaId: 'test' });
    await job.run(t.bot.deps, new Date('2026-11-23T09:00:30Z'));
    const post = await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === 'CDIGEST');
    expect(post.args.text).toBe('Weekly digest · 16 Nov – 22 Nov');
    expect(JSON.stringify(post.args.blocks)).toContain('counted in the scheduled digest');
  });

  it('schedules a team’s own digest with scope=channel and posts only that team’s week', async ({ t }) => {
    await seed({ story: 'About a team member, last week.', colleagueIds: [ZOE] });
    await seed({ story: 'Nothing to do with the team, last week.', colleagueIds: [SAM] });
    await t.driver.command({
      command: '/culture',
      text: `schedule digest <#${TEAM_CHANNEL}|team-a> "0 9 * * 1" UTC scope=channel`,
      userId: MANAGER,
    });
    const created = await t.emulator.waitForResponse();
    expect(created.body.text).toContain('Scheduled');
    const listed = await t.bot.deps.schedules.list(TEST_TEAM, MANAGER, new Date('2026-11-23T08:00:00Z'));
    const [schedule] = listed.ok ? listed.value : [];
    expect(schedule?.schedule.options).toEqual({ scope: 'channel' });

    await createScheduledPostsJob({ replicaId: 'test' }).run(t.bot.deps, new Date('2026-11-30T09:00:10Z'));
    const post = await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === TEAM_CHANNEL);
    const text = JSON.stringify(post.args.blocks);
    expect(text).toContain('About a team member, last week.');
    expect(text).not.toContain('Nothing to do with the team');
  });
});

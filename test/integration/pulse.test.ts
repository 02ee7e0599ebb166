import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { pulseAnswers, pulseParticipants, pulses } from '../../src/db/schema.js';
import { dmChannelId, type SlackArgs } from '../../src/sandbox/slack-emulator.js';
import { BLOCKS } from '../../src/slack/ids.js';
import { botTest } from '../support/bot-test.js';
import { warmChartRenderer } from '../support/charts.js';
import { describeEachDatabase } from '../support/databases.js';
import { json, pulseDriver } from '../support/pulse-helpers.js';
import { TEST_TEAM } from '../support/test-bot.js';

const ADMIN = 'UADMIN';
const MANAGER = 'UMANAGER';
const ANA = 'UANA';
const BEN = 'UBEN';
const CAL = 'UCAL';
const DEE = 'UDEE';
const ZOE = 'UZOE'; // speaks French
const CHANNEL = 'CSUPPORT';
const OTHER_CHANNEL = 'CSALES';
const START = new Date('2026-11-23T09:00:00Z');
const DAY = 24 * 3_600_000;
const WJ = '\u2060';

describeEachDatabase('the three-procedure pulse', (db) => {
  const { it, suiteBot } = botTest(db, {
    async setUp(t) {
      await warmChartRenderer();
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
      t.emulator.addUser({ id: MANAGER, name: 'max', locale: 'en-GB' });
      for (const [id, name] of [
        [ANA, 'ana'],
        [BEN, 'ben'],
        [CAL, 'cal'],
        [DEE, 'dee'],
      ] as const)
        t.emulator.addUser({ id, name, locale: 'en-US' });
      t.emulator.addUser({ id: ZOE, name: 'zoé', locale: 'fr-FR' });
      t.emulator.addChannel({ id: CHANNEL, name: 'support' });
      t.emulator.addChannel({ id: OTHER_CHANNEL, name: 'sales' });
    },
  });
  it.beforeEach(async ({ t }) => {
    await t.bot.deps.roles.setRole(TEST_TEAM, ADMIN, MANAGER, 'manager');
  });
  const p = pulseDriver(suiteBot, db, CHANNEL);

  const posts = (channel = CHANNEL) =>
    suiteBot()
      .emulator.callsTo('chat.postMessage')
      .filter((c) => c.args.channel === channel);
  const threadReplies = (ts: string) => suiteBot().emulator.messages.filter((m) => m.thread_ts === ts);

  async function startPulse(text = 'start', userId = MANAGER) {
    const reply = await p.command(text, userId);
    const row = await p.latestPulse();
    expect(row?.status).toBe('open');
    return { reply, row: row as NonNullable<typeof row> };
  }

  async function closeAndGetResults() {
    const reply = await p.command('close', MANAGER);
    expect(reply.text).toBe('The pulse is closed. The results are in the thread under it.');
    await suiteBot().bot.whenIdle();
    const card = await p.card();
    const [results] = threadReplies(card.ts);
    if (!results) throw new Error('no results in the thread');
    return { card, results, text: json(results.blocks) };
  }

  it('lets a manager start an anonymous three-day pulse: the card asks the four questions and has an Answer button', async () => {
    const { reply, row } = await startPulse();
    expect(reply.text).toContain('Your pulse is open; it closes <!date^');
    expect(row).toMatchObject({ anonymous: true, createdBy: MANAGER, channelId: CHANNEL, teamId: TEST_TEAM });
    expect(row.closesAt.getTime() - START.getTime()).toBe(3 * DAY);
    expect(row.remindAt?.getTime()).toBe(START.getTime() + 2 * DAY);

    expect(posts()).toHaveLength(1);
    const card = await p.card();
    const text = json(card.blocks);
    expect(card.text).toContain('Three-procedure pulse');
    expect(text).toContain('how full is our customer trust account?');
    expect(text).toContain('What is our company vision');
    expect(text).toContain('pleasant memory');
    expect(text).toContain('human experience');
    expect(text).toContain('*Anonymous*');
    expect(text).toContain(`<!date^${Math.floor(row.closesAt.getTime() / 1000)}^`);
    expect(text).toContain('No answers yet');
    expect(text).toContain('"text":"Answer"');
  });

  it('takes one answer from each of several people and counts them on the card as they arrive', async ({
    t,
  }) => {
    await startPulse();
    expect(await p.answer(ANA, { score: 8, vision: 'Customer first.' })).toContain(
      'Your answer is in, stored without your name.',
    );
    expect(json((await p.card()).blocks)).toContain('1 answer so far');
    await p.answer(BEN, { score: 6 });
    await p.answer(ZOE, { score: 9, human: 'Déjeuner ensemble' });
    expect(json((await p.card()).blocks)).toContain('3 answers so far');
    expect(t.emulator.callsTo('chat.update').length).toBeGreaterThanOrEqual(3);

    // A second click tells Ana she already answered, and a stale modal cannot add another answer.
    const notice = await p.open(ANA);
    expect(json(notice.blocks)).toContain('You have already answered this pulse');
    expect(notice.submit).toBeUndefined();
    const row = await p.latestPulse();
    const again = await p.submit(
      ANA,
      (t.emulator.views.find((v) => v.callback_id === 'pulse_answer') ?? notice).id,
      {
        score: 1,
      },
    );
    expect(json(again.view?.blocks)).toContain('You have already answered this pulse');
    const answers = await db()
      .db.select()
      .from(pulseAnswers)
      .where(eq(pulseAnswers.pulseId, row?.id ?? ''));
    expect(answers.map((a) => a.score).sort()).toEqual([6, 8, 9]);
  });

  it('opens the modal in the person’s own language', async () => {
    await startPulse();
    const view = await p.open(ZOE);
    expect(view.title.text).toBe('Pulse de service');
    expect(json(view.blocks)).toContain('quel est le niveau de notre « compte‑confiance » ?');
    expect(json(view.blocks)).toContain('*Anonyme*');
  });

  it('counts a submission delivered several times at once only once', async () => {
    const { row } = await startPulse();
    const view = await p.open(ANA);
    const acks = await Promise.all(
      [1, 2, 3].map(() => p.submit(ANA, view.id, { score: 7, vision: 'Once.' })),
    );
    const texts = acks.map((a) => json(a.view?.blocks));
    expect(texts.filter((x) => x.includes('Your answer is in'))).toHaveLength(1);
    expect(texts.filter((x) => x.includes('already answered'))).toHaveLength(2);
    expect(await db().db.select().from(pulseAnswers).where(eq(pulseAnswers.pulseId, row.id))).toHaveLength(1);
    expect(
      await db().db.select().from(pulseParticipants).where(eq(pulseParticipants.pulseId, row.id)),
    ).toHaveLength(1);
  });

  it('loses no answer when several people submit at the same moment', async ({ t }) => {
    const { row } = await startPulse();
    const people = [ANA, BEN, CAL, DEE, ZOE];
    const views: { id: string }[] = [];
    for (const user of people) views.push(await p.open(user));
    await Promise.all(
      people.map((user, i) => p.submit(user, views[i]?.id ?? '', { score: i + 1, vision: `v${i}` })),
    );
    await t.bot.whenIdle();
    const stored = await db().db.select().from(pulseAnswers).where(eq(pulseAnswers.pulseId, row.id));
    expect(stored.map((a) => a.vision).sort()).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
    expect(await db().db.select().from(pulseParticipants)).toHaveLength(5);
    expect(json((await p.card()).blocks)).toContain('5 answers so far');
  });

  it('hides results below the threshold in status and at close, saying how many answers there are', async () => {
    await startPulse();
    await p.answer(ANA, { score: 9 });
    await p.answer(BEN, { score: 2, vision: 'secret words' });
    const status = await p.command('status', MANAGER);
    expect(status.text).toContain('*2 answers* so far and closes <!date^');
    expect(json(status.blocks)).toContain(
      'Results stay hidden until there are at least 3 answers, to protect anonymity.',
    );

    const { card, text, results } = await closeAndGetResults();
    expect(results.text).toBe('Pulse closed with 2 answers: too few to show results.');
    expect(text).toContain('closed with *2 answers*');
    expect(text).toContain('shown from 3 answers');
    expect(text).not.toContain('secret words');
    expect(text).not.toContain('average');
    expect(json(card.blocks)).toContain('with 2 answers');
    expect(json(card.blocks)).not.toContain('"text":"Answer"');
  });

  it('uses the workspace threshold, never below 3', async ({ t }) => {
    await t.bot.deps.workspaces.updateSettings(TEST_TEAM, { anonymityThreshold: 4 });
    await startPulse();
    for (const user of [ANA, BEN, CAL]) await p.answer(user, { score: 5 });
    expect(json((await p.command('status', MANAGER)).blocks)).toContain('at least 4 answers');
    expect((await closeAndGetResults()).results.text).toContain('too few');
    t.clock.advance(DAY);

    // A stored threshold below the floor (hand-edited JSON) still hides two answers.
    await db().db.execute(sql`update workspaces set settings = '{"anonymityThreshold": 1}'::jsonb`);
    await startPulse();
    await p.answer(ANA, { score: 5 });
    await p.answer(BEN, { score: 5 });
    expect((await closeAndGetResults()).results.text).toContain('too few');
  });

  it('shows status without any score even above the threshold', async () => {
    await startPulse();
    for (const user of [ANA, BEN, CAL]) await p.answer(user, { score: 10 });
    const status = await p.command('status', MANAGER);
    expect(status.text).toContain('*3 answers*');
    expect(json(status.blocks)).toContain('Scores stay hidden while it is open');
    expect(json(status.blocks)).not.toContain('10');
  });

  it('closes with the count, the average, the distribution and shuffled anonymous answers, threaded under the card', async ({
    t,
  }) => {
    await startPulse();
    await p.answer(ANA, { score: 6, vision: 'Customer first, always.', human: 'Listen <!channel> @here' });
    await p.answer(BEN, { score: 7, motivation: 'Hold the team lunch where the problem is.' });
    await p.answer(CAL, { score: 9 });
    await p.answer(DEE, { score: 10, vision: 'We are a service company.' });

    const { card, results, text } = await closeAndGetResults();
    expect(results.thread_ts).toBe(card.ts);
    expect(results.text).toBe('Pulse results: 4 answers, average trust score 8.0 / 10.');
    expect(text).toContain('*4 answers* · average trust score *8.0* / 10');
    // The distribution is a picture whose alt text states every figure (charts.test.ts has more).
    const image = results.blocks?.find((b: SlackArgs) => b.type === 'image');
    expect(image?.alt_text).toContain('5: 0, 6: 1, 7: 1, 8: 0, 9: 1, 10: 1');
    expect(text).toContain('>Customer first, always.');
    expect(text).toContain('>We are a service company.');
    expect(text).toContain('>Hold the team lunch where the problem is.');
    expect(text).toContain('first pulse with results');
    expect(text).toContain('what will you do to raise that score?');
    // No names, no live broadcast.
    for (const user of [ANA, BEN, CAL, DEE]) expect(text).not.toContain(user);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain(`@${WJ}channel`);
    expect(text).toContain(`@${WJ}here`);

    expect(json(card.blocks)).toContain('*Closed*');
    expect(json(card.blocks)).toContain('with 4 answers');
    expect((await p.latestPulse())?.resultsTs).toBe(results.ts);

    // The next pulse in the channel compares with this one.
    t.clock.advance(7 * DAY);
    await startPulse();
    for (const [user, score] of [
      [ANA, 5],
      [BEN, 5],
      [CAL, 6],
    ] as const)
      await p.answer(user, { score });
    const next = await closeAndGetResults();
    expect(next.text).toContain('average trust score *5.3* / 10');
    expect(next.text).toContain('8.0 / 10): *\u22122.7*');
  });

  it('posts the card and the results in the workspace’s language, with its number format', async ({ t }) => {
    await t.bot.deps.workspaces.setLocale(TEST_TEAM, 'fr');
    await startPulse();
    const card = await p.card();
    expect(card.text).toContain('Pulse des trois procédures');
    expect(json(card.blocks)).toContain('Que pouvons-nous faire, individuellement et collectivement');
    for (const [user, score] of [
      [ANA, 7],
      [BEN, 8],
    ] as const)
      await p.answer(user, { score });
    await p.answer(ZOE, { score: 8, vision: 'Le client d’abord.' });
    expect(json((await p.card()).blocks)).toContain('3 réponses pour l’instant');
    const { text, results } = await closeAndGetResults();
    expect(results.text).toBe('Résultats du pulse : 3 réponses, note de confiance moyenne 7,7 / 10.');
    expect(text).toContain('*3 réponses* · note de confiance moyenne *7,7* / 10');
    expect(text).toContain('>Le client d’abord.');
  });

  it('opens a named pulse prefilled and lets the answer change, with the name in the results', async ({
    t,
  }) => {
    const { row } = await startPulse('start named 5');
    expect(row.anonymous).toBe(false);
    expect(row.closesAt.getTime() - START.getTime()).toBe(5 * DAY);
    expect(json((await p.card()).blocks)).toContain('*Named*');

    expect(await p.answer(ANA, { score: 7, vision: 'Customer first.' })).toContain('You can change it');
    const view = await p.open(ANA);
    const blocks = json(view.blocks);
    expect(blocks).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"7","emoji":true},"value":"7"}',
    );
    expect(blocks).toContain('"initial_value":"Customer first."');
    const ack = await p.submit(ANA, view.id, { score: 9, vision: 'Customer first, truly.' });
    expect(json(ack.view?.blocks)).toContain('Your answer is updated.');
    await t.bot.whenIdle();

    const stored = await db().db.select().from(pulseAnswers).where(eq(pulseAnswers.pulseId, row.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ respondentId: ANA, score: 9, vision: 'Customer first, truly.' });
    await p.answer(BEN, { score: 5 });
    await p.answer(CAL, { score: 4 });
    const { text } = await closeAndGetResults();
    expect(text).toContain(`<@${ANA}>\\n>Customer first, truly.`);
    expect(text).toContain('average trust score *6.0*');
  });

  it('refuses a member clearly and posts nothing', async ({ t }) => {
    const reply = await p.command('start', ANA);
    expect(reply.text).toBe('Sorry, only managers and admins can do that.');
    for (const sub of ['status', 'close', 'export']) {
      expect((await p.command(sub, ANA)).text).toBe('Sorry, only managers and admins can do that.');
    }
    expect(t.emulator.callsTo('chat.postMessage')).toEqual([]);
    expect(await db().db.select().from(pulses)).toEqual([]);
  });

  it('points a second start to the open pulse, and lets admins start too', async () => {
    await startPulse('start', ADMIN);
    const card = await p.card();
    const reply = await p.command('start named', MANAGER);
    expect(reply.text).toContain('A pulse is already open in this channel');
    expect(reply.text).toContain(`/archives/${CHANNEL}/p${card.ts.replace('.', '')}|see it>`);
    expect(posts()).toHaveLength(1);
    expect(await db().db.select().from(pulses)).toHaveLength(1);
    // Another channel is another pulse.
    await p.command('start', MANAGER, OTHER_CHANNEL);
    expect(posts(OTHER_CHANNEL)).toHaveLength(1);
  });

  it('explains the usage of bad arguments, and refuses a DM', async ({ t }) => {
    expect((await p.command('start 99', MANAGER)).text).toContain('Days go from 1 to 30');
    expect((await p.command('start sometimes', MANAGER)).text).toContain(
      'Usage: `/pulse start [named] [days]`',
    );
    expect((await p.command('', ANA)).text).toContain('Usage: `/pulse start');
    expect((await p.command('start', MANAGER, dmChannelId(MANAGER))).text).toContain(
      'in the channel whose members',
    );
    expect(t.emulator.callsTo('chat.postMessage')).toEqual([]);
  });

  it('tells the manager when the bot is not in a private channel, and leaves no pulse behind', async ({
    t,
  }) => {
    t.emulator.addChannel({ id: 'GPRIVATE', name: 'secret', is_private: true, botIsMember: false });
    expect((await p.command('start', MANAGER, 'GPRIVATE')).text).toContain(
      'Invite me with `/invite @culture`',
    );
    expect(await db().db.select().from(pulses)).toEqual([]);
  });

  it('says a closed pulse is closed, on the button and on a modal opened before the close', async () => {
    await startPulse();
    const early = await p.open(ANA);
    await p.answer(BEN, { score: 5 });
    await closeAndGetResults();
    const late = await p.submit(ANA, early.id, { score: 8 });
    expect(json(late.view?.blocks)).toContain('This pulse is closed');
    // The card has lost its button; a client that still shows it gets told.
    expect(json((await p.card()).blocks)).not.toContain('pulse_answer_open');
    const notice = await p.open(CAL, { value: (await p.latestPulse())?.id ?? '' });
    expect(json(notice.blocks)).toContain('This pulse is closed');
    expect(await db().db.select().from(pulseAnswers)).toHaveLength(1);
  });

  it('refuses a score outside 1–10 and an over-long answer with field errors, storing nothing', async () => {
    await startPulse();
    const view = await p.open(ANA);
    for (const score of [0, 11, null, 'abc']) {
      const ack = await p.submit(ANA, view.id, { score });
      expect(ack).toEqual({
        response_action: 'errors',
        errors: { [BLOCKS.pulseScore]: 'Pick a score from 1 to 10.' },
      });
    }
    const long = await p.submit(ANA, view.id, { score: 5, vision: 'x'.repeat(3001) });
    expect(long).toEqual({
      response_action: 'errors',
      errors: { [BLOCKS.pulseVision]: 'Please keep it to 3,000 characters (this one has 3,001).' },
    });
    expect(await db().db.select().from(pulseAnswers)).toEqual([]);
    expect(await db().db.select().from(pulseParticipants)).toEqual([]);
    // Then a good answer goes through.
    expect(json((await p.submit(ANA, view.id, { score: 5 })).view?.blocks)).toContain('Your answer is in');
  });

  it('sends the last closed pulse’s answers as a CSV file in a DM to the manager', async ({ t }) => {
    await startPulse();
    await p.answer(ANA, { score: 8, vision: 'Customer first, "always"', human: '=HYPERLINK("http://evil")' });
    await p.answer(BEN, { score: 3, motivation: 'Line one\nline two' });
    await p.answer(CAL, { score: 10, human: '@channel party' });
    await closeAndGetResults();

    const reply = await p.command('export', MANAGER);
    expect(reply.text).toBe(
      'I sent you the answers of the last closed pulse as a CSV file, in a direct message.',
    );
    const [open] = t.emulator.callsTo('conversations.open');
    expect(open?.args.users).toBe(MANAGER);
    // The results' chart was uploaded too: the export is the CSV file.
    const isCsv = (name: unknown) => String(name).endsWith('.csv');
    const [getUrl] = t.emulator.callsTo('files.getUploadURLExternal').filter((c) => isCsv(c.args.filename));
    const [complete] = t.emulator.callsTo('files.completeUploadExternal').filter((c) => c.args.channel_id);
    expect(complete?.args.channel_id).toBe(dmChannelId(MANAGER));
    expect(complete?.args.initial_comment).toContain(`<#${CHANNEL}>`);
    const [upload] = t.emulator.uploads.filter((u) => isCsv(u.filename));
    expect(upload?.filename).toBe(getUrl?.args.filename);
    expect(Number(getUrl?.args.length)).toBe(upload?.content.length);
    const csv = upload?.content.toString('utf8') ?? '';
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'trust score (1-10),Q1 vision,Q2 managers and pleasant memories,Q3 human experience',
    );
    expect(lines.slice(1, -1).sort()).toEqual(
      [
        "10,,,'@channel party",
        '3,,"Line one\nline two",',
        '8,"Customer first, ""always""",,"\'=HYPERLINK(""http://evil"")"',
      ].sort(),
    );
    expect(lines.at(-1)).toBe('');
    for (const user of [ANA, BEN, CAL]) expect(csv).not.toContain(user);
  });

  it('refuses an export below the threshold and when nothing is closed yet', async ({ t }) => {
    const none =
      'This channel has no closed pulse to export yet. Run `/pulse export` in the pulse’s channel.';
    expect((await p.command('export', MANAGER)).text).toBe(none);
    await startPulse();
    await p.answer(ANA, { score: 8 });
    await closeAndGetResults();
    expect((await p.command('export', MANAGER)).text).toContain('closed with 1 answer, fewer than 3');
    // Asked from a DM or another channel, it never reaches this channel's answers.
    expect((await p.command('export', MANAGER, 'D0MANAGER')).text).toBe(none);
    expect(t.emulator.callsTo('files.getUploadURLExternal')).toEqual([]);
  });

  it('lists the pulse commands in /culture help for managers only', async ({ t }) => {
    await t.driver.command({ command: '/culture', text: 'help', userId: MANAGER });
    expect(json((await t.emulator.waitForResponse()).body.blocks)).toContain('/pulse start [named] [days]');
    t.emulator.reset();
    await t.driver.command({ command: '/culture', text: 'help', userId: ANA });
    expect(json((await t.emulator.waitForResponse()).body.blocks)).not.toContain('/pulse start');
  });
});

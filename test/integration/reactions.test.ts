import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { momentColleagues, momentSeconders, moments } from '../../src/db/schema.js';
import type { ReactionArgs } from '../../src/sandbox/slack-driver.js';
import { ACTIONS, VIEWS } from '../../src/slack/ids.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { momentModalValues } from '../support/moment-values.js';
import { TEST_TEAM, type TestBot } from '../support/test-bot.js';

const ANA = 'UANA'; // reacts
const SAM = 'USAM'; // writes the messages
const ZOE = 'UZOE'; // speaks French
const OLLY = 'UOLLY';
const ADMIN = 'UADMIN';
const ROBOT = 'UROBOT';
const SUPPORT = 'CSUPPORT';
const KUDOS = 'CKUDOS';
const WJ = '\u2060';
const TEN_MINUTES = 10 * 60_000;

describeEachDatabase('moments by emoji reaction', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: ANA, name: 'ana', locale: 'en-US' });
      t.emulator.addUser({ id: SAM, name: 'sam', locale: 'en-GB' });
      t.emulator.addUser({ id: ZOE, name: 'zoe', locale: 'fr-FR' });
      t.emulator.addUser({ id: OLLY, name: 'olly', locale: 'en-US' });
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
      t.emulator.addUser({ id: ROBOT, name: 'robot', is_bot: true });
      t.emulator.addChannel({ id: SUPPORT, name: 'support' });
      t.emulator.addChannel({ id: KUDOS, name: 'kudos' });
    },
  });

  const rows = () => db().db.select().from(moments);
  const seconders = () => db().db.select().from(momentSeconders);
  const colleaguesOf = async (momentId: string) =>
    (await db().db.select().from(momentColleagues).where(eq(momentColleagues.momentId, momentId)))
      .map((c) => c.userId)
      .sort();
  const dmsTo = (user: string) =>
    suiteBot()
      .emulator.callsTo('chat.postMessage')
      .filter((c) => c.args.channel === user);
  const ephemeralsTo = (user: string) =>
    suiteBot()
      .emulator.callsTo('chat.postEphemeral')
      .filter((c) => c.args.user === user);
  const setRecognitionChannel = () =>
    suiteBot().bot.deps.workspaces.updateSettings(TEST_TEAM, { recognitionChannelId: KUDOS });
  const say = (text: string, user = SAM, more: { thread_ts?: string; channel?: string } = {}) =>
    suiteBot().emulator.seedMessage({ channel: more.channel ?? SUPPORT, user, text, ...more });

  /** Sends the reaction event and waits for the work the bot does after acking it. */
  async function react(
    args: Partial<ReactionArgs> & { ts: string },
    opts?: Parameters<TestBot['driver']['reaction']>[1],
  ) {
    const res = await suiteBot().driver.reaction(
      { userId: ANA, reaction: 'star2', channelId: SUPPORT, ...args },
      opts,
    );
    expect(res.status).toBe(200);
    expect(await suiteBot().bot.whenIdle()).toBe(true);
    return res;
  }
  const unreact = (args: Partial<ReactionArgs> & { ts: string }) => react({ type: 'removed', ...args });

  it('logs a praise for the people a message mentions, confirms to the reactor and DMs each in their language', async ({
    t,
  }) => {
    await setRecognitionChannel();
    const text = `<@${ZOE}|zoe> and <@${OLLY}> rebuilt a customer’s order after the courier lost it #surprise`;
    const ts = say(text);
    await react({ ts });

    const [row] = await rows();
    expect(row).toMatchObject({
      kind: 'praise',
      authorId: ANA,
      story: text,
      source: 'reaction',
      channelId: SUPPORT,
      sourceTs: ts,
      permalink: `https://emulated.slack.com/archives/${SUPPORT}/p${ts.replace('.', '')}`,
      customerType: 'external',
      touchpoint: 'other',
      impact: 'small',
    });
    // A story logged by reaction cites standards like any other (the link table).
    expect((await t.bot.deps.moments.get(TEST_TEAM, row?.id ?? ''))?.standards).toEqual(['surprise']);
    expect(await colleaguesOf(row?.id ?? '')).toEqual([OLLY, ZOE].sort());

    // The message was read with conversations.history: latest = ts, inclusive, one message.
    const history = t.emulator.callsTo('conversations.history')[0];
    expect(history?.args).toMatchObject({ channel: SUPPORT, latest: ts, inclusive: 'true', limit: '1' });

    const [confirmation] = ephemeralsTo(ANA);
    expect(confirmation?.args.channel).toBe(SUPPORT);
    expect(confirmation?.args.text).toContain(`<@${OLLY}> and <@${ZOE}>`);
    const buttons = confirmation?.args.blocks.find((b: { type: string }) => b.type === 'actions').elements;
    expect(buttons.map((b: { action_id: string }) => b.action_id)).toEqual([
      ACTIONS.momentAddDetails,
      ACTIONS.momentUndo,
    ]);
    expect(JSON.stringify(confirmation?.args.blocks)).toContain('Remove it within 10 minutes to undo');

    expect(dmsTo(ZOE)[0]?.args.text).toBe(
      `:tada: <@${ANA}> a noté un éloge à votre sujet : vous avez ravi un client !`,
    );
    expect(dmsTo(OLLY)[0]?.args.text).toBe(
      `:tada: <@${ANA}> logged a praise story about you: you delighted a customer!`,
    );
    expect(dmsTo(SAM)).toEqual([]);
    const post = t.emulator.callsTo('chat.postMessage').find((c) => c.args.channel === KUDOS);
    expect(post?.args.text).toContain(`<@${ANA}> recognises <@${OLLY}> and <@${ZOE}>`);
    expect((await rows())[0]?.recognitionTs).toBe(post?.response.ts);
  });

  it('praises the message’s author when it mentions no one, and refuses one’s own message, saying why', async ({
    t,
  }) => {
    const ts = say('Called the customer back within the hour and fixed the invoice.');
    await react({ ts });
    const [row] = await rows();
    expect(await colleaguesOf(row?.id ?? '')).toEqual([SAM]);
    expect(dmsTo(SAM)).toHaveLength(1);

    t.emulator.reset();
    const own = say('I called the customer back within the hour myself.', ANA);
    await react({ ts: own });
    expect(await rows()).toHaveLength(1);
    expect(ephemeralsTo(ANA)[0]?.args.text).toBe(
      'Your :star2: logged nothing: that is your own message and it names no one else. ' +
        'Praise recognises a colleague: react to their message, or mention them in yours.',
    );
    expect(t.emulator.callsTo('chat.postMessage')).toEqual([]);

    // Naming someone else in one's own message praises them.
    const naming = say(`<@${SAM}> found the parcel the customer thought was lost.`, ANA);
    await react({ ts: naming });
    const praised = (await rows()).find((r) => r.sourceTs === naming);
    expect(await colleaguesOf(praised?.id ?? '')).toEqual([SAM]);
  });

  it('logs a complaint with the learning emoji, offering to add what we learned and to mark it resolved', async ({
    t,
  }) => {
    const text = 'A customer waited two days for a refund and had to call three times.';
    const ts = say(text);
    await react({ ts, reaction: 'bulb', userId: ZOE });
    const [row] = await rows();
    expect(row).toMatchObject({ kind: 'complaint', authorId: ZOE, story: text, followUpUserId: ZOE });
    expect(await colleaguesOf(row?.id ?? '')).toEqual([]);
    const [confirmation] = ephemeralsTo(ZOE);
    const buttons = confirmation?.args.blocks.find((b: { type: string }) => b.type === 'actions').elements;
    expect(buttons.map((b: { action_id: string }) => b.action_id).slice(0, 2)).toEqual([
      ACTIONS.momentAddLesson,
      ACTIONS.momentResolve,
    ]);
    // Zoé reads French.
    expect(confirmation?.args.text).toContain('La réclamation est notée');
    expect(JSON.stringify(confirmation?.args.blocks)).toContain(
      'Retirez-la dans les 10 minutes pour annuler',
    );
    expect(t.emulator.callsTo('chat.postMessage')).toEqual([]);
  });

  it('reads a thread reply with conversations.replies', async ({ t }) => {
    const parent = say('Customer asks where their parcel is.');
    const reply = say(`<@${OLLY}> tracked it down and drove it over himself.`, SAM, { thread_ts: parent });
    say('Unrelated later reply.', ZOE, { thread_ts: parent });
    await react({ ts: reply });
    const [row] = await rows();
    expect(row?.story).toBe(`<@${OLLY}> tracked it down and drove it over himself.`);
    expect(row?.sourceTs).toBe(reply);
    expect(await colleaguesOf(row?.id ?? '')).toEqual([OLLY]);
    expect(t.emulator.callsTo('conversations.replies')[0]?.args).toMatchObject({
      channel: SUPPORT,
      ts: reply,
    });
  });

  it('makes one moment of several reactions: later reactors second it, on the message or on the recognition post', async ({
    t,
  }) => {
    await setRecognitionChannel();
    const ts = say(`<@${ZOE}> stayed on the phone until the customer’s order was fixed.`);
    await react({ ts });
    const post = await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === KUDOS);
    t.emulator.reset();

    await react({ ts, userId: OLLY });
    await react({ ts: post.response.ts, channelId: KUDOS, userId: ADMIN });
    expect(await rows()).toHaveLength(1);
    const [row] = await rows();
    expect((await seconders()).map((s) => s.userId).sort()).toEqual([ADMIN, OLLY].sort());
    expect((await seconders()).every((s) => s.momentId === row?.id)).toBe(true);
    // No second DM, no second recognition post, no second read of the message.
    expect(t.emulator.callsTo('chat.postMessage')).toEqual([]);
    expect(t.emulator.callsTo('conversations.history')).toEqual([]);
    expect(ephemeralsTo(OLLY)[0]?.args.text).toBe(
      `:raised_hands: You second this praise, first logged by <@${ANA}>. Thank you for recognising it too.`,
    );

    // The praised colleague and the author cannot second their own story; a second time changes nothing.
    await react({ ts, userId: ZOE });
    await react({ ts, userId: ANA });
    await react({ ts, userId: OLLY });
    expect(await seconders()).toHaveLength(2);

    // The digest says how many seconded the story, and ranks it above a newer unseconded one.
    t.clock.advance(60_000);
    await t.bot.deps.moments.log(
      TEST_TEAM,
      OLLY,
      {
        kind: 'praise',
        colleagueIds: [SAM],
        story: 'Sam answered a customer at midnight.',
        customerType: 'external',
        touchpoint: 'chat',
        impact: 'small',
      },
      { source: 'command' },
      t.clock.now(),
    );
    await t.driver.command({ command: '/digest', text: 'preview', userId: ANA });
    const digest = JSON.stringify((await t.emulator.waitForResponse()).body.blocks);
    expect(digest).toContain('seconded by 2 colleagues');
    expect(digest.indexOf('stayed on the phone')).toBeLessThan(
      digest.indexOf('answered a customer at midnight'),
    );

    // Erasing a person takes their seconding away too.
    expect((await t.bot.deps.privacy.erase(TEST_TEAM, ADMIN, ADMIN)).ok).toBe(true);
    expect((await seconders()).map((s) => s.userId)).toEqual([OLLY]);
  });

  it('stores one moment when Slack delivers the same reaction twice', async () => {
    const ts = say(`<@${ZOE}> sent the customer a handwritten card.`);
    const first = await react({ ts });
    const eventId = first.sent.event_id as string;
    await react({ ts }, { eventId, retryNum: 1, retryReason: 'http_timeout' });
    expect(await rows()).toHaveLength(1);
    expect(dmsTo(ZOE)).toHaveLength(1);
    expect(ephemeralsTo(ANA)).toHaveLength(1);
    // A new delivery of the same reaction (another event id) changes nothing either.
    await react({ ts });
    expect(await rows()).toHaveLength(1);
    expect(dmsTo(ZOE)).toHaveLength(1);
  });

  it('undoes within ten minutes when the author removes the reaction, and changes nothing later', async ({
    t,
  }) => {
    await setRecognitionChannel();
    const ts = say(`<@${ZOE}> found a replacement part the same day.`);
    await react({ ts });
    await react({ ts, userId: OLLY });
    const post = await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === KUDOS);

    // A seconder's removal takes the seconding back.
    t.clock.advance(60_000);
    await unreact({ ts, userId: OLLY });
    expect(await seconders()).toEqual([]);
    expect(await rows()).toHaveLength(1);

    // The author's removal inside the window deletes the moment and its recognition post.
    t.clock.advance(TEN_MINUTES - 2 * 60_000);
    await unreact({ ts });
    expect(await rows()).toEqual([]);
    expect(t.emulator.callsTo('chat.delete').map((c) => c.args.ts)).toEqual([post.response.ts]);
    expect(ephemeralsTo(ANA).at(-1)?.args.text).toBe(
      'You removed your reaction: the moment and its story are deleted.',
    );

    // Added again: one moment, logged anew.
    await react({ ts });
    expect(await rows()).toHaveLength(1);

    // Outside the window the removal changes nothing, and adding again makes no second moment.
    t.clock.advance(TEN_MINUTES + 1_000);
    const before = t.emulator.calls.length;
    await unreact({ ts });
    await react({ ts });
    expect(await rows()).toHaveLength(1);
    expect(t.emulator.calls.slice(before).filter((c) => c.method.startsWith('chat.'))).toEqual([]);
  });

  it('offers the form for a message without text, and the moment then keeps the permalink', async ({ t }) => {
    const ts = t.emulator.seedMessage({
      channel: SUPPORT,
      user: SAM,
      text: '',
      files: [{ id: 'F1', name: 'thank-you-card.jpg' }],
    });
    await react({ ts });
    expect(await rows()).toEqual([]);
    const [offer] = ephemeralsTo(ANA);
    expect(offer?.args.text).toContain('That message has no text (a file or an image alone)');
    const button = offer?.args.blocks.find((b: { type: string }) => b.type === 'actions').elements[0];
    expect(button.action_id).toBe(ACTIONS.reactionOpenForm);

    await t.driver.blockAction({ userId: ANA, actionId: ACTIONS.reactionOpenForm, channelId: SUPPORT });
    const opened = await t.emulator.waitFor('views.open');
    expect(opened.ok).toBe(true);
    expect(opened.args.view.callback_id).toBe(VIEWS.momentModal);
    expect(JSON.stringify(opened.args.view)).toContain(SAM);

    await t.driver.viewSubmission({
      userId: ANA,
      callbackId: VIEWS.momentModal,
      values: momentModalValues({
        kind: 'praise',
        colleagues: [SAM],
        story: 'Sam made a thank-you card for a customer who waited.',
      }),
    });
    expect(await t.bot.whenIdle()).toBe(true);
    const [row] = await rows();
    expect(row).toMatchObject({
      source: 'modal',
      channelId: SUPPORT,
      sourceTs: ts,
      permalink: `https://emulated.slack.com/archives/${SUPPORT}/p${ts.replace('.', '')}`,
    });
    // A later reaction on the same message seconds that moment.
    await react({ ts, userId: OLLY });
    expect(await rows()).toHaveLength(1);
    expect((await seconders()).map((s) => s.userId)).toEqual([OLLY]);
  });

  it('cuts a story over 3000 characters at a word boundary, keeps the permalink and says so', async () => {
    const text = `<@${ZOE}> ${'listened patiently to the customer '.repeat(100)}END`;
    const ts = say(text);
    await react({ ts });
    const [row] = await rows();
    expect(row?.story.length).toBeLessThanOrEqual(3000);
    expect(row?.story.endsWith('…')).toBe(true);
    // Cut between two words: what is kept is the start of the message, and a space followed it.
    const kept = row?.story.slice(0, -1) ?? '';
    expect(text.startsWith(kept)).toBe(true);
    expect(text[kept.length]).toBe(' ');
    expect(row?.permalink).toContain(ts.replace('.', ''));
    expect(JSON.stringify(ephemeralsTo(ANA)[0]?.args.blocks)).toContain(
      'The message is longer than 3000 characters',
    );
  });

  it('stores @channel, @here and group mentions as written and never re-posts them live', async ({ t }) => {
    await setRecognitionChannel();
    const text = `<!channel> <!here> <!subteam^S1|@support> <@${ZOE}> saved the day and @everyone cheered`;
    const ts = say(text);
    await react({ ts });
    expect((await rows())[0]?.story).toBe(text);
    const outgoing = JSON.stringify([
      ...t.emulator.callsTo('chat.postMessage').map((c) => c.args),
      ...t.emulator.callsTo('chat.postEphemeral').map((c) => c.args),
    ]);
    expect(t.emulator.callsTo('chat.postMessage').length).toBe(2);
    expect(outgoing).not.toMatch(/<!(channel|here|everyone|subteam)/);
    expect(outgoing).not.toMatch(/@(channel|here|everyone|support)\b/);
    expect(outgoing).toContain(`@${WJ}channel`);
  });

  it('waits out a 429 on conversations.history and logs the moment', async ({ t }) => {
    const ts = say(`<@${ZOE}> answered the customer on a Sunday.`);
    t.emulator.failNext('conversations.history', { status: 429, retryAfter: 1 });
    await react({ ts });
    const reads = t.emulator.callsTo('conversations.history');
    expect(reads.map((c) => c.status)).toEqual([429, 200]);
    expect(await rows()).toHaveLength(1);
    expect(dmsTo(ZOE)).toHaveLength(1);
  });

  it('tells the reactor when Slack fails to give the message, and keeps serving', async ({ t }) => {
    const ts = say(`<@${ZOE}> rebooked the customer’s trip for free.`);
    t.emulator.failNext('conversations.history', { error: 'internal_error' });
    await react({ ts });
    expect(await rows()).toEqual([]);
    expect(ephemeralsTo(ANA)[0]?.args.text).toBe(
      'I could not read that message from Slack, so your :star2: logged nothing. ' +
        'Remove the reaction and add it again in a moment.',
    );
    // Still up: the same reaction again works.
    await react({ ts });
    expect(await rows()).toHaveLength(1);
  });

  it('ignores other emoji, bots’ messages, DMs and reactors Slack does not know, without a word', async ({
    t,
  }) => {
    const logsBefore = t.logs.length;
    const ts = say(`<@${ZOE}> was great with the customer.`);
    const botTs = t.emulator.seedMessage({
      channel: SUPPORT,
      user: ROBOT,
      bot_id: 'B0OTHER',
      text: `Deploy finished <@${ZOE}>`,
    });
    await react({ ts, reaction: 'thumbsup' });
    await react({ ts: botTs });
    await react({ ts, channelId: `D${SAM}` });
    await react({ ts, userId: 'UGHOST' });
    await react({ ts, userId: ROBOT });
    expect(await rows()).toEqual([]);
    expect(t.emulator.calls.filter((c) => c.method.startsWith('chat.'))).toEqual([]);
    expect(t.logs.slice(logsBefore).filter((l) => (l.level as number) >= 40)).toEqual([]);
  });

  it('lets admins choose the two emoji (with or without colons), and refuses others and mistakes', async ({
    t,
  }) => {
    const culture = async (text: string, userId = ADMIN) => {
      const before = t.emulator.responses.length;
      await t.driver.command({ command: '/culture', text, userId });
      return (await t.emulator.waitForResponse((r) => t.emulator.responses.indexOf(r) >= before)).body.text;
    };
    expect(await culture('reactions', ANA)).toBe(
      'Reacting with :star2: (`star2`) logs a praise, with :bulb: (`bulb`) a complaint to learn from.',
    );
    expect(await culture('reactions praise :clap:', ANA)).toBe('Sorry, only admins can do that.');
    expect(await culture('reactions praise clap complaint clap')).toBe(
      'Praise and complaints need two different emoji.',
    );
    expect(await culture('reactions praise <!channel>')).toContain('That is not an emoji name');
    expect(await culture('reactions star2')).toContain(
      'Usage: `/culture reactions praise <emoji> complaint <emoji>`',
    );
    expect(await culture('reactions praise :clap: complaint :Thinking_Face:')).toContain(
      'From now on :clap: logs a praise and :thinking_face: a complaint',
    );
    expect(await t.bot.deps.reactionSettings.get(TEST_TEAM)).toEqual({
      praise: 'clap',
      complaint: 'thinking_face',
    });
    // An admin's change is audited, with the emoji before and after.
    const trail = await t.bot.deps.privacy.auditTrail(TEST_TEAM, ADMIN);
    expect(trail.ok && trail.value.find((e) => e.target === 'reactionEmoji')).toMatchObject({
      actorId: ADMIN,
      action: 'setting_changed',
      details: {
        from: JSON.stringify({ praise: 'star2', complaint: 'bulb' }),
        to: JSON.stringify({ praise: 'clap', complaint: 'thinking_face' }),
      },
    });

    const ts = say(`<@${ZOE}> kept her promise to the customer.`);
    await react({ ts }); // star2 no longer means anything
    expect(await rows()).toEqual([]);
    await react({ ts, reaction: 'clap::skin-tone-3' });
    expect((await rows())[0]?.kind).toBe('praise');

    // /culture help names the emoji and says to invite the bot.
    const help = await culture('help', ANA);
    expect(help).toBeDefined();
    const helpBody = JSON.stringify(t.emulator.responses.at(-1)?.body.blocks);
    expect(helpBody).toContain(':clap:');
    expect(helpBody).toContain('/invite @culture');
  });
});

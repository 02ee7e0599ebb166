import { eq } from 'drizzle-orm';
import { expect, vi } from 'vitest';
import { momentColleagues, moments } from '../../src/db/schema.js';
import { ACTIONS, SHORTCUTS, VIEWS } from '../../src/slack/ids.js';
import { AFTER_ACK_TURNS } from '../../src/slack/request-guard.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { lessonModalValues, momentModalValues } from '../support/moment-values.js';
import { TEST_TEAM } from '../support/test-bot.js';

const AUTHOR = 'UAUTHOR';
const SAM = 'USAM';
const ZOE = 'UZOE'; // speaks French
const ADMIN = 'UADMIN';
const OTHER = 'UOTHER';
const ROBOT = 'UROBOT';
const RECOGNITION = 'CKUDOS';
const STORY = 'Sam stayed late to rebuild a customer’s order after the courier lost it. #surprise';
const WJ = '\u2060';

describeEachDatabase('customer moments', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: AUTHOR, name: 'ana', locale: 'en-US' });
      t.emulator.addUser({ id: SAM, name: 'sam', locale: 'en-GB' });
      t.emulator.addUser({ id: ZOE, name: 'zoe', locale: 'fr-FR' });
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
      t.emulator.addUser({ id: OTHER, name: 'olly', locale: 'en-US' });
      t.emulator.addUser({ id: ROBOT, name: 'robot', is_bot: true });
      t.emulator.addChannel({ id: RECOGNITION, name: 'kudos' });
    },
  });

  const rows = () => db().db.select().from(moments);
  const colleagueRows = (momentId: string) =>
    db().db.select().from(momentColleagues).where(eq(momentColleagues.momentId, momentId));
  const dmsTo = (user: string) =>
    suiteBot()
      .emulator.callsTo('chat.postMessage')
      .filter((c) => c.args.channel === user);
  const setRecognitionChannel = () =>
    suiteBot().bot.deps.workspaces.updateSettings(TEST_TEAM, { recognitionChannelId: RECOGNITION });

  async function praise(text: string, userId = AUTHOR) {
    const t = suiteBot();
    const before = t.emulator.responses.length;
    const res = await t.driver.command({ command: '/praise', text, userId });
    expect(res.status).toBe(200);
    return t.emulator.waitForResponse((r) => t.emulator.responses.indexOf(r) >= before);
  }

  it('logs /praise for several colleagues, confirms with buttons and DMs each in their language', async ({
    t,
  }) => {
    await setRecognitionChannel();
    const reply = await praise(`<@${SAM}|sam> <@${ZOE}> ${STORY}`);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.text).toContain(`<@${SAM}> and <@${ZOE}>`);
    const buttons = reply.body.blocks.find((b: { type: string }) => b.type === 'actions').elements;
    expect(buttons.map((b: { action_id: string }) => b.action_id)).toEqual([
      ACTIONS.momentAddDetails,
      ACTIONS.momentUndo,
    ]);

    const [row] = await rows();
    expect(row).toMatchObject({
      kind: 'praise',
      authorId: AUTHOR,
      customerType: 'external',
      touchpoint: 'other',
      impact: 'small',
      story: STORY,
      source: 'command',
      channelId: 'C0GENERAL',
    });
    expect((await t.bot.deps.moments.get(TEST_TEAM, row?.id ?? ''))?.standards).toEqual(['surprise']);
    expect((await colleagueRows(row?.id ?? '')).map((c) => c.userId).sort()).toEqual([SAM, ZOE].sort());
    expect(buttons[0].value).toBe(row?.id);

    await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === RECOGNITION);
    await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === ZOE);
    expect(dmsTo(SAM)[0]?.args.text).toBe(
      `:tada: <@${AUTHOR}> logged a praise story about you: you delighted a customer!`,
    );
    expect(dmsTo(ZOE)[0]?.args.text).toBe(
      `:tada: <@${AUTHOR}> a noté un éloge à votre sujet : vous avez ravi un client !`,
    );
    const post = t.emulator.callsTo('chat.postMessage').find((c) => c.args.channel === RECOGNITION);
    expect(post?.args.text).toContain(`<@${AUTHOR}> recognises <@${SAM}> and <@${ZOE}>`);
    await vi.waitFor(async () => expect((await rows())[0]?.recognitionTs).toBe(post?.response.ts));
  });

  it('neutralises @channel, @here and group mentions in every re-posted story', async ({ t }) => {
    await setRecognitionChannel();
    await praise(`<@${SAM}> saved the day <!channel> <!here> <!subteam^S1|@support> and @everyone cheered`);
    await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === RECOGNITION);
    await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === SAM);
    const outgoing = JSON.stringify([
      ...t.emulator.callsTo('chat.postMessage').map((c) => c.args),
      ...t.emulator.responses.map((r) => r.body),
    ]);
    expect(outgoing).not.toMatch(/<!(channel|here|everyone|subteam)/);
    expect(outgoing).not.toMatch(/@(channel|here|everyone|support)\b/);
    expect(outgoing).toContain(`@${WJ}channel`);
    expect(outgoing).toContain(`<@${SAM}>`);
  });

  it('opens the modal prefilled when /praise names nobody or only its author', async ({ t }) => {
    for (const text of [STORY, `<@${AUTHOR}> ${STORY}`]) {
      t.emulator.reset();
      await t.driver.command({ command: '/praise', text, userId: AUTHOR });
      const opened = await t.emulator.waitFor('views.open');
      expect(opened.ok).toBe(true);
      expect(opened.args.view.callback_id).toBe(VIEWS.momentModal);
      expect(JSON.stringify(opened.args.view)).toContain('Sam stayed late');
    }
    expect(await rows()).toEqual([]);
  });

  it('refuses a bot or an unknown colleague, giving the text back, and stores nothing', async () => {
    const botReply = await praise(`<@${ROBOT}> ${STORY}`);
    expect(botReply.body.text).toBe(`<@${ROBOT}> is a bot. Name the people who helped the customer.`);
    expect(JSON.stringify(botReply.body.blocks)).toContain('Sam stayed late');
    const unknown = await praise(`<@UGHOST> ${STORY}`);
    expect(unknown.body.text).toContain('can’t find <@UGHOST>');
    expect(await rows()).toEqual([]);
  });

  it('refuses a too short or too long story and more than ten colleagues, returning every character typed', async () => {
    const short = await praise(`<@${SAM}> great`);
    expect(short.body.text).toBe('Tell the story in at least 10 characters so colleagues can learn from it.');
    expect(JSON.stringify(short.body.blocks)).toContain('great');

    const long = `<@${SAM}> ${'x'.repeat(3001)}END`;
    const tooLong = await praise(long);
    expect(tooLong.body.text).toBe(
      'The story is 3004 characters long; the limit is 3000. Shorten it and send it again.',
    );
    const echoed = tooLong.body.blocks
      .slice(2)
      .map((b: { text: { text: string } }) => b.text.text.replace(/```/g, ''))
      .join('');
    expect(echoed).toBe(long.replace(`<@${SAM}>`, `<@${SAM}>`));

    const eleven = Array.from({ length: 11 }, (_, i) => `<@U${i}X>`).join(' ');
    const many = await praise(`${eleven} ${STORY}`);
    expect(many.body.text).toBe('You can name at most 10 colleagues in one moment.');
    expect(await rows()).toEqual([]);
  });

  it('stores a slash command delivered twice only once', async ({ t }) => {
    const first = await t.driver.command({ command: '/praise', text: `<@${SAM}> ${STORY}`, userId: AUTHOR });
    await t.emulator.waitForResponse();
    const body = new URLSearchParams(first.sent as Record<string, string>).toString();
    const again = await t.driver.post(body, 'application/x-www-form-urlencoded');
    expect(again.status).toBe(200);
    // Within the same second the bytes and signature are the same: a replay, dropped after the
    // ack. A second later it is a new request, which the trigger id makes a no-op.
    expect(await t.bot.whenIdle()).toBe(true);
    expect(await rows()).toHaveLength(1);
    expect(dmsTo(SAM)).toHaveLength(1);
  });

  it('logs /complaint with its author following up, DMs the colleagues asked to help, and follows up', async ({
    t,
  }) => {
    const res = await t.driver.command({
      command: '/complaint',
      text: `A customer waited two days for a refund; <@${SAM}> can help us fix the process.`,
      userId: AUTHOR,
    });
    const reply = await t.emulator.waitForResponse();
    expect(res.status).toBe(200);
    expect(reply.body.text).toContain('without blame');
    const [row] = await rows();
    expect(row).toMatchObject({ kind: 'complaint', followUpUserId: AUTHOR, status: 'open', impact: 'small' });
    await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === SAM);
    expect(dmsTo(SAM)[0]?.args.text).toContain('never about blame');

    // A stranger may not resolve it.
    await t.driver.blockAction({ userId: OTHER, actionId: ACTIONS.momentResolve, value: row?.id });
    expect((await t.emulator.waitForResponse((r) => r.body.text?.startsWith('Only'))).body.text).toBe(
      'Only the author, the follow-up owner or an admin can do that.',
    );

    // The author adds the lesson and resolves it in the same modal.
    await t.driver.blockAction({ userId: AUTHOR, actionId: ACTIONS.momentAddLesson, value: row?.id });
    const lessonModal = await t.emulator.waitFor('views.open');
    expect(lessonModal.args.view.callback_id).toBe(VIEWS.momentLesson);
    const short = await t.driver.viewSubmission({
      userId: AUTHOR,
      callbackId: VIEWS.momentLesson,
      values: lessonModalValues('too short'),
    });
    expect(short.json()).toMatchObject({ response_action: 'errors' });
    const ok = await t.driver.viewSubmission({
      userId: AUTHOR,
      callbackId: VIEWS.momentLesson,
      values: lessonModalValues('Refunds are now approved the same day by the team lead. #same-day', true),
    });
    expect(ok.status).toBe(200);
    await t.emulator.waitFor('chat.postEphemeral', (c) => String(c.args.text).includes('Lesson saved'));
    const [after] = await rows();
    expect(after).toMatchObject({ status: 'resolved' });
    expect((await t.bot.deps.moments.get(TEST_TEAM, row?.id ?? ''))?.standards).toEqual(['same-day']);
    expect(after?.lesson).toContain('same day');
    expect(after?.resolvedAt).toBeInstanceOf(Date);
  });

  it('lets an admin mark a complaint resolved from its confirmation', async ({ t }) => {
    await t.driver.command({
      command: '/complaint',
      text: 'The phone line rang for ten minutes.',
      userId: AUTHOR,
    });
    await t.emulator.waitForResponse();
    const [row] = await rows();
    await t.driver.blockAction({ userId: ADMIN, actionId: ACTIONS.momentResolve, value: row?.id });
    await t.emulator.waitForResponse((r) => r.body.text?.includes('Marked resolved'));
    expect((await rows())[0]?.status).toBe('resolved');
  });

  it('opens /moment, refuses bad fields under each field, and stores a valid submission once', async ({
    t,
  }) => {
    await t.driver.command({ command: '/moment', text: '', userId: ZOE, channelId: 'C0SUPPORT' });
    const opened = await t.emulator.waitFor('views.open');
    expect(opened.args.view.title.text).toBe('Moment client');

    const bad = await t.driver.viewSubmission({
      userId: ZOE,
      callbackId: VIEWS.momentModal,
      values: momentModalValues({ kind: 'praise', story: 'short', colleagues: [] }),
    });
    expect(bad.json()).toEqual({
      response_action: 'errors',
      errors: {
        moment_story:
          'Racontez l’histoire en au moins 10 caractères pour que vos collègues puissent en tirer parti.',
      },
    });
    const noColleague = await t.driver.viewSubmission({
      userId: ZOE,
      callbackId: VIEWS.momentModal,
      values: momentModalValues({ kind: 'praise', story: STORY, colleagues: [ZOE] }),
    });
    expect(noColleague.json().errors.moment_colleagues).toBe(
      'Un éloge nomme au moins un·e collègue (pas vous-même).',
    );

    const values = momentModalValues({
      kind: 'praise',
      story: STORY,
      colleagues: [SAM],
      customerType: 'internal',
      touchpoint: 'phone',
      impact: 'big',
    });
    const first = await t.driver.viewSubmission({ userId: ZOE, callbackId: VIEWS.momentModal, values });
    const second = await t.driver.viewSubmission({ userId: ZOE, callbackId: VIEWS.momentModal, values });
    expect([first.status, second.status]).toEqual([200, 200]);
    await t.emulator.waitFor('chat.postEphemeral', (c) => c.args.user === ZOE);
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      kind: 'praise',
      customerType: 'internal',
      touchpoint: 'phone',
      impact: 'big',
      source: 'modal',
      channelId: 'C0SUPPORT',
    });
    const confirmation = t.emulator.callsTo('chat.postEphemeral').find((c) => c.args.user === ZOE);
    expect(confirmation?.args.text).toContain('Merci');
  });

  it('turns a message into a moment with the shortcut, keeping its permalink', async ({ t }) => {
    await t.driver.shortcut({
      userId: AUTHOR,
      callbackId: SHORTCUTS.logMoment,
      channelId: 'C0SUPPORT',
      message: {
        ts: '1700000000.000200',
        text: 'Customer e-mail: thank you Sam, you saved our launch!',
        user: OTHER,
      },
    });
    const opened = await t.emulator.waitFor('views.open');
    expect(JSON.stringify(opened.args.view)).toContain('you saved our launch');
    await t.driver.viewSubmission({
      userId: AUTHOR,
      callbackId: VIEWS.momentModal,
      values: momentModalValues({
        kind: 'praise',
        story: 'Customer e-mail: thank you Sam, you saved our launch!',
        colleagues: [SAM],
        touchpoint: 'email',
      }),
    });
    await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === SAM);
    const [row] = await rows();
    expect(row).toMatchObject({
      source: 'shortcut',
      touchpoint: 'email',
      permalink: 'https://emulated.slack.com/archives/C0SUPPORT/p1700000000000200',
    });
    expect(JSON.stringify(dmsTo(SAM)[0]?.args.blocks)).toContain(row?.permalink);
  });

  it('lets the author add details (edit), updating the recognition post, and refuses others', async ({
    t,
  }) => {
    await setRecognitionChannel();
    await praise(`<@${SAM}> ${STORY}`);
    await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === RECOGNITION);
    await vi.waitFor(async () => expect((await rows())[0]?.recognitionTs).toBeTruthy());
    const [row] = await rows();

    await t.driver.blockAction({ userId: OTHER, actionId: ACTIONS.momentAddDetails, value: row?.id });
    expect((await t.emulator.waitForResponse((r) => r.body.text?.startsWith('Only'))).body.text).toBe(
      'Only the author can edit this moment.',
    );

    await t.driver.blockAction({ userId: AUTHOR, actionId: ACTIONS.momentAddDetails, value: row?.id });
    const opened = await t.emulator.waitFor('views.open');
    expect(opened.args.view.title.text).toBe('Edit moment');
    expect(JSON.stringify(opened.args.view)).toContain('Sam stayed late');
    await t.driver.viewSubmission({
      userId: AUTHOR,
      callbackId: VIEWS.momentModal,
      values: momentModalValues({
        kind: 'praise',
        story: `${STORY} The customer wrote back to thank us.`,
        colleagues: [SAM, ZOE],
        touchpoint: 'store',
        impact: 'big',
      }),
    });
    const update = await t.emulator.waitFor('chat.update');
    expect(update.args.ts).toBe(row?.recognitionTs);
    expect(update.args.text).toContain(`<@${SAM}> and <@${ZOE}>`);
    const [after] = await rows();
    expect(after).toMatchObject({ touchpoint: 'store', impact: 'big', id: row?.id });
    expect((await colleagueRows(row?.id ?? '')).map((c) => c.userId).sort()).toEqual([SAM, ZOE].sort());
  });

  it('undoes a praise for good: the row, its story and its recognition post go', async ({ t }) => {
    await setRecognitionChannel();
    await praise(`<@${SAM}> ${STORY}`);
    await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === RECOGNITION);
    await vi.waitFor(async () => expect((await rows())[0]?.recognitionTs).toBeTruthy());
    const [row] = await rows();
    await t.driver.blockAction({ userId: AUTHOR, actionId: ACTIONS.momentUndo, value: row?.id });
    const replaced = await t.emulator.waitForResponse((r) => r.body.replace_original === true);
    expect(replaced.body.text).toBe('Undone: the moment and its story are deleted.');
    const deleted = await t.emulator.waitFor('chat.delete');
    expect(deleted.args).toMatchObject({ channel: RECOGNITION, ts: row?.recognitionTs });
    expect(await rows()).toEqual([]);
    expect(await colleagueRows(row?.id ?? '')).toEqual([]);
  });

  it('lets an admin delete any moment from the recognition post, but not another member', async ({ t }) => {
    await setRecognitionChannel();
    await praise(`<@${SAM}> ${STORY}`);
    const post = await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === RECOGNITION);
    const [row] = await rows();

    await t.driver.blockAction({
      userId: OTHER,
      actionId: ACTIONS.momentManage,
      channelId: RECOGNITION,
      messageTs: post.response.ts,
      selectedOption: { value: `delete:${row?.id}` },
    });
    expect((await t.emulator.waitForResponse((r) => r.body.text?.startsWith('Only'))).body.text).toBe(
      'Only the author or an admin can delete this moment.',
    );
    expect(await rows()).toHaveLength(1);

    await t.driver.blockAction({
      userId: ADMIN,
      actionId: ACTIONS.momentManage,
      channelId: RECOGNITION,
      messageTs: post.response.ts,
      selectedOption: { value: `delete:${row?.id}` },
    });
    await t.emulator.waitForResponse((r) => r.body.text === 'Deleted for good, story included.');
    expect(t.emulator.callsTo('chat.delete')).toHaveLength(1);
    expect(await rows()).toEqual([]);
  });

  it('refuses a forged button value without touching anything', async ({ t }) => {
    await t.driver.blockAction({
      userId: AUTHOR,
      actionId: ACTIONS.momentUndo,
      value: "'; drop table moments;--",
    });
    expect((await t.emulator.waitForResponse()).body.text).toBe(
      'This moment no longer exists: it may have been deleted.',
    );
  });

  it('sets the recognition channel (admins only)', async ({ t }) => {
    await t.driver.command({
      command: '/culture',
      text: `channel recognition <#${RECOGNITION}|kudos>`,
      userId: OTHER,
    });
    expect((await t.emulator.waitForResponse()).body.text).toBe('Sorry, only admins can do that.');
    t.emulator.reset();
    await t.driver.command({
      command: '/culture',
      text: `channel recognition <#${RECOGNITION}|kudos>`,
      userId: ADMIN,
    });
    expect((await t.emulator.waitForResponse()).body.text).toContain(`<#${RECOGNITION}>`);
    expect((await t.bot.deps.workspaces.get(TEST_TEAM)).settings.recognitionChannelId).toBe(RECOGNITION);
    t.emulator.reset();
    await t.driver.command({ command: '/culture', text: 'channel recognition off', userId: ADMIN });
    await t.emulator.waitForResponse();
    expect((await t.bot.deps.workspaces.get(TEST_TEAM)).settings.recognitionChannelId).toBeUndefined();
  });

  it('acks a burst of stories at once, and Slack calls that hang do not hold up the others', async ({
    t,
  }) => {
    // Slack holds every DM until released. The work after an ack takes turns (request-guard.ts),
    // but one waiting on Slack gives its turn up: every story of the burst is stored meanwhile.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const burst = AFTER_ACK_TURNS + 2;
    t.emulator.failNext('chat.postMessage', { until: held }, burst);
    const acks = await Promise.all(
      Array.from({ length: burst }, (_, n) =>
        t.driver.command({ command: '/praise', text: `<@${SAM}> ${STORY} (${n + 1})`, userId: AUTHOR }),
      ),
    );
    expect(acks.map((r) => r.status)).toEqual(Array(burst).fill(200));
    await vi.waitFor(async () => expect(await rows()).toHaveLength(burst), { timeout: 10_000 });
    expect(dmsTo(SAM)).toEqual([]);

    release();
    expect(await t.bot.whenIdle(10_000)).toBe(true);
    expect(dmsTo(SAM)).toHaveLength(burst);
  });
});

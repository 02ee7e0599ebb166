import { expect } from 'vitest';
import { mantras, moments, pulseAnswers } from '../../src/db/schema.js';
import { ACTIONS, VIEWS } from '../../src/slack/ids.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { lessonModalValues, momentModalValues } from '../support/moment-values.js';
import { pulseDriver } from '../support/pulse-helpers.js';
import { TEST_TEAM } from '../support/test-bot.js';

const ADMIN = 'UADMIN1';
const AUTHOR = 'UAUTHOR1';
const SAM = 'USAM1';
const FORGED = 'U0BOB><!channel>';
const NUL = '\u0000';

/** Identifiers and text taken from payloads: checked ids, no control characters, nothing lost. */
describeEachDatabase('ids and text from payloads', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
      t.emulator.addUser({ id: AUTHOR, name: 'al', locale: 'en-US' });
      t.emulator.addUser({ id: SAM, name: 'sam', locale: 'en-US' });
      t.emulator.addChannel({ id: 'C0PULSE', name: 'pulse', members: [ADMIN, AUTHOR, SAM] });
    },
  });
  const pulse = pulseDriver(suiteBot, db, 'C0PULSE');

  const storyOf = async () => (await db().db.select().from(moments)).map((m) => m.story);

  it('refuses a follow-up owner that is not a Slack user id, and stores nothing', async ({ t }) => {
    const res = await t.driver.viewSubmission({
      userId: AUTHOR,
      callbackId: VIEWS.momentModal,
      values: momentModalValues({
        kind: 'complaint',
        story: 'A customer waited two days for a refund.',
        followUp: FORGED,
      }),
    });
    expect(res.json()).toMatchObject({ response_action: 'errors' });
    expect(await storyOf()).toEqual([]);
    expect(JSON.stringify(t.emulator.calls)).not.toContain('<!channel>');
  });

  it('refuses requests whose user, team or channel id is not in Slack’s shape', async ({ t }) => {
    const forgedUser = await t.driver.blockAction({
      userId: FORGED,
      actionId: ACTIONS.momentUndo,
      value: 'x',
    });
    expect(forgedUser.status).toBe(400);
    const forgedChannel = await t.driver.command({
      command: '/praise',
      text: `<@${SAM}> stayed late to rebuild an order`,
      userId: AUTHOR,
      channelId: 'C1><!here>',
    });
    expect(forgedChannel.status).toBe(400);
    expect(await storyOf()).toEqual([]);
  });

  it('never renders a stored id that is not an id as a mention', async ({ t }) => {
    // As a forged payload stored it before ids were checked.
    await db().db.insert(moments).values({
      teamId: TEST_TEAM,
      kind: 'complaint',
      authorId: AUTHOR,
      customerType: 'external',
      touchpoint: 'other',
      impact: 'small',
      story: 'A customer waited two days for a refund.',
      followUpUserId: FORGED,
      source: 'modal',
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    });
    await t.driver.command({ command: '/digest', text: 'preview', userId: AUTHOR });
    const preview = await t.emulator.waitForResponse();
    const text = JSON.stringify(preview.body);
    expect(text).toContain('A customer waited two days');
    expect(text).not.toContain('<!channel>');
  });

  it('removes control characters from a story, a lesson and a mantra line, and keeps the text', async ({
    t,
  }) => {
    await t.driver.viewSubmission({
      userId: AUTHOR,
      callbackId: VIEWS.momentModal,
      values: momentModalValues({
        kind: 'complaint',
        story: `A customer${NUL} waited two days\u0007 for a refund.\nTwo lines\tand a tab.`,
      }),
    });
    expect(await t.bot.whenIdle()).toBe(true);
    expect(await storyOf()).toEqual(['A customer waited two days for a refund.\nTwo lines\tand a tab.']);

    const [row] = await db().db.select().from(moments);
    await t.driver.blockAction({ userId: AUTHOR, actionId: ACTIONS.momentAddLesson, value: row?.id });
    await t.emulator.waitFor('views.open');
    await t.driver.viewSubmission({
      userId: AUTHOR,
      callbackId: VIEWS.momentLesson,
      values: lessonModalValues(`Refunds${NUL} are approved the same day now.`),
    });
    expect(await t.bot.whenIdle()).toBe(true);
    const [after] = await db().db.select().from(moments);
    expect(after?.lesson).toBe('Refunds are approved the same day now.');

    await t.driver.command({ command: '/mantra', text: `add Customers${NUL} first, always.`, userId: ADMIN });
    await t.emulator.waitForResponse();
    const lines = (await db().db.select().from(mantras)).filter((m) => !m.isDefault).map((m) => m.text);
    expect(lines).toEqual(['Customers first, always.']);
  });

  it('keeps a pulse answer that held a NUL character', async () => {
    await pulse.command('start', ADMIN);
    await pulse.answer(SAM, { score: '8', vision: `We know${NUL} why we are here.` });
    const answers = await db().db.select().from(pulseAnswers);
    expect(answers.map((a) => a.vision)).toEqual(['We know why we are here.']);
  });
});

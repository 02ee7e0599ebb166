import { expect } from 'vitest';
import { moments } from '../../src/db/schema.js';
import type { EmulatedResponse } from '../../src/sandbox/slack-emulator.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';

const AUTHOR = 'UAUTHOR';
const SAM = 'USAM';
const tooLate = (command: string) =>
  `The form did not open: Slack gives it 3 seconds and it took longer. Nothing was saved. Run \`${command}\` again; here is what you typed.`;

/**
 * A command that opens a form has 3 seconds (the trigger's life) to do it. When Slack refuses
 * the trigger, or the call reaches Slack too late, the person is told and gets their text back.
 */
describeEachDatabase('a form that cannot open in time', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: AUTHOR, name: 'ana', locale: 'en-US' });
      t.emulator.addUser({ id: SAM, name: 'sam', locale: 'en-US' });
    },
  });

  async function run(command: string, text: string): Promise<EmulatedResponse> {
    const t = suiteBot();
    const res = await t.driver.command({ command, text, userId: AUTHOR });
    expect(res.status).toBe(200);
    // Generous: the answer is checked for what it says, never for how soon it came.
    const reply = await t.emulator.waitForResponse(() => true, 30_000);
    expect(await t.bot.whenIdle(10_000)).toBe(true);
    return reply;
  }

  const shown = (reply: EmulatedResponse) => JSON.stringify(reply.body.blocks);

  it('/praise with no story: Slack answers expired_trigger_id; told, text back', async ({ t }) => {
    t.emulator.failNext('views.open', { error: 'expired_trigger_id' });
    const reply = await run('/praise', `<@${SAM}|sam>`);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', text: tooLate('/praise') });
    expect(shown(reply)).toContain(`<@${SAM}>`);
    expect(t.emulator.modalStack(AUTHOR)).toEqual([]);
  });

  it('/praise with no story: views.open reaches Slack after the trigger died; told, text back', async ({
    t,
  }) => {
    t.emulator.failNext('views.open', { delayMs: 6_000 });
    // A story but no colleague: the form opens to ask who.
    const story = 'A customer was thrilled that the refund arrived the same afternoon';
    const reply = await run('/praise', story);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', text: tooLate('/praise') });
    expect(shown(reply)).toContain(story);
    // Slack's own answer, when it came: the trigger had expired, and no form is open.
    const call = await t.emulator.waitFor('views.open', () => true, 30_000);
    expect(call.error).toBe('expired_trigger_id');
    expect(t.emulator.modalStack(AUTHOR)).toEqual([]);
    expect(await db().db.select().from(moments)).toEqual([]);
    // Slack refused the late call, as it should; the suite's after-check wants no refusal left.
    expect(t.emulator.rejections.map((r) => r.error)).toEqual(['expired_trigger_id']);
    t.emulator.reset();
  });

  it('/moment with a story: views.open too slow; told, story back', async ({ t }) => {
    t.emulator.failNext('views.open', { delayMs: 6_000 });
    const story = 'A customer waited on hold for forty minutes before anyone picked up';
    const reply = await run('/moment', story);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', text: tooLate('/moment') });
    expect(shown(reply)).toContain(story);
    await t.emulator.waitFor('views.open', () => true, 30_000);
    // Slack refused the late call, as it should; the suite's after-check wants no refusal left.
    expect(t.emulator.rejections.map((r) => r.error)).toEqual(['expired_trigger_id']);
    t.emulator.reset();
  });

  it('a form that opens in time says nothing more', async ({ t }) => {
    await t.driver.command({ command: '/praise', text: `<@${SAM}|sam>`, userId: AUTHOR });
    const call = await t.emulator.waitFor('views.open', () => true, 30_000);
    expect(call.ok).toBe(true);
    expect(await t.bot.whenIdle(10_000)).toBe(true);
    expect(t.emulator.responses).toEqual([]);
  });
});

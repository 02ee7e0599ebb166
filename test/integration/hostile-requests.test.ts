import { expect } from 'vitest';
import { signSlackRequest } from '../../src/sandbox/slack-driver.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';

const MEMBER = 'UMEMBER1';
const FORM = 'application/x-www-form-urlencoded';

/** Requests Slack never sends, correctly signed or not: each is answered, none ends the process. */
describeEachDatabase('hostile requests', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: MEMBER, name: 'max', locale: 'en-GB' });
    },
  });

  async function stillServes() {
    const t = suiteBot();
    const res = await t.driver.command({ command: '/culture', text: 'help', userId: MEMBER });
    expect(res.status).toBe(200);
    await t.emulator.waitForResponse();
  }

  it('answers 400 to signed bodies that are not an object, and keeps serving', async ({ t }) => {
    const bodies: [string, string][] = [
      ['null', 'application/json'],
      ['[]', 'application/json'],
      ['42', 'application/json'],
      ['"text"', 'application/json'],
      ['{not json', 'application/json'],
      ['payload=null', FORM],
      ['payload=%5B%5D', FORM],
      ['payload=7', FORM],
      ['payload=%7Bbroken', FORM],
    ];
    for (const [body, type] of bodies) {
      const res = await t.driver.post(body, type);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    await stillServes();
  });

  it('refuses signatures dated more than five minutes away in either direction', async ({ t }) => {
    const body = new URLSearchParams({ command: '/culture', text: 'help', user_id: MEMBER }).toString();
    const now = Math.floor(Date.now() / 1000);
    for (const offset of [6 * 60, 3600, 365 * 24 * 3600, -6 * 60, -3600]) {
      const res = await t.driver.post(body, FORM, { timestampSec: now + offset });
      expect({ offset, status: res.status }).toEqual({ offset, status: 401 });
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(t.emulator.responses).toEqual([]);
  });

  it('counts unsigned requests and logs one summary a minute instead of a line each', async ({ t }) => {
    const summaries = () => t.logs.filter((l) => l.msg === 'refused requests that were not signed by Slack');
    const body = new URLSearchParams({ command: '/culture', text: 'help', user_id: MEMBER }).toString();
    // A new minute: this refusal is logged at once, with whatever earlier tests left counted.
    t.clock.advance(61_000);
    expect((await t.driver.raw(body, { 'content-type': FORM })).status).toBe(401);
    const before = summaries().length;
    for (let i = 0; i < 40; i += 1) {
      const res = await t.driver.raw(body, { 'content-type': FORM });
      expect(res.status).toBe(401);
    }
    const forged = await t.driver.raw(body, {
      'content-type': FORM,
      ...signSlackRequest('not-the-secret', body, Math.floor(Date.now() / 1000)),
    });
    expect(forged.status).toBe(401);
    // Within the minute, nothing more is logged: not a summary, not Bolt's line per request.
    expect(summaries().slice(before)).toEqual([]);
    expect(t.logs.filter((l) => String(l.msg).includes('Failed to parse and verify'))).toEqual([]);

    t.clock.advance(61_000);
    await t.driver.raw(body, { 'content-type': FORM });
    expect(summaries().slice(before)).toMatchObject([
      { refused: 42, reasons: { unsigned: 41, bad_signature: 1 } },
    ]);
  });

  it('answers a block action without a user plainly, not with a 500', async ({ t }) => {
    const res = await t.driver.interact({
      type: 'block_actions',
      actions: [{ action_id: 'moment_undo', block_id: 'b', type: 'button', value: 'x' }],
      trigger_id: t.emulator.issueTriggerId(),
    });
    expect(res.status).toBe(400);
  });

  it('answers a view submission with no state, or an unknown callback, at once', async ({ t }) => {
    const user = { id: MEMBER, username: 'max', name: 'max', team_id: 'T0TEST' };
    const noState = await t.driver.interact({
      type: 'view_submission',
      user,
      view: { id: 'V1', type: 'modal', callback_id: 'moment_modal', team_id: 'T0TEST', private_metadata: '' },
    });
    expect(noState.status).toBe(400);
    const unknown = await t.driver.interact({
      type: 'view_submission',
      user,
      view: {
        id: 'V2',
        type: 'modal',
        callback_id: 'no_such_view',
        team_id: 'T0TEST',
        private_metadata: '',
        state: { values: {} },
      },
    });
    // Acked as soon as no listener took it; Bolt's own fallback is a 404 after waiting 3 s.
    expect(unknown.status).toBe(200);
  });
});

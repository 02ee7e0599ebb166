import { expect } from 'vitest';
import { mantras, schedules } from '../../src/db/schema.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { TEST_TEAM } from '../support/test-bot.js';

const ADMIN = 'UADMIN1';
const FORM = 'application/x-www-form-urlencoded';

/**
 * A replay: the same signed bytes sent again seconds later (within Slack's five-minute window,
 * so the signature still checks). The first arrival runs; the second is acked and dropped.
 */
describeEachDatabase('replayed requests', (db) => {
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
    },
  });

  /** Sends one slash command twice, byte for byte, and waits until both are handled. */
  async function sendTwice(command: string, text: string, channelId = 'C0GENERAL') {
    const t = suiteBot();
    const body = new URLSearchParams({
      token: 'emulated-verification-token',
      team_id: TEST_TEAM,
      channel_id: channelId,
      user_id: ADMIN,
      command,
      text,
      response_url: t.emulator.responseUrl(),
      trigger_id: t.emulator.issueTriggerId(),
    }).toString();
    const timestampSec = Math.floor(Date.now() / 1000);
    const first = await t.driver.post(body, FORM, { timestampSec });
    expect(await t.bot.whenIdle()).toBe(true);
    const again = await t.driver.post(body, FORM, { timestampSec });
    expect(await t.bot.whenIdle()).toBe(true);
    // Both are acknowledged: Slack (or whoever replays) sees nothing different.
    expect([first.status, again.status]).toEqual([200, 200]);
    // Dropped quietly: not reported as a failure, to the log or to the person.
    expect(t.logs.filter((l) => l.msg === 'listener failed')).toEqual([]);
  }

  it('stores a /mantra add line once', async ({ t }) => {
    await sendTwice('/mantra', 'add We are a service company that happens to sell shoes.');
    const rows = await db().db.select().from(mantras);
    expect(rows.filter((r) => !r.isDefault).map((r) => r.text)).toEqual([
      'We are a service company that happens to sell shoes.',
    ]);
    expect(t.logs.filter((l) => l.msg === 'dropped a replayed Slack request').length).toBeGreaterThan(0);
  });

  it('creates one schedule for a replayed /culture schedule', async () => {
    await sendTwice('/culture', 'schedule digest <#C0FLOOR|floor> "0 9 * * 1" Europe/Paris');
    expect(await db().db.select().from(schedules)).toHaveLength(1);
  });

  it('posts the digest once for a replayed /digest post', async ({ t }) => {
    await sendTwice('/digest', 'post', 'C0DIGEST');
    const posts = t.emulator.calls.filter(
      (c) => c.method === 'chat.postMessage' && c.args.channel === 'C0DIGEST',
    );
    expect(posts).toHaveLength(1);
  });

  it('still runs a command typed twice (two signatures, two requests)', async ({ t }) => {
    await t.driver.command({ command: '/mantra', text: 'add First line of ours.', userId: ADMIN });
    await t.emulator.waitForResponse();
    await t.driver.command({ command: '/mantra', text: 'add Second line of ours.', userId: ADMIN });
    expect(await t.bot.whenIdle()).toBe(true);
    const rows = await db().db.select().from(mantras);
    expect(rows.filter((r) => !r.isDefault)).toHaveLength(2);
  });
});

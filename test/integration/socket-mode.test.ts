import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { executeRows } from '../../src/db/client.js';
import { mantras, moments } from '../../src/db/schema.js';
import { VIEWS } from '../../src/slack/ids.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { momentModalValues } from '../support/moment-values.js';
import { TEST_TEAM } from '../support/test-bot.js';

const ADMIN = 'UADMIN1';
const AUTHOR = 'UAUTHOR1';
const SAM = 'USAM1';

/**
 * The README's quick start: the real bot over Socket Mode. The emulator answers
 * apps.connections.open with its own socket, says hello, delivers envelopes and records acks;
 * the driver's requests travel as envelopes (a rejected deliver means no ack within 3 s).
 */
describeEachDatabase('Socket Mode', (db) => {
  const { it, suiteBot } = botTest(db, {
    start: { socketMode: true },
    setUp(t) {
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
      t.emulator.addUser({ id: AUTHOR, name: 'al', locale: 'en-US' });
      t.emulator.addUser({ id: SAM, name: 'sam', locale: 'en-US' });
    },
  });
  const health = async () => {
    const res = await fetch(`http://127.0.0.1:${suiteBot().bot.port}/healthz`);
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };

  it('opens the connection through SLACK_API_URL and reports it on /healthz', async ({ t }) => {
    expect(t.emulator.socketMode.hellos).toBe(1);
    expect(await health()).toEqual({
      status: 200,
      body: { status: 'ok', database: 'up', slack: 'connected' },
    });
  });

  it('acks a slash command over the socket and answers it', async ({ t }) => {
    const res = await t.driver.command({ command: '/culture', text: 'help', userId: AUTHOR });
    expect(res.status).toBe(200);
    expect((await t.emulator.waitForResponse()).body.text).toBe('Service culture bot: what you can do');
  });

  it('takes a modal submission', async ({ t }) => {
    const res = await t.driver.viewSubmission({
      userId: AUTHOR,
      callbackId: VIEWS.momentModal,
      values: momentModalValues({
        kind: 'praise',
        colleagues: [SAM],
        story: 'Sam rebuilt an order over the phone in ten minutes.',
      }),
    });
    expect(res.body).not.toContain('response_action');
    expect(await t.bot.whenIdle()).toBe(true);
    const rows = await db().db.select().from(moments);
    expect(rows.map((r) => r.story)).toEqual(['Sam rebuilt an order over the phone in ten minutes.']);
    await t.emulator.waitFor('chat.postMessage', (c) => c.args.channel === SAM);
  });

  it('answers a modal with field errors in the ack', async ({ t }) => {
    const res = await t.driver.viewSubmission({
      userId: AUTHOR,
      callbackId: VIEWS.momentModal,
      values: momentModalValues({ kind: 'praise', colleagues: [SAM], story: 'short' }),
    });
    expect(res.json()).toMatchObject({ response_action: 'errors' });
  });

  it('acks an event and records it once', async ({ t }) => {
    await t.driver.event({ type: 'app_home_opened', user: AUTHOR, tab: 'home' }, { eventId: 'EvSOCKET1' });
    // Bolt acks an event before any middleware runs, so the record may land just after the ack.
    const recorded = async () =>
      (
        await executeRows<{ event_id: string }>(
          db().db,
          sql`select event_id from processed_events where team_id = ${TEST_TEAM}`,
        )
      ).map((r) => r.event_id);
    await expect.poll(recorded).toContain('EvSOCKET1');
  });

  it('handles an envelope delivered twice once', async ({ t }) => {
    const first = await t.driver.command({
      command: '/mantra',
      text: 'add Every customer leaves happier.',
      userId: ADMIN,
    });
    expect(await t.bot.whenIdle()).toBe(true);
    const envelope = t.emulator.socketMode.acks.at(-1);
    // Slack redelivers an envelope it did not see acked: same id, same payload.
    await t.emulator.socketMode.deliver('slash_commands', first.sent, { envelopeId: envelope?.envelopeId });
    expect(await t.bot.whenIdle()).toBe(true);
    const rows = (await db().db.select().from(mantras)).filter((m) => !m.isDefault);
    expect(rows.map((r) => r.text)).toEqual(['Every customer leaves happier.']);
    expect(t.emulator.responses).toHaveLength(1);
  });

  it('reconnects after Slack asks for a refresh; /healthz tells connecting from down', async ({ t }) => {
    const hellos = t.emulator.socketMode.hellos;
    t.emulator.socketMode.requestRefresh();
    await expect.poll(() => t.emulator.socketMode.isConnected()).toBe(false);
    expect(await health()).toEqual({
      status: 200,
      body: { status: 'ok', database: 'up', slack: 'connecting' },
    });
    // Down for longer than the grace period (the bot's clock moved a minute on): 503.
    t.clock.advance(61_000);
    expect(await health()).toEqual({
      status: 503,
      body: { status: 'unavailable', database: 'up', slack: 'connecting' },
    });

    await t.emulator.socketMode.waitForConnection(20_000);
    expect(t.emulator.socketMode.hellos).toBe(hellos + 1);
    expect(t.emulator.callsTo('apps.connections.open')).toHaveLength(1);
    await expect.poll(async () => (await health()).status).toBe(200);
    expect((await health()).body.slack).toBe('connected');

    const res = await t.driver.command({ command: '/culture', text: 'help', userId: AUTHOR });
    expect(res.status).toBe(200);
    expect((await t.emulator.waitForResponse()).body.text).toBe('Service culture bot: what you can do');
  }, 40_000);
});

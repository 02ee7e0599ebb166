import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { executeRows } from '../../src/db/client.js';
import { forgetProcessedEventsJob } from '../../src/jobs/forget-processed-events.js';
import { signSlackRequest } from '../../src/sandbox/slack-driver.js';
import { botTest } from '../support/bot-test.js';
import { describeEachDatabase } from '../support/databases.js';
import { SIGNING_SECRET, startTestBot } from '../support/test-bot.js';

const ADMIN = 'UADMIN1';
const MEMBER = 'UMEMBER1';
const FRENCH = 'UFRENCH1';
const BOT = 'UBOT1';

describeEachDatabase('foundation', (db) => {
  const { it } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: ADMIN, name: 'ada', is_admin: true, locale: 'en-US' });
      t.emulator.addUser({ id: MEMBER, name: 'max', locale: 'en-GB' });
      t.emulator.addUser({ id: FRENCH, name: 'zoé', locale: 'fr-FR' });
      t.emulator.addUser({ id: BOT, name: 'robot', is_bot: true });
    },
  });

  it('applies every migration: the foundation tables exist', async () => {
    const rows = await executeRows<{ tablename: string }>(
      db().db,
      sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
    );
    expect(rows.map((r) => r.tablename)).toEqual(
      expect.arrayContaining([
        'workspaces',
        'roles',
        'processed_events',
        'moments',
        'schedules',
        'schedule_runs',
      ]),
    );
  });

  it('answers a signed /culture help in the caller’s language', async ({ t }) => {
    const res = await t.driver.command({ command: '/culture', text: 'help', userId: MEMBER });
    expect(res.status).toBe(200);
    const reply = await t.emulator.waitForResponse();
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.text).toBe('Service culture bot: what you can do');
    const text = JSON.stringify(reply.body.blocks);
    expect(text).toContain('/culture help');
    expect(text).not.toContain('/culture role');

    await t.driver.command({ command: '/culture', text: 'help', userId: FRENCH });
    const french = await t.emulator.waitForResponse((r) => r.id !== reply.id);
    expect(french.body.text).toBe('Bot de culture de service : ce que vous pouvez faire');
  });

  it('shows admins the admin commands', async ({ t }) => {
    await t.driver.command({ command: '/culture', text: '', userId: ADMIN });
    const reply = await t.emulator.waitForResponse();
    expect(JSON.stringify(reply.body.blocks)).toContain('/culture role');
  });

  it('refuses unsigned, forged and stale requests with 401 and runs no listener', async ({ t }) => {
    const body = new URLSearchParams({
      command: '/culture',
      text: 'help',
      user_id: MEMBER,
      team_id: 'T0TEST',
    });
    const unsigned = await t.driver.raw(body.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(unsigned.status).toBe(401);

    const now = Math.floor(Date.now() / 1000);
    const forged = await t.driver.raw(body.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      ...signSlackRequest('not-the-secret', body.toString(), now),
    });
    expect(forged.status).toBe(401);

    const stale = await t.driver.raw(body.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      ...signSlackRequest(SIGNING_SECRET, body.toString(), now - 10 * 60),
    });
    expect(stale.status).toBe(401);
    // Nothing is in flight (a refused request never reaches a listener) and nothing answered.
    expect(await t.bot.whenIdle()).toBe(true);
    expect(t.emulator.responses).toEqual([]);
    expect(t.emulator.calls).toEqual([]);
  });

  it('writes structured JSON logs that never contain the bot token or the signing secret', async ({ t }) => {
    await t.driver.command({ command: '/culture', text: 'help', userId: MEMBER });
    await t.emulator.waitForResponse();
    expect(t.logs.length).toBeGreaterThan(0);
    expect(t.logs.every((line) => typeof line.level === 'number' && typeof line.msg === 'string')).toBe(true);
    const all = JSON.stringify(t.logs);
    expect(all).not.toContain(t.config.slackBotToken);
    expect(all).not.toContain(SIGNING_SECRET);
  });

  it('reports health as 200 with JSON while the database answers', async ({ t }) => {
    const res = await fetch(`http://127.0.0.1:${t.bot.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('lets an admin grant and remove roles, and tells a member they may not', async ({ t }) => {
    await t.driver.command({ command: '/culture', text: `role manager <@${MEMBER}|max>`, userId: ADMIN });
    expect((await t.emulator.waitForResponse()).body.text).toBe(`<@${MEMBER}> is now a manager.`);
    expect(await t.bot.deps.roles.roleOf('T0TEST', MEMBER)).toBe('manager');

    t.emulator.reset();
    await t.driver.command({ command: '/culture', text: `role admin <@${FRENCH}>`, userId: MEMBER });
    expect((await t.emulator.waitForResponse()).body.text).toBe('Sorry, only admins can do that.');
    expect(await t.bot.deps.roles.roleOf('T0TEST', FRENCH)).toBe('member');

    t.emulator.reset();
    await t.driver.command({ command: '/culture', text: `role member <@${MEMBER}>`, userId: ADMIN });
    expect((await t.emulator.waitForResponse()).body.text).toBe(
      `<@${MEMBER}> is now a member (no extra role).`,
    );
    expect(await t.bot.deps.roles.roleOf('T0TEST', MEMBER)).toBe('member');
  });

  it('refuses roles for bots, unknown people and bad syntax with a way to fix it', async ({ t }) => {
    await t.driver.command({ command: '/culture', text: `role manager <@${BOT}>`, userId: ADMIN });
    expect((await t.emulator.waitForResponse()).body.text).toBe('Bots cannot hold roles. Pick a person.');
    t.emulator.reset();
    await t.driver.command({ command: '/culture', text: 'role manager <@UNOBODY>', userId: ADMIN });
    expect((await t.emulator.waitForResponse()).body.text).toContain("can't find <@UNOBODY>");
    t.emulator.reset();
    await t.driver.command({ command: '/culture', text: 'role manager alex', userId: ADMIN });
    expect((await t.emulator.waitForResponse()).body.text).toContain('Usage: `/culture role');
  });

  it('keeps a Slack admin an admin of the bot', async ({ t }) => {
    await t.driver.command({ command: '/culture', text: `role member <@${ADMIN}>`, userId: ADMIN });
    expect((await t.emulator.waitForResponse()).body.text).toContain('Slack workspace admin or owner');
    expect(await t.bot.deps.roles.roleOf('T0TEST', ADMIN)).toBe('admin');
  });

  it('sets the workspace language (admins only) and replies in the new language', async ({ t }) => {
    await t.driver.command({ command: '/culture', text: 'language fr', userId: MEMBER });
    expect((await t.emulator.waitForResponse()).body.text).toBe('Sorry, only admins can do that.');
    t.emulator.reset();
    await t.driver.command({ command: '/culture', text: 'language fr', userId: ADMIN });
    expect((await t.emulator.waitForResponse()).body.text).toBe(
      'Désormais, je parle français dans cet espace de travail.',
    );
    expect((await t.bot.deps.workspaces.get('T0TEST')).locale).toBe('fr');
    await t.bot.deps.workspaces.setLocale('T0TEST', 'en');
  });

  it('handles an event delivered twice (a Slack retry) once, and forgets it a day later', async ({ t }) => {
    const at = new Date('2026-11-23T10:00:00Z');
    const first = await t.bot.deps.workspaces.markEventProcessed('T0TEST', 'Ev-dup-1', at);
    const again = await t.bot.deps.workspaces.markEventProcessed('T0TEST', 'Ev-dup-1', at);
    expect([first, again]).toEqual([true, false]);

    await forgetProcessedEventsJob.run(t.bot.deps, new Date('2026-11-24T09:00:00Z'));
    expect(await t.bot.deps.workspaces.markEventProcessed('T0TEST', 'Ev-dup-1', at)).toBe(false);
    await forgetProcessedEventsJob.run(t.bot.deps, new Date('2026-11-24T10:00:01Z'));
    expect(await t.bot.deps.workspaces.markEventProcessed('T0TEST', 'Ev-dup-1', at)).toBe(true);
  });

  it('records the id of each delivered event, so a redelivery on any replica is recognised', async ({
    t,
  }) => {
    const event = { type: 'app_mention', user: MEMBER, text: 'hi', channel: 'C1', ts: '1.2' };
    const first = await t.driver.event(event, { eventId: 'Ev-retry-1' });
    const retry = await t.driver.event(event, { eventId: 'Ev-retry-1', retryNum: 1 });
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(await t.bot.whenIdle()).toBe(true);
    expect(await t.bot.deps.workspaces.markEventProcessed('T0TEST', 'Ev-retry-1', new Date())).toBe(false);
  });
});

describeEachDatabase('health when the database is gone', (db) => {
  it('answers 503 once the database stops answering', async () => {
    const database = db();
    const t = await startTestBot({
      database: { ...database, ping: async () => false },
    });
    try {
      const res = await fetch(`http://127.0.0.1:${t.bot.port}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', database: 'down' });
    } finally {
      await t.close();
    }
  });
});

describeEachDatabase('a graceful stop', (db) => {
  it('names the Slack requests it could not wait for (ids and kinds, no text)', async () => {
    const t = await startTestBot({ database: db() });
    try {
      t.emulator.addUser({ id: MEMBER, name: 'max', locale: 'en-GB' });
      // Slack makes the bot wait longer than a stop's drain before it may read the person.
      t.emulator.failNext('users.info', { status: 429, retryAfter: 8 });
      await t.driver.command({ command: '/culture', text: 'help', userId: MEMBER });
      await t.emulator.waitFor('users.info');
      await t.bot.stop();
      const cut = t.logs.filter((line) => line.msg === 'stopped before this Slack request was done');
      expect(cut).toEqual([
        expect.objectContaining({ type: '/culture', teamId: 'T0TEST', userId: MEMBER, level: 40 }),
      ]);
      expect(JSON.stringify(cut)).not.toContain('help');
      // The request still ends (its answer after the retry), before the emulator goes.
      expect(await t.bot.whenIdle(20_000)).toBe(true);
    } finally {
      await t.close();
    }
  });
});

import { expect } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { moments, roles } from '../../src/db/schema.js';
import type { EmulatedView, SlackArgs } from '../../src/sandbox/slack-emulator.js';
import { TEST_TEAM, type TestBot } from './test-bot.js';

type Json = Record<string, unknown>;

/** Every interactive element of a view, with its action_id, value and options. */
export function elements(view: SlackArgs): Json[] {
  const found: Json[] = [];
  for (const block of view.blocks as Json[]) {
    if (block.accessory) found.push(block.accessory as Json);
    if (Array.isArray(block.elements)) found.push(...(block.elements as Json[]).filter((e) => e.action_id));
  }
  return found;
}

/** The element whose action_id starts with `verb` and that carries `value` (as its value or one of its options). */
export function control(
  view: SlackArgs,
  verb: string,
  value?: string,
): { actionId: string; value: string | undefined } {
  for (const el of elements(view)) {
    const id = String(el.action_id);
    if (id !== verb && !id.startsWith(`${verb}:`)) continue;
    const options = (el.options as { value: string }[] | undefined)?.map((o) => o.value) ?? [];
    if (value === undefined || el.value === value || options.includes(value)) {
      return { actionId: id, value: value ?? (el.value as string | undefined) };
    }
  }
  throw new Error(`no ${verb} control with value ${value} in the view`);
}

/** A view's blocks as one string, to look for what it shows. */
export const viewText = (view: SlackArgs) => JSON.stringify(view.blocks);

/**
 * How long to wait for the bot to finish what a Home event or click started: a busy Home
 * (its chart drawn, 200 moments read) on a loaded machine takes longer than whenIdle's default.
 * Not a duration the tests assert: the wait ends as soon as the bot is idle.
 */
const IDLE_MS = 30_000;

/**
 * The Home tab as a person sees it in the emulator: open it (`app_home_opened`), read the last
 * one published for them, click its controls (`verb` and value, as a person would).
 */
export function homeTab(bot: () => TestBot) {
  const home = (userId: string) => {
    const view = bot()
      .emulator.views.filter((v) => v.type === 'home' && v.user_id === userId)
      .at(-1);
    if (!view) throw new Error(`no Home published for ${userId}`);
    return view;
  };
  const publishes = (userId: string) =>
    bot()
      .emulator.callsTo('views.publish')
      .filter((c) => c.args.user_id === userId && c.ok).length;

  async function openHome(userId: string): Promise<EmulatedView> {
    const t = bot();
    const before = publishes(userId);
    const res = await t.driver.event({
      type: 'app_home_opened',
      user: userId,
      channel: `D${userId}`,
      tab: 'home',
    });
    expect(res.status).toBe(200);
    await t.bot.whenIdle(IDLE_MS);
    // On failure, the bot's error lines say why.
    const errors = t.logs.filter((l) => Number(l.level) >= 50 || l.level === 'error');
    expect(publishes(userId), JSON.stringify(errors).slice(0, 2000)).toBe(before + 1);
    return home(userId);
  }

  async function click(userId: string, verb: string, value?: string, view = home(userId)) {
    const t = bot();
    const target = control(view, verb, value);
    const before = t.emulator.calls.length;
    const res = await t.driver.blockAction({ userId, actionId: target.actionId, value: target.value, view });
    expect(res.status).toBe(200);
    await t.bot.whenIdle(IDLE_MS);
    return t.emulator.calls.slice(before);
  }

  return { home, publishes, openHome, click };
}

/**
 * A busy workspace for the 100-block limit: 200 long moments (praise and complaints, half of
 * them to follow up) by two admins, 40 schedules, 12 vision lines, the most standards a
 * workspace keeps (12 active) and an archived one to restore.
 */
export async function seedBusyWorkspace(
  t: TestBot,
  database: Database,
  opts: { admins: [string, string]; channelId: string },
) {
  const [first, second] = opts.admins;
  await database.db
    .insert(roles)
    .values({ teamId: TEST_TEAM, userId: second, role: 'admin', grantedBy: first });
  const at = t.clock.now().getTime();
  await database.db.insert(moments).values(
    Array.from({ length: 200 }, (_, i) => ({
      teamId: TEST_TEAM,
      kind: i % 2 ? ('praise' as const) : ('complaint' as const),
      authorId: i % 4 < 2 ? first : second,
      customerType: 'external' as const,
      touchpoint: 'chat' as const,
      impact: 'small' as const,
      story: `Story number ${i}: ${'a long account of what the customer lived. '.repeat(20)}`,
      followUpUserId: i % 2 ? null : i % 4 < 2 ? first : second,
      source: 'command' as const,
      // One an hour back from now: over eight days, so last week's balance is drawn too.
      createdAt: new Date(at - i * 3_600_000),
    })),
  );
  for (let i = 0; i < 40; i++) {
    await t.bot.deps.schedules.create({
      teamId: TEST_TEAM,
      kind: (['mantra', 'digest', 'pulse'] as const)[i % 3] ?? 'mantra',
      channelId: opts.channelId,
      cron: `${i % 60} ${8 + (i % 10)} * * ${i % 7}`,
      timezone: 'Europe/Paris',
      createdBy: first,
      now: t.clock.now(),
    });
  }
  for (let i = 0; i < 12; i++)
    await t.bot.deps.mantras.add(TEST_TEAM, `Vision line ${i}`, first, 'Customer first.');
  const standards = t.bot.deps.standards;
  for (let i = 0; i < 7; i++) {
    const added = await standards.add(TEST_TEAM, first, `extra-${i}`, `Standard number ${i}.`);
    if (i === 5) await standards.archive(TEST_TEAM, first, 'share', t.clock.now());
    expect(added.ok).toBe(true);
  }
}

import { expect } from 'vitest';
import type { EmulatedView, SlackArgs } from '../../src/sandbox/slack-emulator.js';
import type { TestBot } from './test-bot.js';

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
    await t.bot.whenIdle();
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
    await t.bot.whenIdle();
    return t.emulator.calls.slice(before);
  }

  return { home, publishes, openHome, click };
}

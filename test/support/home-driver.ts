import { expect } from 'vitest';
import type { EmulatedView, SlackArgs } from '../../src/sandbox/slack-emulator.js';
import type { TestBot } from './test-bot.js';

type Json = Record<string, unknown>;

/** Every interactive element of a view, with its action_id, value and options. */
export function homeElements(view: SlackArgs): Json[] {
  const found: Json[] = [];
  for (const block of view.blocks as Json[]) {
    if (block.accessory) found.push(block.accessory as Json);
    if (Array.isArray(block.elements)) found.push(...(block.elements as Json[]).filter((e) => e.action_id));
  }
  return found;
}

/** The element whose action_id is `verb` (or `verb:n`) and that carries `value`, if any. */
export function findControl(
  view: SlackArgs,
  verb: string,
  value?: string,
): { actionId: string; value: string | undefined } | undefined {
  for (const el of homeElements(view)) {
    const id = String(el.action_id);
    if (id !== verb && !id.startsWith(`${verb}:`)) continue;
    const options = (el.options as { value: string }[] | undefined)?.map((o) => o.value) ?? [];
    if (value === undefined || el.value === value || options.includes(value)) {
      return { actionId: id, value: value ?? (el.value as string | undefined) };
    }
  }
  return undefined;
}

export const viewText = (view: SlackArgs) => JSON.stringify(view.blocks);

/** The App Home as a person sees it in the emulator: open it, read it, click its controls. */
export function homeDriver(bot: () => TestBot) {
  const t = () => bot();

  /** The Home last published for the person. */
  function home(userId: string): EmulatedView {
    const view = t()
      .emulator.views.filter((v) => v.type === 'home' && v.user_id === userId)
      .at(-1);
    if (!view) throw new Error(`no Home published for ${userId}`);
    return view;
  }

  const publishes = (userId: string) =>
    t()
      .emulator.callsTo('views.publish')
      .filter((c) => c.args.user_id === userId && c.ok).length;

  async function open(userId: string): Promise<EmulatedView> {
    const before = publishes(userId);
    const res = await t().driver.event({
      type: 'app_home_opened',
      user: userId,
      channel: `D${userId}`,
      tab: 'home',
    });
    expect(res.status).toBe(200);
    await t().bot.whenIdle();
    // On failure, the bot's error lines say why.
    const errors = t().logs.filter((l) => Number(l.level) >= 50 || l.level === 'error');
    expect(publishes(userId), JSON.stringify(errors).slice(0, 2000)).toBe(before + 1);
    return home(userId);
  }

  /** Clicks a control the view shows; resolves with the Web API calls the click led to. */
  async function click(userId: string, verb: string, value?: string, view = home(userId)) {
    const target = findControl(view, verb, value);
    if (!target) throw new Error(`no ${verb} control with value ${value} in the view`);
    const before = t().emulator.calls.length;
    const res = await t().driver.blockAction({
      userId,
      actionId: target.actionId,
      value: target.value,
      view,
    });
    expect(res.status).toBe(200);
    await t().bot.whenIdle();
    return t().emulator.calls.slice(before);
  }

  return { home, publishes, open, click, text: (userId: string) => viewText(home(userId)) };
}

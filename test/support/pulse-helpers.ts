import { desc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { pulses } from '../../src/db/schema.js';
import { validateView } from '../../src/sandbox/block-kit-rules.js';
import type { EmulatedMessage, SlackArgs } from '../../src/sandbox/slack-emulator.js';
import { ACTIONS, BLOCKS, VIEWS } from '../../src/slack/ids.js';
import { botTest } from './bot-test.js';
import { warmChartRenderer } from './charts.js';
import { TEST_TEAM, type TestBot } from './test-bot.js';

export interface AnswerInput {
  score?: string | number | null;
  vision?: string;
  motivation?: string;
  human?: string;
}

/** view.state.values of the answer modal, as Slack sends them on submission. */
export function pulseAnswerValues(v: AnswerInput) {
  const text = (value: string | undefined) => ({ type: 'plain_text_input', value: value ?? null });
  return {
    [BLOCKS.pulseScore]: {
      [BLOCKS.pulseScore]: {
        type: 'static_select',
        selected_option:
          v.score === undefined || v.score === null
            ? null
            : { text: { type: 'plain_text', text: String(v.score) }, value: String(v.score) },
      },
    },
    [BLOCKS.pulseVision]: { [BLOCKS.pulseVision]: text(v.vision) },
    [BLOCKS.pulseMotivation]: { [BLOCKS.pulseMotivation]: text(v.motivation) },
    [BLOCKS.pulseHuman]: { [BLOCKS.pulseHuman]: text(v.human) },
  };
}

/** Drives the pulse the way people do in Slack: commands, the Answer button, the modal. */
export function pulseDriver(bot: () => TestBot, db: () => Database, channelId: string) {
  const t = () => bot();

  /** `/pulse …` typed in the channel; resolves with the ephemeral reply. */
  async function command(text: string, userId: string, channel = channelId) {
    // Closing posts the results with their charts, and the reply waits for that post: start the
    // chart thread first so the wait for the reply does not include its cold start (seconds on a
    // loaded machine, past the emulator's wait).
    if (text.trim().startsWith('close')) await warmChartRenderer();
    const before = t().emulator.responses.length;
    const res = await t().driver.command({ command: '/pulse', text, userId, channelId: channel });
    expect(res.status).toBe(200);
    const reply = await t().emulator.waitForResponse((r) => t().emulator.responses.indexOf(r) >= before);
    expect(reply.body.response_type).toBe('ephemeral');
    return reply.body as { text: string; blocks: SlackArgs[] };
  }

  async function latestPulse(channel = channelId) {
    const [row] = await db()
      .db.select()
      .from(pulses)
      .where(eq(pulses.channelId, channel))
      .orderBy(desc(pulses.openedAt))
      .limit(1);
    return row;
  }

  /** The card as Slack shows it now (after every chat.update). */
  async function card(channel = channelId): Promise<EmulatedMessage> {
    const row = await latestPulse(channel);
    const message = t().emulator.messages.find((m) => m.channel === channel && m.ts === row?.messageTs);
    if (!message) throw new Error(`no pulse card in ${channel}`);
    return message;
  }

  /**
   * Clicks Answer on the card (or on the message given) and returns the modal Slack opened. A
   * `value` stands for a button the person still sees (a stale client, the reminder).
   */
  async function open(userId: string, opts: { messageTs?: string; value?: string; channel?: string } = {}) {
    const channel = opts.channel ?? channelId;
    const ts = opts.messageTs ?? (await card(channel)).ts;
    const before = t().emulator.calls.length;
    const res = await t().driver.blockAction({
      userId,
      actionId: ACTIONS.pulseAnswer,
      channelId: channel,
      messageTs: ts,
      ...(opts.value ? { value: opts.value } : {}),
    });
    expect(res.status).toBe(200);
    const call = await t().emulator.waitFor('views.open', (c) => t().emulator.calls.indexOf(c) >= before);
    expect(call.ok, JSON.stringify(call.response)).toBe(true);
    return call.response.view as SlackArgs & { id: string };
  }

  /** Submits a modal; resolves with Slack's view of the ack (response_action and its payload). */
  async function submit(userId: string, viewId: string, values: AnswerInput) {
    const res = await t().driver.viewSubmission({
      userId,
      callbackId: VIEWS.pulseAnswer,
      viewId,
      values: pulseAnswerValues(values),
    });
    expect(res.status).toBe(200);
    const ack = res.body ? res.json() : {};
    if (ack.response_action === 'update') expect(validateView(ack.view)).toEqual([]);
    return ack as { response_action?: string; errors?: Record<string, string>; view?: SlackArgs };
  }

  /** Opens the modal and sends an answer; resolves with the text the modal then shows. */
  async function answer(userId: string, values: AnswerInput, channel = channelId) {
    const view = await open(userId, { channel });
    expect(view.callback_id).toBe(VIEWS.pulseAnswer);
    const ack = await submit(userId, view.id, values);
    expect(ack.response_action).toBe('update');
    await t().bot.whenIdle();
    return JSON.stringify(ack.view?.blocks);
  }

  return { command, latestPulse, card, open, submit, answer, team: TEST_TEAM };
}

export const json = (value: unknown) => JSON.stringify(value);

/** The people of a pulse suite: an admin, a manager, three members who answer, and #support. */
export const PULSE_TEAM = {
  admin: 'UADMIN',
  manager: 'UMANAGER',
  people: ['UANA', 'UBEN', 'UCAL'],
  channel: 'CSUPPORT',
} as const;

/**
 * The bot for a pulse suite (inside `describeEachDatabase`): PULSE_TEAM known to Slack, the
 * manager granted before each test (the tables are emptied between tests), and the driver.
 */
export function pulseTeamTest(db: () => Database) {
  const { admin, manager, people, channel } = PULSE_TEAM;
  const { it, suiteBot } = botTest(db, {
    setUp(t) {
      t.emulator.addUser({ id: admin, name: 'ada', is_admin: true });
      t.emulator.addUser({ id: manager, name: 'max' });
      for (const id of people) t.emulator.addUser({ id, name: id.slice(1).toLowerCase() });
      t.emulator.addChannel({ id: channel, name: 'support' });
    },
  });
  it.beforeEach(async ({ t }) => {
    await t.bot.deps.roles.setRole(TEST_TEAM, admin, manager, 'manager');
  });
  return { it, suiteBot, p: pulseDriver(suiteBot, db, channel) };
}

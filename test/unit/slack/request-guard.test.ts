import type { Receiver, ReceiverEvent } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { AFTER_ACK_TURNS, GuardedApp, TURN_LONGEST_MS } from '../../../src/slack/request-guard.js';

/** Bolt's App with nothing in front: the test hands it requests as a receiver would. */
function guardedApp() {
  const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
  return new GuardedApp(
    {
      receiver,
      authorize: async () => ({ botToken: 'xoxb-test', botUserId: 'UBOT' }),
      logger: {
        debug() {},
        info() {},
        warn() {},
        error() {},
        setLevel() {},
        getLevel: () => 'error',
        setName() {},
      } as never,
    },
    {
      ledger: { firstArrival: async () => true },
      logger: createLogger('error', { write: () => true } as unknown as NodeJS.WritableStream),
      clock: () => new Date(),
    },
  );
}

const praise = (n: number) => ({
  command: '/praise',
  text: `story ${n}`,
  user_id: 'UAUTHOR',
  team_id: 'T0TEST',
  channel_id: 'C0GENERAL',
  trigger_id: `trigger-${n}`,
});

describe('acks first: the work after an ack takes turns', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('acks every request at once, lets AFTER_ACK_TURNS go on, and the next one when a turn ends', async () => {
    const app = guardedApp();
    const acked: number[] = [];
    const working: number[] = [];
    let finish!: () => void;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    app.command('/praise', async ({ ack, command }) => {
      await ack();
      working.push(Number(command.trigger_id.split('-')[1]));
      await done;
    });
    const burst = AFTER_ACK_TURNS + 2;
    const handled = Array.from({ length: burst }, (_, n) =>
      app.processEvent({
        body: praise(n),
        ack: async () => {
          acked.push(n);
        },
        retryNum: undefined,
        retryReason: undefined,
        customProperties: {},
      } as unknown as ReceiverEvent),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(acked).toHaveLength(burst);
    expect(working).toEqual([...Array(AFTER_ACK_TURNS).keys()]);

    // Work that keeps its turn past TURN_LONGEST_MS is waiting on the network: the next goes on.
    await vi.advanceTimersByTimeAsync(TURN_LONGEST_MS - 1);
    expect(working).toHaveLength(AFTER_ACK_TURNS);
    await vi.advanceTimersByTimeAsync(1);
    expect(working).toHaveLength(burst);

    finish();
    await Promise.all(handled);
    expect(app.inFlight).toBe(0);
  });

  it('gives a turn back as soon as the listener ends', async () => {
    const app = guardedApp();
    const working: number[] = [];
    const finishers = new Map<number, () => void>();
    app.command('/praise', async ({ ack, command }) => {
      await ack();
      const n = Number(command.trigger_id.split('-')[1]);
      working.push(n);
      await new Promise<void>((resolve) => finishers.set(n, resolve));
    });
    const burst = AFTER_ACK_TURNS + 1;
    const handled = Array.from({ length: burst }, (_, n) =>
      app.processEvent({
        body: praise(n),
        ack: async () => {},
        customProperties: {},
      } as unknown as ReceiverEvent),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(working).toHaveLength(AFTER_ACK_TURNS);
    finishers.get(0)?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(working).toEqual([...Array(AFTER_ACK_TURNS).keys(), AFTER_ACK_TURNS]);
    for (const finish of finishers.values()) finish();
    await Promise.all(handled);
  });
});

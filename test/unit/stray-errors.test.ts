import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { keepServingThroughStrayErrors } from '../../src/start-bot.js';

function setUp() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const target = new EventEmitter();
  const exits: number[] = [];
  let at = 0;
  keepServingThroughStrayErrors(createLogger('info', sink), {
    target,
    exit: (code) => {
      exits.push(code);
    },
    now: () => at,
  });
  return { lines, target, exits, tick: (ms: number) => (at += ms) };
}

describe('errors that escape every handler', () => {
  it('logs a stray rejection or exception and keeps the process running', () => {
    const { lines, target, exits } = setUp();
    target.emit('unhandledRejection', new Error('a request Bolt did not expect'));
    target.emit('uncaughtException', new TypeError('boom'));
    expect(exits).toEqual([]);
    expect(lines).toMatchObject([
      { level: 50, kind: 'unhandledRejection', err: { message: 'a request Bolt did not expect' } },
      { level: 50, kind: 'uncaughtException', err: { type: 'TypeError' } },
    ]);
  });

  it('exits non-zero, to be restarted, when they keep coming', () => {
    const { target, exits, tick } = setUp();
    for (let i = 0; i < 19; i += 1) target.emit('unhandledRejection', new Error('again'));
    expect(exits).toEqual([]);
    // Spread over more than a minute they are single failures, not a broken state.
    tick(61_000);
    for (let i = 0; i < 19; i += 1) target.emit('unhandledRejection', new Error('again'));
    expect(exits).toEqual([]);
    target.emit('unhandledRejection', new Error('again'));
    expect(exits).toEqual([1]);
  });
});

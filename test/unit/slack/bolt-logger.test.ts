import { Writable } from 'node:stream';
import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { toBoltLogger } from '../../../src/slack/bolt-logger.js';

function setUp(level: 'debug' | 'info') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, bolt: toBoltLogger(createLogger(level, sink)) };
}

// pino writes to the sink on a later tick.
const flushed = () => new Promise((resolve) => setImmediate(resolve));

describe("Bolt's logger", () => {
  it('drops the debug lines of Bolt and its WebClient at the usual level, and keeps the rest', async () => {
    const { lines, bolt } = setUp('info');
    bolt.debug('apiCall', { method: 'chat.postMessage' });
    bolt.warn('http request failed', new Error('socket hang up'));
    await flushed();
    expect(lines.map((line) => line.msg)).toEqual(['http request failed']);
    expect(lines[0]).toMatchObject({ component: 'bolt', level: 40, extra: [{ message: 'socket hang up' }] });
  });

  it('writes them once debug is asked for, from LOG_LEVEL or from Bolt itself', async () => {
    const { lines, bolt } = setUp('info');
    bolt.setLevel(LogLevel.DEBUG);
    expect(bolt.getLevel()).toBe(LogLevel.DEBUG);
    bolt.debug('apiCall', { method: 'chat.postMessage' });
    await flushed();
    expect(lines).toEqual([
      expect.objectContaining({ level: 20, msg: 'apiCall', extra: [{ method: 'chat.postMessage' }] }),
    ]);
    const fromEnv = setUp('debug');
    fromEnv.bolt.debug('will perform http request');
    await flushed();
    expect(fromEnv.lines.map((line) => line.msg)).toEqual(['will perform http request']);
  });
});

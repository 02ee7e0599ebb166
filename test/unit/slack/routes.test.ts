import { describe, expect, it } from 'vitest';
import { RouteTable } from '../../../src/slack/listeners/routes.js';

const handler = (name: string) => async () => name;

describe('the table that finds a handler by the id Slack sends', () => {
  it('finds an exact id before any pattern, and patterns in the order they were added', async () => {
    const table = new RouteTable<object>();
    table.add(/^home_/, handler('any home button'));
    table.add(/^home_line/, handler('never reached: an earlier pattern matches'));
    table.add('home_settings', handler('the settings button'));
    table.add(/^moment_add_lesson(:\d+)?$/, handler('a lesson button'));
    const found = async (id: string) => (await table.find(id)?.({} as never)) ?? 'nothing';
    expect(await found('home_settings')).toBe('the settings button');
    expect(await found('home_line:3')).toBe('any home button');
    expect(await found('moment_add_lesson:12')).toBe('a lesson button');
    expect(await found('moment_add_lesson_other')).toBe('nothing');
    expect(await found('unknown')).toBe('nothing');
  });

  it('refuses two handlers for one id: one of them would never run', () => {
    const table = new RouteTable<object>();
    table.add('/praise', handler('first'));
    expect(() => table.add('/praise', handler('second'))).toThrow(/two handlers for \/praise/);
  });
});

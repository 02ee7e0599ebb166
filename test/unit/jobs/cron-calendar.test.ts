import { createTask } from 'node-cron';
import { describe, expect, it } from 'vitest';
import { createNodeCronCalendar } from '../../../src/jobs/scheduler/calendar.js';
import { parseCoordinationKey } from '../../../src/jobs/scheduler/run-coordinator.js';
import { wall as local } from '../../support/scheduling.js';

const calendar = createNodeCronCalendar();
const MINUTE = 60_000;

/**
 * The slow, obviously right answer: ask node-cron's match() about every minute, and keep the
 * first occurrence of a wall-clock time that repeats when clocks go back.
 */
function bruteForce(expression: string, timeZone: string, from: Date, until: Date): string[] {
  const task = createTask(expression, () => {}, { timezone: timeZone });
  const seen = new Set<string>();
  const found: string[] = [];
  for (let t = from.getTime() + MINUTE; t <= until.getTime(); t += MINUTE) {
    if (!task.match(new Date(t))) continue;
    const wall = local(new Date(t), timeZone);
    if (seen.has(wall)) continue;
    seen.add(wall);
    found.push(new Date(t).toISOString());
  }
  task.destroy();
  return found;
}

describe('cron calendar (node-cron)', () => {
  it('accepts a standard five-field expression and flags more than one post an hour', () => {
    expect(calendar.check('0 9 * * 1-5')).toEqual({
      ok: true,
      moreOftenThanHourly: false,
      bothDaysRestricted: false,
    });
    expect(calendar.check('0 9-17 * * MON-FRI')).toEqual({
      ok: true,
      moreOftenThanHourly: false,
      bothDaysRestricted: false,
    });
    expect(calendar.check('*/15 * * * *')).toEqual({
      ok: true,
      moreOftenThanHourly: true,
      bothDaysRestricted: false,
    });
    expect(calendar.check('0,30 9 * * *')).toEqual({
      ok: true,
      moreOftenThanHourly: true,
      bothDaysRestricted: false,
    });
    expect(calendar.check('  0 9 * * *  ')).toEqual({
      ok: true,
      moreOftenThanHourly: false,
      bothDaysRestricted: false,
    });
    // node-cron needs both day fields to match where standard cron takes either: the answer warns.
    expect(calendar.check('0 9 13 * 5')).toEqual({
      ok: true,
      moreOftenThanHourly: false,
      bothDaysRestricted: true,
    });
    expect(calendar.check('0 9 1,15 * 1-5')).toMatchObject({ bothDaysRestricted: true });
    expect(calendar.check('0 9 13 * *')).toMatchObject({ bothDaysRestricted: false });
  });

  it('names the field node-cron refuses', () => {
    expect(calendar.check('0 25 * * *')).toEqual({
      ok: false,
      problems: [{ kind: 'field', field: 'hour', value: '25' }],
    });
    expect(calendar.check('61 9 * * 8')).toEqual({
      ok: false,
      problems: [
        { kind: 'field', field: 'minute', value: '61' },
        { kind: 'field', field: 'dayOfWeek', value: '8' },
      ],
    });
  });

  it('refuses seconds, nicknames, other field counts, odd characters and impossible dates', () => {
    expect(calendar.check('0 0 9 * * *')).toEqual({
      ok: false,
      problems: [{ kind: 'field_count', count: 6 }],
    });
    expect(calendar.check('@daily')).toEqual({ ok: false, problems: [{ kind: 'field_count', count: 1 }] });
    expect(calendar.check('')).toEqual({ ok: false, problems: [{ kind: 'field_count', count: 0 }] });
    expect(calendar.check('0 9 * * 1;')).toMatchObject({ ok: false });
    expect(calendar.check('0 0 31 2 *')).toEqual({ ok: false, problems: [{ kind: 'never_fires' }] });
  });

  it('gives the same next fire times as node-cron’s own getNextRuns()', () => {
    const cases: [string, string][] = [
      ['0 9 * * 1-5', 'Europe/Paris'],
      ['30 8 * * 1', 'America/New_York'],
      ['*/20 * * * *', 'Asia/Kathmandu'],
      ['0 0 1 * *', 'Asia/Kolkata'],
      ['15 3 1 1 *', 'UTC'],
      ['0 12 * 1 *', 'Australia/Lord_Howe'],
    ];
    for (const [expression, zone] of cases) {
      const task = createTask(expression, () => {}, { timezone: zone });
      const now = new Date();
      const expected = task.getNextRuns(3).map((d) => d.toISOString());
      task.destroy();
      expect(
        calendar.next(expression, zone, now, 3).map((d) => d.toISOString()),
        `${expression} ${zone}`,
      ).toEqual(expected);
    }
  });

  it('finds exactly what minute-by-minute matching finds, across daylight-saving changes', () => {
    const expressions = [
      '0 9 * * *',
      '*/15 * * * *',
      '30 2 * * *',
      '5,35 */2 * * 1-5',
      '0 0 1 * *',
      '45 1 * * 0',
    ];
    const windows: [string, string, string][] = [
      ['Europe/Paris', '2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z'],
      ['Europe/Paris', '2027-03-27T12:00:00Z', '2027-03-29T12:00:00Z'],
      ['America/New_York', '2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z'],
      ['Asia/Kathmandu', '2026-10-31T20:00:00Z', '2026-11-01T20:00:00Z'],
      ['Australia/Lord_Howe', '2026-10-03T00:00:00Z', '2026-10-05T00:00:00Z'],
    ];
    for (const [zone, from, until] of windows) {
      for (const expression of expressions) {
        const got = calendar
          .between(expression, zone, new Date(from), new Date(until))
          .map((d) => d.toISOString());
        expect(got, `${expression} in ${zone} ${from}`).toEqual(
          bruteForce(expression, zone, new Date(from), new Date(until)),
        );
      }
    }
  });

  it('fires a 09:00 Paris schedule at 09:00 local on both sides of each change, once a day', () => {
    const autumn = calendar.between(
      '0 9 * * *',
      'Europe/Paris',
      new Date('2026-10-23T00:00:00Z'),
      new Date('2026-10-28T00:00:00Z'),
    );
    expect(autumn.map((d) => d.toISOString())).toEqual([
      '2026-10-23T07:00:00.000Z',
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
      '2026-10-27T08:00:00.000Z',
    ]);
    const spring = calendar.between(
      '0 9 * * *',
      'Europe/Paris',
      new Date('2027-03-27T00:00:00Z'),
      new Date('2027-03-30T00:00:00Z'),
    );
    expect(spring.map((d) => local(d, 'Europe/Paris'))).toEqual([
      '2027-03-27 09:00',
      '2027-03-28 09:00',
      '2027-03-29 09:00',
    ]);
  });

  it('fires a time that occurs twice once, and skips one that does not exist', () => {
    const back = calendar.between(
      '30 2 * * *',
      'Europe/Paris',
      new Date('2026-10-24T12:00:00Z'),
      new Date('2026-10-25T12:00:00Z'),
    );
    expect(back.map((d) => d.toISOString())).toEqual(['2026-10-25T00:30:00.000Z']);
    const forward = calendar.between(
      '30 2 * * *',
      'Europe/Paris',
      new Date('2027-03-27T12:00:00Z'),
      new Date('2027-03-28T12:00:00Z'),
    );
    expect(forward).toEqual([]);
  });

  it('counts from the instant it is given, not from the real clock', () => {
    const next = calendar.next('0 9 * * 1', 'Europe/Paris', new Date('2030-01-01T00:00:00Z'), 2);
    expect(next.map((d) => d.toISOString())).toEqual([
      '2030-01-07T08:00:00.000Z',
      '2030-01-14T08:00:00.000Z',
    ]);
    // A fire time exactly at `after` is not "next"; `between` includes its upper bound.
    const at = new Date('2030-01-07T08:00:00Z');
    expect(calendar.next('0 9 * * 1', 'Europe/Paris', at, 1)[0]?.toISOString()).toBe(
      '2030-01-14T08:00:00.000Z',
    );
    expect(calendar.between('0 9 * * 1', 'Europe/Paris', new Date(at.getTime() - MINUTE), at)).toEqual([at]);
  });

  it('reads node-cron coordination keys back into a schedule and a fire time', () => {
    expect(parseCoordinationKey('schedule-42:2026-11-23T08:00:00.000Z')).toEqual({
      scheduleId: 42,
      fireAt: new Date('2026-11-23T08:00:00.000Z'),
    });
    expect(parseCoordinationKey('culture-sweep:2026-11-23T08:00:00.000Z')).toBeUndefined();
    expect(parseCoordinationKey('schedule-1:not a date')).toBeUndefined();
  });
});

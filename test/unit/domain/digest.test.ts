import { describe, expect, it } from 'vitest';
import { bankBalance, mostMissed, tallyStandards } from '../../../src/domain/digest/digest.js';
import { localMidnight, weekBefore, weekContaining } from '../../../src/domain/digest/week.js';

describe('weekContaining', () => {
  it('runs Monday 00:00 to Monday 00:00 in the workspace zone', () => {
    const week = weekContaining(new Date('2026-11-25T15:00:00Z'), 'Europe/Paris');
    expect(week).toEqual({
      start: new Date('2026-11-22T23:00:00Z'),
      end: new Date('2026-11-29T23:00:00Z'),
      firstDay: '2026-11-23',
      lastDay: '2026-11-29',
    });
  });

  it('puts Sunday late evening in the week that is ending, local time', () => {
    // Sunday 23:30 in New York is already Monday in UTC.
    const week = weekContaining(new Date('2026-11-30T04:30:00Z'), 'America/New_York');
    expect(week.firstDay).toBe('2026-11-23');
  });

  it('spans 167 hours across the spring change and 169 across the autumn one', () => {
    const spring = weekContaining(new Date('2026-03-25T12:00:00Z'), 'Europe/Paris');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(167);
    const autumn = weekContaining(new Date('2026-10-21T12:00:00Z'), 'Europe/Paris');
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(169);
    const ny = weekContaining(new Date('2026-03-04T12:00:00Z'), 'America/New_York');
    expect((ny.end.getTime() - ny.start.getTime()) / 3_600_000).toBe(167);
  });

  it('finds the week before, across a year boundary', () => {
    const first = weekContaining(new Date('2027-01-01T12:00:00Z'), 'UTC');
    expect(first.firstDay).toBe('2026-12-28');
    expect(weekBefore(first, 'UTC').firstDay).toBe('2026-12-21');
  });

  it('computes local midnight on the day clocks change', () => {
    expect(localMidnight(2026, 3, 29, 'Europe/Paris')).toEqual(new Date('2026-03-28T23:00:00Z'));
    expect(localMidnight(2026, 3, 30, 'Europe/Paris')).toEqual(new Date('2026-03-29T22:00:00Z'));
  });
});

describe('bankBalance', () => {
  it('weighs credits and debits by impact', () => {
    const counts = [
      { kind: 'praise' as const, impact: 'small' as const, count: 4 },
      { kind: 'praise' as const, impact: 'big' as const, count: 2 },
      { kind: 'complaint' as const, impact: 'big' as const, count: 1 },
      { kind: 'complaint' as const, impact: 'small' as const, count: 2 },
    ];
    expect(bankBalance(counts, { small: 1, big: 3 })).toEqual({ credits: 10, debits: 5, balance: 5 });
    expect(bankBalance(counts, { small: 2, big: 5 })).toEqual({ credits: 18, debits: 9, balance: 9 });
  });
});

describe('tallyStandards and mostMissed', () => {
  const standard = (id: number, tag: string) => ({
    id,
    tag,
    description: tag,
    position: id,
    archivedAt: null,
  });
  const standards = [standard(1, 'same-day'), standard(2, 'follow-up'), standard(3, 'human')];

  it('counts each standard honoured and missed, most missed first, and keeps every tie for the focus', () => {
    const tallies = tallyStandards(
      [
        { standardId: 1, kind: 'complaint', count: 3 },
        { standardId: 1, kind: 'praise', count: 5 },
        { standardId: 2, kind: 'complaint', count: 3 },
        { standardId: 3, kind: 'praise', count: 1 },
        { standardId: 99, kind: 'complaint', count: 9 },
      ],
      standards,
    );
    expect(tallies.map((t) => [t.standard.tag, t.honoured, t.missed])).toEqual([
      ['same-day', 5, 3],
      ['follow-up', 0, 3],
      ['human', 1, 0],
    ]);
    expect(mostMissed(tallies).map((t) => t.standard.tag)).toEqual(['same-day', 'follow-up']);
  });

  it('has no focus when no complaint cited a standard', () => {
    expect(mostMissed(tallyStandards([{ standardId: 3, kind: 'praise', count: 1 }], standards))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { repeatsEarlierWallTime, wallClock } from '../../../src/domain/wall-clock.js';

describe('wall clock', () => {
  const paris = wallClock('Europe/Paris');

  it('reads the local date, time and offset on both sides of a daylight-saving change', () => {
    expect(paris(new Date('2026-07-01T07:00:00Z'))).toEqual({
      year: 2026,
      month: 7,
      day: 1,
      hour: 9,
      minute: 0,
      second: 0,
      offsetMs: 2 * 3_600_000,
    });
    expect(paris(new Date('2026-12-31T23:30:15Z'))).toMatchObject({
      year: 2027,
      month: 1,
      day: 1,
      hour: 0,
      minute: 30,
      second: 15,
      offsetMs: 3_600_000,
    });
  });

  it('tells the second occurrence of a wall-clock time when clocks go back', () => {
    // 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:30 happens at 00:30Z and again at 01:30Z.
    expect(repeatsEarlierWallTime(paris, Date.parse('2026-10-25T00:30:00Z'))).toBe(false);
    expect(repeatsEarlierWallTime(paris, Date.parse('2026-10-25T01:30:00Z'))).toBe(true);
    expect(repeatsEarlierWallTime(paris, Date.parse('2026-10-25T02:30:00Z'))).toBe(false);
  });
});

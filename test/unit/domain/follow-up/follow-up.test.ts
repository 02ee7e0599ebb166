import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  dueRound,
  followedUpWithinDelay,
  isDaytimeOnWorkday,
  type OpenComplaint,
} from '../../../../src/domain/follow-up/follow-up.js';

const PARIS = 'Europe/Paris';

describe('follow-up delay in working days', () => {
  it('skips the weekend, keeping the local time', () => {
    // Friday 27 Nov 2026, 15:00 in Paris (14:00 UTC) + 3 working days = Wednesday 2 Dec, 15:00.
    expect(addWorkingDays(new Date('2026-11-27T14:00:00Z'), 3, PARIS).toISOString()).toBe(
      '2026-12-02T14:00:00.000Z',
    );
    // Saturday + 1 = Monday at the same time.
    expect(addWorkingDays(new Date('2026-11-28T09:00:00Z'), 1, PARIS).toISOString()).toBe(
      '2026-11-30T09:00:00.000Z',
    );
  });

  it('follows daylight saving: 10:00 local before and after the change', () => {
    // Friday 23 Oct 2026 10:00 CEST (08:00 UTC) + 2 working days = Tuesday 27 Oct 10:00 CET (09:00 UTC).
    expect(addWorkingDays(new Date('2026-10-23T08:00:00Z'), 2, PARIS).toISOString()).toBe(
      '2026-10-27T09:00:00.000Z',
    );
  });

  it('counts a follow-up within the delay up to the deadline itself', () => {
    const created = new Date('2026-11-23T09:00:00Z');
    expect(followedUpWithinDelay(created, new Date('2026-11-26T09:00:00Z'), 3, PARIS)).toBe(true);
    expect(followedUpWithinDelay(created, new Date('2026-11-26T09:00:01Z'), 3, PARIS)).toBe(false);
  });
});

describe('quiet hours', () => {
  it('is daytime on a weekday between 09:00 and 18:00 in the given zone only', () => {
    const thursday9utc = new Date('2026-11-26T09:00:00Z');
    expect(isDaytimeOnWorkday(thursday9utc, PARIS)).toBe(true); // 10:00 in Paris
    expect(isDaytimeOnWorkday(thursday9utc, 'America/Los_Angeles')).toBe(false); // 01:00
    expect(isDaytimeOnWorkday(new Date('2026-11-26T17:00:00Z'), PARIS)).toBe(false); // 18:00
    expect(isDaytimeOnWorkday(new Date('2026-11-28T10:00:00Z'), PARIS)).toBe(false); // Saturday
  });
});

describe('which reminder is due', () => {
  const complaint = (over: Partial<OpenComplaint> = {}): OpenComplaint => ({
    teamId: 'T1',
    momentId: 'm1',
    ownerId: 'U1',
    createdAt: new Date('2026-11-23T09:00:00Z'),
    firstSentAt: null,
    claimedRounds: [],
    ...over,
  });

  it('gives round 1 after the delay, round 2 a week after round 1, then nothing', () => {
    expect(dueRound(complaint(), 3, PARIS, new Date('2026-11-26T08:59:59Z'))).toBeUndefined();
    expect(dueRound(complaint(), 3, PARIS, new Date('2026-11-26T09:00:00Z'))).toBe(1);
    const first = complaint({ claimedRounds: [1], firstSentAt: new Date('2026-11-26T09:00:00Z') });
    expect(dueRound(first, 3, PARIS, new Date('2026-12-03T08:59:00Z'))).toBeUndefined();
    expect(dueRound(first, 3, PARIS, new Date('2026-12-03T09:00:00Z'))).toBe(2);
    expect(
      dueRound(complaint({ claimedRounds: [1, 2] }), 3, PARIS, new Date('2027-01-01T09:00:00Z')),
    ).toBeUndefined();
  });

  it('gives nothing when reminders are off, or while round 1 is still on its way', () => {
    expect(dueRound(complaint(), null, PARIS, new Date('2026-12-31T09:00:00Z'))).toBeUndefined();
    expect(
      dueRound(complaint({ claimedRounds: [1] }), 3, PARIS, new Date('2026-12-31T09:00:00Z')),
    ).toBeUndefined();
  });
});

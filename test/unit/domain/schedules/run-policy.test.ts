import { describe, expect, it } from 'vitest';
import {
  abandonedBefore,
  afterFailure,
  CLAIM_LEASE_MS,
  catchUpWindow,
  MAX_ATTEMPTS,
  planCatchUp,
  scanStart,
} from '../../../../src/domain/schedules/run-policy.js';

const HOUR = 3_600_000;
const now = new Date('2026-11-24T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * HOUR);

describe('catch-up of missed fire times', () => {
  const window = catchUpWindow(now, 12);

  it('posts only the latest fire time within the window and supersedes the older ones', () => {
    const plan = planCatchUp([hoursAgo(30), hoursAgo(13), hoursAgo(11), hoursAgo(5), hoursAgo(1)], window);
    expect(plan.due).toEqual(hoursAgo(1));
    expect(plan.superseded).toEqual([hoursAgo(11), hoursAgo(5)]);
    expect(plan.beyondWindow).toEqual([hoursAgo(30), hoursAgo(13)]);
  });

  it('posts nothing when even the latest fire time is older than the window', () => {
    const plan = planCatchUp([hoursAgo(20), hoursAgo(13)], window);
    expect(plan).toEqual({ due: undefined, superseded: [], beyondWindow: [hoursAgo(20), hoursAgo(13)] });
  });

  it('records at most the 50 newest skipped fire times of a long outage', () => {
    const fires = Array.from({ length: 200 }, (_, i) => new Date(hoursAgo(11).getTime() + i * 60_000));
    const plan = planCatchUp(fires, window);
    expect(plan.due).toEqual(fires[199]);
    expect(plan.superseded).toHaveLength(50);
    expect(plan.superseded.at(-1)).toEqual(fires[198]);
  });

  it('starts scanning after the newest recorded fire time, within a day before the window', () => {
    const base = { createdAt: hoursAgo(100), window, scannedUpTo: undefined, now };
    expect(scanStart({ ...base, latestRecorded: undefined })).toBe(hoursAgo(36).getTime());
    expect(scanStart({ ...base, latestRecorded: hoursAgo(3) })).toBe(hoursAgo(3).getTime());
    expect(scanStart({ ...base, createdAt: hoursAgo(2), latestRecorded: undefined })).toBe(
      hoursAgo(2).getTime(),
    );
    // What this replica scanned already is skipped, unless the clock moved back before it.
    expect(scanStart({ ...base, latestRecorded: hoursAgo(3), scannedUpTo: hoursAgo(1).getTime() })).toBe(
      hoursAgo(1).getTime(),
    );
    expect(scanStart({ ...base, latestRecorded: hoursAgo(3), scannedUpTo: now.getTime() + HOUR })).toBe(
      hoursAgo(3).getTime(),
    );
  });
});

describe('retries', () => {
  it('backs off 1, 2, 4, 8 minutes, then gives up after the fifth attempt', () => {
    const waits = [1, 2, 3, 4].map((attempts) => {
      const decision = afterFailure({ retryable: true }, attempts, now);
      return decision.retry ? (decision.nextAttemptAt.getTime() - now.getTime()) / 60_000 : undefined;
    });
    expect(waits).toEqual([1, 2, 4, 8]);
    expect(afterFailure({ retryable: true }, MAX_ATTEMPTS, now)).toEqual({ retry: false });
  });

  it('waits longer when Slack asks for it with Retry-After', () => {
    expect(afterFailure({ retryable: true, retryAfterSec: 300 }, 1, now)).toEqual({
      retry: true,
      nextAttemptAt: new Date(now.getTime() + 300_000),
    });
  });

  it('never retries a permanent failure', () => {
    expect(afterFailure({ retryable: false }, 1, now)).toEqual({ retry: false });
  });

  it('treats a claim without outcome after the lease as abandoned', () => {
    expect(abandonedBefore(now)).toEqual(new Date(now.getTime() - CLAIM_LEASE_MS));
  });
});

/**
 * When a scheduled post is posted, skipped or tried again: the rules of the engine, as pure
 * functions of the fire times, the clock and the failure. The engine (src/jobs) only carries
 * them out against the run store and Slack.
 */

/** A post that keeps failing for a transient reason is tried this many times in all. */
export const MAX_ATTEMPTS = 5;
/** Wait before attempt n+1 (minutes), unless Slack asked for longer with Retry-After. */
const RETRY_DELAYS_MIN = [1, 2, 4, 8];
/**
 * A claim without an outcome after this long belongs to a replica that died mid-post: another
 * replica takes it over. Long enough that a live replica waiting out rate limits keeps its claim.
 */
export const CLAIM_LEASE_MS = 10 * 60_000;
/** How far before the catch-up window fire times are still looked at (to record them as skipped). */
const LOOKBACK_BEYOND_WINDOW_MS = 24 * 3_600_000;
/** A long outage of a frequent schedule records its newest skipped fire times only. */
const SKIPPED_RECORD_MAX = 50;

export interface CatchUpWindow {
  /** Fire times from here on are still worth posting. */
  start: number;
  /** Fire times from here on are looked at (older ones are forgotten, not even recorded). */
  lookback: number;
}

export function catchUpWindow(now: Date, catchUpHours: number): CatchUpWindow {
  const start = now.getTime() - catchUpHours * 3_600_000;
  return { start, lookback: start - LOOKBACK_BEYOND_WINDOW_MS };
}

/**
 * Where a pass starts looking for a schedule's fire times: after its creation, after its
 * newest recorded fire time, within the lookback, and after what this replica already scanned
 * (that last one only saves work; correctness lives in the run store).
 */
export function scanStart(input: {
  createdAt: Date;
  latestRecorded: Date | undefined;
  window: CatchUpWindow;
  scannedUpTo: number | undefined;
  now: Date;
}): number {
  const from = Math.max(
    input.createdAt.getTime(),
    input.latestRecorded?.getTime() ?? 0,
    input.window.lookback,
  );
  const { scannedUpTo } = input;
  return scannedUpTo !== undefined && scannedUpTo <= input.now.getTime() ? Math.max(from, scannedUpTo) : from;
}

export interface CatchUpPlan {
  /** The one fire time to post: the latest, when it is within the window. */
  due: Date | undefined;
  /** Missed while every replica was down, before the window: recorded as skipped. */
  beyondWindow: Date[];
  /** Within the window but older than `due`: a channel gets one catch-up post, not a burst. */
  superseded: Date[];
}

/** Splits the fire times found since the scan start (oldest first) into what to post and what to skip. */
export function planCatchUp(fires: readonly Date[], window: CatchUpWindow): CatchUpPlan {
  const last = fires.at(-1);
  const due = last && last.getTime() >= window.start ? last : undefined;
  const older = due ? fires.slice(0, -1) : [...fires];
  return {
    due,
    beyondWindow: older.filter((f) => f.getTime() < window.start).slice(-SKIPPED_RECORD_MAX),
    superseded: older.filter((f) => f.getTime() >= window.start).slice(-SKIPPED_RECORD_MAX),
  };
}

export type RetryDecision = { retry: true; nextAttemptAt: Date } | { retry: false };

/**
 * After attempt number `attempts` failed: a transient failure is tried again after a growing
 * back-off (or Slack's Retry-After when longer), until MAX_ATTEMPTS; anything else gives up.
 */
export function afterFailure(
  failure: { retryable: boolean; retryAfterSec?: number },
  attempts: number,
  now: Date,
): RetryDecision {
  if (!failure.retryable || attempts >= MAX_ATTEMPTS) return { retry: false };
  const backoffMs = (RETRY_DELAYS_MIN[attempts - 1] ?? 15) * 60_000;
  const retryAfterMs = (failure.retryAfterSec ?? 0) * 1000;
  return { retry: true, nextAttemptAt: new Date(now.getTime() + Math.max(backoffMs, retryAfterMs)) };
}

/** Claims older than this, still without an outcome, are abandoned and taken over. */
export function abandonedBefore(now: Date): Date {
  return new Date(now.getTime() - CLAIM_LEASE_MS);
}

import type { webApi } from '@slack/bolt';
import { slackErrorCode } from './people-directory.js';

/**
 * How a failed Web API call should be handled by something that can try again later.
 *
 * The WebClient has already done the quick part (see app.ts): it waits out a 429's
 * Retry-After and retries 5xx and network errors a few times. What reaches us has outlived
 * those retries (transient: try again later), or Slack refused the call for a reason that
 * waiting will not fix (permanent: tell a person).
 */
export type SlackFailure =
  | { retryable: true; code: string; retryAfterSec?: number }
  | { retryable: false; code: string };

/** Platform errors that are Slack's own trouble, worth another try later. */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'team_added_to_org',
]);

export function classifySlackFailure(err: unknown): SlackFailure {
  const platform = slackErrorCode(err);
  if (platform) {
    return TRANSIENT_PLATFORM_ERRORS.has(platform)
      ? { retryable: true, code: platform }
      : { retryable: false, code: platform };
  }
  const e = err as
    | { code?: unknown; statusCode?: unknown; retryAfter?: unknown; message?: unknown }
    | undefined;
  if (e?.code === 'slack_webapi_rate_limited_error') {
    return {
      retryable: true,
      code: 'ratelimited',
      ...(typeof e.retryAfter === 'number' ? { retryAfterSec: e.retryAfter } : {}),
    };
  }
  if (e?.code === 'slack_webapi_http_error') return { retryable: true, code: `http_${String(e.statusCode)}` };
  if (e?.code === 'slack_webapi_request_error') return { retryable: true, code: 'request_error' };
  // The WebClient gives up on a call still rate limited after its retries with a plain Error.
  const message = typeof e?.message === 'string' ? e.message : '';
  const rateLimited = /rate limit was exceeded.*retry-after: (\d+)/i.exec(message);
  if (rateLimited) return { retryable: true, code: 'ratelimited', retryAfterSec: Number(rateLimited[1]) };
  // Anything else is our side (a database hiccup, a bug): worth a bounded number of retries.
  return { retryable: true, code: 'internal' };
}

/**
 * Runs a post into a channel; on `not_in_channel` joins the channel (possible for public
 * channels only: bots cannot invite themselves into private ones) and posts again. When the
 * join is refused, the original `not_in_channel` error is what the caller gets.
 */
export async function withChannelAccess<T>(
  client: webApi.WebClient,
  channelId: string,
  post: () => Promise<T>,
): Promise<T> {
  try {
    return await post();
  } catch (err) {
    if (slackErrorCode(err) !== 'not_in_channel') throw err;
    try {
      await client.conversations.join({ channel: channelId });
    } catch {
      throw err;
    }
    return post();
  }
}

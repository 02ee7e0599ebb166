import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type BufferedIncomingMessage, HTTPModuleFunctions, verifySlackRequest } from '@slack/bolt';
import type { Logger } from '../logger.js';

/** Slack signs with the current time and allows five minutes of clock skew, either way. */
const MAX_SKEW_SEC = 5 * 60;
const SUMMARY_EVERY_MS = 60_000;

export interface HttpGateOptions {
  signingSecret: string;
  /** The path Bolt's receiver serves; everything else passes straight through. */
  endpoint: string;
  logger: Logger;
  /** Paces the refusal summary. Signatures are checked against the real wall clock Slack signs with. */
  clock: () => Date;
}

export interface HttpGate {
  /** Wraps Bolt's request listener: the checks below run first, Bolt only sees what passed. */
  wrap(bolt: RequestListener): RequestListener;
  /** Logs refusals counted since the last summary (on stop). */
  flush(): void;
}

/**
 * What Bolt's HTTP receiver does not do for us:
 * - it accepts a signature dated in the future (only stale ones are refused);
 * - a signed body that is valid JSON but not an object (`null`, `payload=null`) throws outside
 *   any handler and ends the process;
 * - it writes a warning for every unsigned request, so a flood of them floods the log.
 * Refused requests get 401 (bad signature) or 400 (not a Slack payload) and are counted; the
 * count is logged at most once a minute.
 */
export function createHttpGate({ signingSecret, endpoint, logger, clock }: HttpGateOptions): HttpGate {
  let refused = 0;
  let reasons: Record<string, number> = {};
  let lastSummaryAt = Number.NEGATIVE_INFINITY;

  function flush() {
    if (refused === 0) return;
    logger.warn({ refused, reasons }, 'refused requests that were not signed by Slack');
    refused = 0;
    reasons = {};
  }

  function refuse(res: ServerResponse, status: 400 | 401, reason: string) {
    refused += 1;
    reasons[reason] = (reasons[reason] ?? 0) + 1;
    const now = clock().getTime();
    if (now - lastSummaryAt >= SUMMARY_EVERY_MS) {
      lastSummaryAt = now;
      flush();
    }
    res.writeHead(status);
    res.end();
  }

  function signatureProblem(req: BufferedIncomingMessage, body: string): string | undefined {
    const signature = req.headers['x-slack-signature'];
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (typeof signature !== 'string' || !Number.isInteger(timestamp)) return 'unsigned';
    if (Math.abs(Date.now() / 1000 - timestamp) > MAX_SKEW_SEC) return 'timestamp_out_of_window';
    try {
      verifySlackRequest({
        signingSecret,
        body,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      });
      return undefined;
    } catch {
      return 'bad_signature';
    }
  }

  async function check(req: IncomingMessage, res: ServerResponse, bolt: RequestListener) {
    let buffered: BufferedIncomingMessage;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
    } catch (err) {
      // Too large or cut off: Bolt's own answer for these.
      const status = HTTPModuleFunctions.isRawBodyError(err)
        ? (err as { statusCode: number }).statusCode
        : 400;
      res.writeHead(status);
      res.end();
      return;
    }
    const text = buffered.rawBody.toString();
    const isSslCheck =
      req.headers['content-type'] === 'application/x-www-form-urlencoded' &&
      new URLSearchParams(text).get('ssl_check') === '1';
    // Slack's ssl_check is unsigned by design; Bolt answers it and strips anything else.
    if (!isSslCheck) {
      const problem = signatureProblem(buffered, text);
      if (problem) return refuse(res, 401, problem);
      let body: unknown;
      try {
        body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
      } catch {
        body = undefined;
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return refuse(res, 400, 'not_a_slack_payload');
      }
    }
    bolt(buffered, res);
  }

  return {
    wrap: (bolt) => (req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (req.method !== 'POST' || path !== endpoint) return bolt(req, res);
      check(req, res, bolt).catch((err) => {
        logger.error({ err }, 'checking an incoming request failed');
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    },
    flush,
  };
}

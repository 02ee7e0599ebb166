import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchWithin } from '../../../src/slack/fetch-within.js';

const LIMIT_MS = 30_000;

/** A fetch that records the signal it was given and answers when told (or never). */
function fakeFetch() {
  const calls: { url: string; init: RequestInit }[] = [];
  let answer: (response: Response) => void = () => {};
  const impl = (async (input: string | URL | Request, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return new Promise<Response>((resolve, reject) => {
      answer = resolve;
      init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    });
  }) as typeof fetch;
  return { impl, calls, answer: (response: Response) => answer(response) };
}

describe('fetch for calls to Slack, within a time limit', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands the request on and the whole answer back', async () => {
    const fake = fakeFetch();
    const pending = fetchWithin(LIMIT_MS, fake.impl)('https://slack.test/api/chat.postMessage', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"hi"}',
    });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.init).toMatchObject({ method: 'POST', body: '{"text":"hi"}' });
    fake.answer(new Response('{"ok":true}', { status: 200, headers: { 'x-slack-req-id': 'r1' } }));
    const response = await pending;
    expect(response.status).toBe(200);
    expect(response.headers.get('x-slack-req-id')).toBe('r1');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('ends its timer with the call: the signal is never aborted once the answer is in', async () => {
    const fake = fakeFetch();
    const pending = fetchWithin(LIMIT_MS, fake.impl)('https://slack.test/api/auth.test');
    expect(fake.calls).toHaveLength(1);
    fake.answer(new Response(null, { status: 204 }));
    expect((await pending).status).toBe(204);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(LIMIT_MS * 2);
    expect(fake.calls[0]?.init.signal?.aborted).toBe(false);
  });

  it('gives up with a TimeoutError when Slack does not answer within the limit', async () => {
    const fake = fakeFetch();
    const pending = fetchWithin(LIMIT_MS, fake.impl)('https://slack.test/api/chat.postMessage');
    const outcome = pending.catch((err: unknown) => err);
    expect(fake.calls).toHaveLength(1);
    vi.advanceTimersByTime(LIMIT_MS - 1);
    expect(fake.calls[0]?.init.signal?.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await outcome).toMatchObject({ name: 'TimeoutError' });
  });

  it('still obeys a signal of the caller', async () => {
    const fake = fakeFetch();
    const caller = new AbortController();
    const outcome = fetchWithin(LIMIT_MS, fake.impl)('https://slack.test/response/1', {
      signal: caller.signal,
    }).catch((err: unknown) => err);
    expect(fake.calls).toHaveLength(1);
    caller.abort(new Error('stopping'));
    expect(await outcome).toMatchObject({ message: 'stopping' });
    expect(vi.getTimerCount()).toBe(0);
  });
});

import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchWithin } from '../../../src/slack/fetch-within.js';
import { LOCALHOST_CERTIFICATE, LOCALHOST_KEY } from '../../support/tls-localhost.js';

const LIMIT_MS = 30_000;

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real server on a free port: records what it received, answers through `answer`. */
async function startServer(
  answer: (request: Received, response: ServerResponse) => void,
  secure = false,
): Promise<{ url: string; received: Received[]; connections: () => number; close: () => void }> {
  const received: Received[] = [];
  let connections = 0;
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      };
      received.push(entry);
      answer(entry, response);
    });
  };
  const server = secure
    ? https.createServer({ key: LOCALHOST_KEY, cert: LOCALHOST_CERTIFICATE }, handle)
    : http.createServer(handle);
  server.on(secure ? 'secureConnection' : 'connection', () => {
    connections += 1;
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `${secure ? 'https' : 'http'}://127.0.0.1:${port}`,
    received,
    connections: () => connections,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const servers: { close: () => void }[] = [];
async function server(answer: (request: Received, response: ServerResponse) => void, secure = false) {
  const started = await startServer(answer, secure);
  servers.push(started);
  return started;
}

afterEach(() => {
  vi.useRealTimers();
  for (const started of servers.splice(0)) started.close();
});

const answerOk = (_request: Received, response: ServerResponse) => {
  response.writeHead(200, { 'content-type': 'application/json', 'x-slack-req-id': 'r1' });
  response.end('{"ok":true}');
};

describe('fetch for calls to Slack, within a time limit', () => {
  it('sends the method, headers and body, and hands the whole answer back', async () => {
    const slack = await server(answerOk);
    const response = await fetchWithin(LIMIT_MS)(`${slack.url}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer xoxb-1' },
      body: '{"text":"café"}',
    });
    expect(slack.received).toEqual([
      expect.objectContaining({ method: 'POST', url: '/api/chat.postMessage', body: '{"text":"café"}' }),
    ]);
    expect(slack.received[0]?.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer xoxb-1',
      'content-length': String(Buffer.byteLength('{"text":"café"}')),
    });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get('x-slack-req-id')).toBe('r1');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('hands back a status without a body, and a failed status as it came', async () => {
    const slack = await server((request, response) => {
      if (request.url === '/gone') {
        response.writeHead(404, 'Not Found');
        response.end('no_such_url');
      } else {
        response.writeHead(204);
        response.end();
      }
    });
    const call = fetchWithin(LIMIT_MS);
    const empty = await call(`${slack.url}/empty`, { method: 'POST', body: 'x=1' });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    const gone = await call(`${slack.url}/gone`, { method: 'POST', body: '{}' });
    expect([gone.status, gone.ok, gone.statusText]).toEqual([404, false, 'Not Found']);
    expect(await gone.text()).toBe('no_such_url');
  });

  it('keeps the connection alive from one call to the next', async () => {
    const slack = await server(answerOk);
    const call = fetchWithin(LIMIT_MS);
    for (let i = 0; i < 3; i += 1) {
      expect((await call(`${slack.url}/api/auth.test`, { method: 'POST', body: '' })).status).toBe(200);
    }
    expect(slack.received).toHaveLength(3);
    expect(slack.connections()).toBe(1);
  });

  it('sends a file upload (FormData) as multipart, with its boundary', async () => {
    const slack = await server(answerOk);
    const form = new FormData();
    form.append('filename', 'chart.png');
    form.append('file', new Blob([new Uint8Array([137, 80, 78, 71])]), 'chart.png');
    await fetchWithin(LIMIT_MS)(`${slack.url}/upload/v1/abc`, { method: 'POST', body: form });
    const upload = slack.received[0];
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(upload?.headers['content-type'] ?? '')?.[1];
    expect(boundary).toBeDefined();
    expect(upload?.body).toContain(`--${boundary}`);
    expect(upload?.body).toContain('name="file"; filename="chart.png"');
    expect(upload?.body).toContain('PNG');
  });

  it('speaks HTTPS, trusting the certificates it is given', async () => {
    const slack = await server(answerOk, true);
    const response = await fetchWithin(LIMIT_MS, { ca: LOCALHOST_CERTIFICATE })(
      `${slack.url}/api/auth.test`,
      {
        method: 'POST',
        body: 'token=xoxb-1',
      },
    );
    expect(await response.json()).toEqual({ ok: true });
    expect(slack.received[0]?.body).toBe('token=xoxb-1');
    // Without that certificate the same server is refused: the check is really made.
    await expect(fetchWithin(LIMIT_MS)(`${slack.url}/api/auth.test`, { method: 'POST' })).rejects.toThrow(
      /self[- ]signed/i,
    );
  });

  it('gives up with a TimeoutError when Slack does not answer within the limit, and ends its timer with the call', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const slack = await server((request, response) => {
      if (request.url !== '/silent') answerOk(request, response);
    });
    const call = fetchWithin(LIMIT_MS);
    expect((await call(`${slack.url}/api/auth.test`, { method: 'POST' })).status).toBe(200);
    expect(vi.getTimerCount()).toBe(0);

    let settled = false;
    const outcome = call(`${slack.url}/silent`, { method: 'POST', body: 'x=1' }).catch((err: unknown) => err);
    void outcome.then(() => {
      settled = true;
    });
    // Waited for on the event loop, not with vi.waitFor: that one moves the fake clock on.
    while (slack.received.length < 2) await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(LIMIT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toMatchObject({ name: 'TimeoutError' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fails, instead of waiting, when the connection closes in the middle of the answer', async () => {
    const slack = await server((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"ok":');
      setImmediate(() => response.socket?.destroy());
    });
    await expect(
      fetchWithin(LIMIT_MS)(`${slack.url}/api/chat.postMessage`, { method: 'POST' }),
    ).rejects.toThrow();
  });

  it('still obeys a signal of the caller', async () => {
    const slack = await server(() => {});
    const caller = new AbortController();
    const outcome = fetchWithin(LIMIT_MS)(`${slack.url}/response/1`, {
      method: 'POST',
      body: '{}',
      signal: caller.signal,
    }).catch((err: unknown) => err);
    await vi.waitFor(() => expect(slack.received).toHaveLength(1), { interval: 5 });
    caller.abort(new Error('stopping'));
    expect(await outcome).toMatchObject({ message: 'stopping' });
  });
});

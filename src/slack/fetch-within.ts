import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

/** Statuses whose Response must have no body (the constructor throws otherwise). */
const WITHOUT_BODY = new Set([204, 205, 304]);

export interface FetchWithinOptions {
  /** Certificates to trust besides the system's (a test's own HTTPS server). */
  ca?: string;
}

/**
 * The fetch Bolt and its WebClient use for every call to Slack, Web API and response_url alike,
 * with one time limit that covers the answer being read. Bolt's `respond()` (response_url) has
 * no limit of its own: a URL that never answered held its listener until the process stopped.
 * WebClient's `timeout` is left unset: this limit covers its calls too, and its timer ends with
 * the call instead of outliving it by the whole limit.
 *
 * It speaks through node:http rather than the global fetch: both Slack clients only ever POST a
 * small body and read a small JSON answer, and fetch's Request, Response and web streams cost
 * the thread that acks 4-5 times the CPU of a plain request (about 0.5 ms a call on Node 20),
 * plus the garbage that makes its collections longer. The answer is still handed back as a
 * Response, which is what both clients read.
 */
export function fetchWithin(limitMs: number, options: FetchWithinOptions = {}): typeof fetch {
  // Kept-alive connections, as fetch keeps them. An idle socket does not hold the process open.
  const plainAgent = new http.Agent({ keepAlive: true });
  const tlsAgent = new https.Agent({ keepAlive: true, ...(options.ca ? { ca: options.ca } : {}) });
  return async (input, init = {}) => {
    if (input instanceof Request) throw new TypeError('fetchWithin takes a URL, not a Request');
    const url = new URL(input);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TypeError(`fetchWithin speaks HTTP only, not ${url.protocol}`);
    }
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`no answer within ${limitMs} ms`, 'TimeoutError')),
      limitMs,
    );
    const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    try {
      const { bytes, type } = await bodyBytes(init.body);
      const headers = Object.fromEntries(new Headers(init.headers));
      if (type && !('content-type' in headers)) headers['content-type'] = type;
      if (bytes) headers['content-length'] = String(bytes.byteLength);
      return await exchange(
        url,
        { method: init.method ?? 'GET', headers, agent: url.protocol === 'https:' ? tlsAgent : plainAgent },
        bytes,
        signal,
      );
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * The body as bytes. Slack's clients send a string (a form or JSON); a file upload is FormData,
 * serialized the way fetch would, with its multipart boundary in the content type.
 */
async function bodyBytes(body: RequestInit['body']): Promise<{ bytes?: Buffer; type?: string }> {
  if (body === undefined || body === null) return {};
  if (typeof body === 'string') return { bytes: Buffer.from(body) };
  const wrapped = new Response(body);
  return {
    bytes: Buffer.from(await wrapped.arrayBuffer()),
    type: wrapped.headers.get('content-type') ?? undefined,
  };
}

/** One request, its answer read whole; the signal ends it at any point. */
function exchange(
  url: URL,
  options: http.RequestOptions,
  bytes: Buffer | undefined,
  signal: AbortSignal,
): Promise<Response> {
  signal.throwIfAborted();
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<Response>((resolve, reject) => {
    const request = transport.request(url, options);
    const abort = () => {
      reject(signal.reason);
      request.destroy();
    };
    signal.addEventListener('abort', abort, { once: true });
    const settle =
      <T>(done: (value: T) => void) =>
      (value: T) => {
        signal.removeEventListener('abort', abort);
        done(value);
      };
    const fail = settle(reject);
    request.on('error', fail);
    request.on('response', (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      // Also when the connection closes in the middle of the answer (Node's 'aborted' error).
      answer.on('error', fail);
      answer.on('end', () => settle(resolve)(toResponse(answer, Buffer.concat(chunks))));
    });
    request.end(bytes);
  });
}

function toResponse(answer: IncomingMessage, body: Buffer): Response {
  const status = answer.statusCode ?? 502;
  const headers = new Headers();
  for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2) {
    headers.append(answer.rawHeaders[i] as string, answer.rawHeaders[i + 1] as string);
  }
  return new Response(WITHOUT_BODY.has(status) ? null : body, {
    status,
    statusText: answer.statusMessage ?? '',
    headers,
  });
}

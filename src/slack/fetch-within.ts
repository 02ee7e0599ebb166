/** Statuses whose Response must have no body (the constructor throws otherwise). */
const WITHOUT_BODY = new Set([204, 205, 304]);

/**
 * The fetch Bolt and its WebClient use for every call to Slack, Web API and response_url alike,
 * with one time limit that covers the answer being read. Bolt's `respond()` (response_url) has
 * no limit of its own: a URL that never answered held its listener until the process stopped.
 * WebClient's `timeout` is left unset: this limit covers its calls too, and its timer ends with
 * the call instead of outliving it by the whole limit.
 */
export function fetchWithin(limitMs: number, fetchImpl: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init = {}) => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`no answer within ${limitMs} ms`, 'TimeoutError')),
      limitMs,
    );
    const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    try {
      const response = await fetchImpl(input, { ...init, signal });
      // Slack's answers are small JSON documents: read whole, then handed on as a new Response.
      const body = await response.arrayBuffer();
      return new Response(WITHOUT_BODY.has(response.status) ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } finally {
      clearTimeout(timer);
    }
  };
}

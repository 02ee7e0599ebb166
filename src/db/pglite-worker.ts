/**
 * The thread that owns the embedded database. PGlite is Postgres compiled to WebAssembly: its
 * queries run on the thread that calls them, so on the main thread one slow query (a digest
 * over thousands of stories) would hold up every Slack ack. Here it has a thread of its own; the
 * main thread talks to it through messages (see pglite-remote.ts).
 *
 * One request at a time, in the order they arrive: the main thread decides that order (it keeps
 * a transaction's statements together), this thread only runs it.
 *
 * The data directory exists already: pglite-initdb.ts creates it in a process of its own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';
import { runBelowMainThread } from '../worker-threads.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './pglite-remote.js';
import { PGLITE_OPTIONS } from './pglite-settings.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('pglite-worker.ts runs only as a worker thread');

// drizzle's PGlite driver asks for these types as the strings Postgres sends (it parses them
// itself); parser functions cannot cross threads, so the worker applies the same ones. Given
// once to PGlite rather than with each query, which would merge them with its own on every call.
const keepText = (value: string) => value;
const parsers = Object.fromEntries(
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map(
    (oid) => [oid, keepText],
  ),
);

/** When this thread gives the main thread precedence: well after a start is healthy. */
const AFTER_START_MS = 5_000;

// While PGlite opens, nothing holds this thread's event loop open (compiling the WebAssembly is
// V8's own work, no libuv handle), so Node's loop runs dry and waits for every compile task V8
// has queued, the optimising ones included, before it runs anything else: the first request
// waited 200-450 ms for code it did not need yet. A timer keeps the loop turning until we serve.
const openingTimer = setInterval(() => {}, 60_000);
try {
  serve(await PGlite.create(setup.dataDir, { ...PGLITE_OPTIONS, parsers }));
} catch (err) {
  port.postMessage({ kind: 'failed', error: describeError(err) } satisfies WorkerReply);
} finally {
  clearInterval(openingTimer);
}

function serve(pg: PGlite) {
  // Second to the main thread, but not during start-up: V8 is still compiling PGlite's
  // WebAssembly on its own threads, and the first queries must not wait behind it (lowered at
  // once, start to healthy went from 1.5 to 1.6-1.7 s).
  setTimeout(runBelowMainThread, AFTER_START_MS).unref();
  let queue: Promise<void> = Promise.resolve();
  port?.on('message', (request: WorkerRequest) => {
    queue = queue.then(() => handle(pg, request));
  });
  port?.postMessage({ kind: 'ready' } satisfies WorkerReply);
}

async function handle(pg: PGlite, request: WorkerRequest) {
  if (request.kind === 'close') {
    await pg.close().catch(() => {});
    port?.postMessage({ kind: 'closed' } satisfies WorkerReply);
    port?.close();
    return;
  }
  try {
    const result = await pg.query(request.sql, request.params, { rowMode: request.rowMode });
    port?.postMessage({ kind: 'result', id: request.id, result } satisfies WorkerReply);
  } catch (err) {
    port?.postMessage({ kind: 'error', id: request.id, error: describeError(err) } satisfies WorkerReply);
  }
}

/** Errors cross threads as plain data: Postgres's fields (code, constraint, …) are kept. */
function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const fields: Record<string, unknown> = { name: err.name, message: err.message, stack: err.stack };
  for (const [key, value] of Object.entries(err)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'object') continue;
    fields[key] = value;
  }
  return fields;
}

/**
 * The thread that owns the embedded database. PGlite is Postgres compiled to WebAssembly: its
 * queries run on the thread that calls them, so on the main thread one slow query (a digest
 * over thousands of stories) would hold up every Slack ack. Here it has a thread of its own; the
 * main thread talks to it through messages (see pglite-remote.ts).
 *
 * One request at a time, in the order they arrive: the main thread decides that order (it keeps
 * a transaction's statements together), this thread only runs it.
 *
 * It starts before it knows its data directory (main.ts starts it first thing, see
 * startPgliteThreadEarly): it reads and compiles PGlite meanwhile, and opens the directory when
 * the first message, `open`, names it. The directory exists by then: pglite-initdb.ts creates it
 * in a process of its own.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { PGlite, parse, protocol, types } from '@electric-sql/pglite';
import { runBelowMainThread } from '../worker-threads.js';
import type { WorkerReply, WorkerRequest } from './pglite-remote.js';
import { PGLITE_OPTIONS } from './pglite-settings.js';

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

/**
 * How much of a WebAssembly function V8 runs (roughly, in bytes executed) before its optimising
 * compiler recompiles it on a background thread. At V8's default, 1.8 million, Postgres's start,
 * which runs a great deal of code once, had much of it recompiled while the main thread was
 * loading the bot, and the two cores were short. With this budget a start on existing data took
 * 1.94 s of CPU instead of 2.19 s (medians of 5). The code queries run over and over still
 * reaches it within seconds of load: the bench's ack and throughput rows cost the same CPU.
 * The setting is the whole process's, and PGlite is the only WebAssembly the bot runs; it is set
 * before PGlite is created, so it holds from the first function Postgres runs.
 */
const WASM_TIERING_BUDGET = 50_000_000;

/** When this thread gives the main thread precedence: well after a start is healthy. */
const AFTER_START_MS = 5_000;

// While PGlite opens, nothing holds this thread's event loop open (compiling the WebAssembly is
// V8's own work, no libuv handle), so Node's loop runs dry and waits for every compile task V8
// has queued, the optimising ones included, before it runs anything else: the first request
// waited 200-450 ms for code it did not need yet. A timer keeps the loop turning until PGlite is
// open.
const openingTimer = setInterval(() => {}, 60_000);
setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
// What needs no data directory is under way before the `open` message arrives.
const wasmModule = WebAssembly.compile(readPgliteFile('pglite.wasm'));
wasmModule.catch(() => {}); // awaited by open(), which reports a failure
const fsBundle = new Blob([readPgliteFile('pglite.data')]);

let openWith!: (dataDir: string) => void;
const opened = new Promise<string>((resolve) => {
  openWith = resolve;
}).then(open);
// Should PGlite not open, the `failed` reply has told the main thread, which fails the requests
// it sent with that reason: here they are dropped.
const openedOrNot = opened.catch(() => undefined);
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'open') {
    openWith(request.dataDir);
    return;
  }
  // Requests wait for PGlite, and run one at a time in the order they came.
  queue = queue.then(async () => {
    const database = await openedOrNot;
    if (database) await handle(database, request);
  });
});

interface OpenDatabase {
  pg: PGlite;
  statements: PreparedStatements;
}

async function open(dataDir: string): Promise<OpenDatabase> {
  try {
    const pg = await PGlite.create(dataDir, {
      ...PGLITE_OPTIONS,
      parsers,
      pgliteWasmModule: await wasmModule,
      fsBundle,
    });
    // Second to the main thread, but not during start-up: V8 is still compiling PGlite's
    // WebAssembly on its own threads, and the first queries must not wait behind it (lowered at
    // once, start to healthy went from 1.5 to 1.6-1.7 s).
    setTimeout(runBelowMainThread, AFTER_START_MS).unref();
    port?.postMessage({ kind: 'ready' } satisfies WorkerReply);
    return { pg, statements: createPreparedStatements(pg) };
  } catch (err) {
    port?.postMessage({ kind: 'failed', error: describeError(err) } satisfies WorkerReply);
    throw err;
  } finally {
    clearInterval(openingTimer);
  }
}

/**
 * One of the files PGlite ships beside its code, read at once. Left to PGlite, they are read in
 * small asynchronous pieces through libuv's threads, and while the bot's main thread is loading
 * on the other core each piece waited for a turn: 120 ms of this thread's start, 85 ms of it
 * idle. Read here, 15 MB from the file cache take a few milliseconds.
 */
function readPgliteFile(name: 'pglite.wasm' | 'pglite.data'): Buffer {
  return readFileSync(new URL(import.meta.resolve(`@electric-sql/pglite/${name}`)));
}

async function handle({ pg, statements }: OpenDatabase, request: Exclude<WorkerRequest, { kind: 'open' }>) {
  if (request.kind === 'close') {
    await pg.close().catch(() => {});
    port?.postMessage({ kind: 'closed' } satisfies WorkerReply);
    port?.close();
    return;
  }
  try {
    const result =
      request.params.length > 0
        ? await statements.run(request.sql, request.params, request.rowMode)
        : await pg.query(request.sql, [], { rowMode: request.rowMode });
    port?.postMessage({ kind: 'result', id: request.id, result } satisfies WorkerReply);
  } catch (err) {
    port?.postMessage({ kind: 'error', id: request.id, error: describeError(err) } satisfies WorkerReply);
  }
}

/** How many named statements this thread keeps; the least recently used is closed beyond. */
const KEPT_STATEMENTS = 200;

/**
 * Runs each SQL text sent with parameters as a named prepared statement, parsed and planned
 * the first time and only bound and executed after that. PGlite's `query` parses and plans the
 * statement on every call and crosses into WebAssembly once per protocol message (parse,
 * describe, bind, describe, execute, sync): a small insert took 0.36 ms of this thread that
 * way, 0.09 ms here, where bind, describe, execute and sync go in one call. Every request's
 * statements are the same few texts (drizzle's prepared queries and the repositories' builders),
 * with only their values changing. Values are serialized and rows parsed as `query` does.
 */
function createPreparedStatements(pg: PGlite) {
  const { serialize } = protocol;
  /** By SQL text, in the order last used: its name and its parameters' type ids. */
  const kept = new Map<string, { name: string; paramTypes: number[] }>();
  let made = 0;

  async function prepare(sql: string) {
    const name = `culture_${++made}`;
    const { messages } = await pg.execProtocol(
      concat([
        serialize.parse({ name, text: sql, types: [] }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
    );
    const described = messages.find((message) => message.name === 'parameterDescription') as
      | { dataTypeIDs: number[] }
      | undefined;
    const statement = { name, paramTypes: described?.dataTypeIDs ?? [] };
    kept.set(sql, statement);
    const oldest = kept.size > KEPT_STATEMENTS ? kept.entries().next().value : undefined;
    if (oldest) {
      kept.delete(oldest[0]);
      await pg.execProtocol(concat([serialize.close({ type: 'S', name: oldest[1].name }), serialize.sync()]));
    }
    return statement;
  }

  return {
    async run(sql: string, params: unknown[], rowMode: 'array' | 'object') {
      let statement = kept.get(sql);
      if (statement) {
        kept.delete(sql);
        kept.set(sql, statement);
      } else statement = await prepare(sql);
      const { paramTypes } = statement;
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const type = paramTypes[i];
        const serializer = type === undefined ? undefined : pg.serializers[type];
        return serializer ? serializer(value) : String(value);
      });
      const { messages } = await pg.execProtocol(
        concat([
          serialize.bind({ statement: statement.name, values }),
          serialize.describe({ type: 'P' }),
          serialize.execute({}),
          serialize.sync(),
        ]),
      );
      return parse.parseResults(messages, pg.parsers, { rowMode })[0];
    },
  };
}

type PreparedStatements = ReturnType<typeof createPreparedStatements>;

function concat(parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
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

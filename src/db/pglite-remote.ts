/**
 * The main thread's handle on the PGlite worker (pglite-worker.ts): just enough of PGlite's
 * client interface for drizzle's PGlite driver (`query` and `transaction`), each call a message
 * to the worker. The main thread never runs a query itself, so acks never wait for one.
 *
 * Order: requests reach the worker in the order they are sent and it runs them one by one.
 * A transaction holds the send lock from BEGIN to COMMIT, so nothing else slips between its
 * statements; plain queries only take the lock long enough to be sent (they pipeline).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { forkSibling, startSiblingWorker } from '../worker-threads.js';
import { copyDataDir, findBuiltTemplate } from './pglite-template.js';

export type WorkerRequest =
  | { kind: 'open'; dataDir: string }
  | { kind: 'query'; id: number; sql: string; params: unknown[]; rowMode: 'array' | 'object' }
  | { kind: 'close' };

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'failed'; error: Record<string, unknown> }
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; error: Record<string, unknown> }
  | { kind: 'closed' };

interface QueryOptions {
  rowMode?: 'array' | 'object';
}

/** What a transaction callback gets: queries that run inside the transaction. */
interface RemoteTransaction {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<unknown>;
}

export interface RemotePglite extends RemoteTransaction {
  transaction<T>(fn: (tx: RemoteTransaction) => Promise<T>): Promise<T>;
  /**
   * Lets the work already sent finish (within `timeoutMs` in all), closes PGlite, ends the
   * thread. A stopping bot passes its shutdown budget's share (src/shutdown.ts).
   */
  close(timeoutMs?: number): Promise<void>;
}

let earlyThread: Worker | undefined;

/**
 * Starts PGlite's thread before any database is asked for. Booting it, importing PGlite and
 * compiling Postgres's WebAssembly take it 0.3-0.4 s and need no data directory, so main.ts
 * calls this first thing, and that work runs while the rest of the bot loads (in alternating
 * starts on existing data, sooner in 28 pairs of 42; medians of 8 on a quiet machine, 1.21
 * against 1.36 s). The next connectRemotePglite hands the thread its directory, once DATA_DIR
 * is locked. Until then it does not hold the process open, and should it end, the next
 * connection starts a thread of its own.
 */
export function startPgliteThreadEarly(): void {
  if (earlyThread) return;
  const thread = startSiblingWorker(import.meta.url, 'pglite-worker');
  thread.unref();
  const forget = () => {
    if (earlyThread === thread) earlyThread = undefined;
  };
  thread.once('error', forget);
  thread.once('exit', forget);
  earlyThread = thread;
}

/**
 * Starts the worker on `dataDir` (the early thread, if there is one) and resolves with a client
 * at once, and with `opened`, which resolves once PGlite is open: queries sent before wait in
 * the worker's queue, and fail with the reason should it not open. A directory that holds no
 * database yet gets one first: a copy of the build's prepared template (pglite-template.ts), or,
 * running from source, one created by a throwaway process (see pglite-initdb.ts for why).
 */
export async function connectRemotePglite(
  dataDir: string,
): Promise<{ client: RemotePglite; opened: Promise<void> }> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory && !existsSync(join(dataDir, 'PG_VERSION'))) {
    const template = findBuiltTemplate();
    if (template) copyDataDir(template, dataDir);
    else await initdb(dataDir);
  }
  const worker = earlyThread ?? startSiblingWorker(import.meta.url, 'pglite-worker');
  earlyThread = undefined;
  worker.ref();
  worker.postMessage({ kind: 'open', dataDir } satisfies WorkerRequest);
  const opened = whenReady(worker);
  return { client: createRemote(worker, opened), opened };
}

async function initdb(dataDir: string): Promise<void> {
  const child = forkSibling(import.meta.url, 'pglite-initdb', [dataDir]);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`creating the embedded database in ${dataDir} failed: ${stderr.trim()}`);
}

function whenReady(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onExit = () => reject(new Error('the embedded database stopped while opening'));
    const onMessage = (reply: WorkerReply) => {
      if (reply.kind !== 'ready' && reply.kind !== 'failed') return;
      worker.off('error', reject);
      worker.off('exit', onExit);
      worker.off('message', onMessage);
      if (reply.kind === 'ready') resolve();
      else {
        void worker.terminate();
        reject(toError(reply.error));
      }
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', onExit);
  });
}

function createRemote(worker: Worker, opened: Promise<void>): RemotePglite {
  const pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  let nextId = 1;
  let broken: Error | undefined;
  let closing: Promise<void> | undefined;
  let opening = true;
  /** Resolves when the current transaction (if any) has sent its last statement. */
  let sendLock: Promise<void> = Promise.resolve();

  // The worker keeps the process alive while it opens, then only while a query waits for it.
  const holdProcess = () => (opening || pending.size > 0 ? worker.ref() : worker.unref());
  const settle = (id: number) => {
    const entry = pending.get(id);
    pending.delete(id);
    holdProcess();
    return entry;
  };

  worker.on('message', (reply: WorkerReply) => {
    if (reply.kind === 'result') settle(reply.id)?.resolve(reply.result);
    else if (reply.kind === 'error') settle(reply.id)?.reject(toError(reply.error));
  });
  const fail = (err: Error) => {
    broken ??= err;
    for (const [id, entry] of pending) {
      pending.delete(id);
      entry.reject(err);
    }
    worker.unref();
  };
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('the embedded database has stopped')));
  opened.then(
    () => {
      opening = false;
      holdProcess();
    },
    // Queries sent while it opened fail with the reason it did not.
    (err: Error) => {
      opening = false;
      fail(err);
    },
  );

  const send = (sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<unknown> => {
    if (broken) return Promise.reject(broken);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      if (pending.size === 1) worker.ref();
      worker.postMessage({
        kind: 'query',
        id,
        sql,
        params,
        rowMode: options.rowMode ?? 'object',
      } satisfies WorkerRequest);
    });
  };

  /** Runs `fn` alone: no other request is sent until the promise it returns settles. */
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = sendLock.then(fn);
    sendLock = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };

  const refuseWhenClosing = () => {
    if (closing) throw new Error('the embedded database is closing');
  };

  return {
    async query(sql, params, options) {
      refuseWhenClosing();
      // Wait for a transaction in progress; then this query is sent at once (not awaited).
      let sent!: Promise<unknown>;
      await exclusive(async () => {
        sent = send(sql, params, options);
      });
      return sent;
    },
    async transaction(fn) {
      refuseWhenClosing();
      return exclusive(async () => {
        await send('begin');
        try {
          const result = await fn({ query: (sql, params, options) => send(sql, params, options) });
          await send('commit');
          return result;
        } catch (err) {
          await send('rollback').catch(() => {});
          throw err;
        }
      });
    },
    close(timeoutMs = 1_000) {
      closing ??= (async () => {
        // Already ended (it failed to open, or stopped): there is nothing to let finish.
        if (broken) {
          await worker.terminate();
          return;
        }
        const deadline = Date.now() + timeoutMs;
        const closed = new Promise<void>((resolve) => {
          worker.on('message', (reply: WorkerReply) => reply.kind === 'closed' && resolve());
          worker.once('exit', () => resolve());
        });
        worker.ref();
        // A transaction under way sends its last statements first; then queries already sent
        // run before the close. Past the deadline the thread is stopped (Postgres recovers from
        // its write-ahead log on the next start, as after a crash).
        await Promise.race([sendLock, delay(deadline - Date.now())]);
        worker.postMessage({ kind: 'close' } satisfies WorkerRequest);
        const inTime = await Promise.race([
          closed.then(() => true),
          delay(Math.max(0, deadline - Date.now())).then(() => false),
        ]);
        if (!inTime) fail(new Error('the embedded database was stopped before its queries finished'));
        await worker.terminate();
      })();
      return closing;
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function toError(fields: Record<string, unknown>): Error {
  const err = new Error(String(fields.message ?? 'embedded database error'));
  Object.assign(err, fields);
  return err;
}

import { type ChildProcess, type ForkOptions, fork } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` that sits beside the caller (`callerUrl` is the caller's
 * `import.meta.url`): its compiled `.js` twin in a build, the `.ts` source under tsx or vitest.
 * A thread does not inherit tsx's loader, so from source it registers it before importing the
 * worker (`tsx` resolves from the project root, where those runs start).
 */
export function startSiblingWorker(callerUrl: string, name: string, workerData?: unknown): Worker {
  if (!callerUrl.endsWith('.ts')) {
    return new Worker(new URL(`./${name}.js`, callerUrl), { workerData });
  }
  const source = new URL(`./${name}.ts`, callerUrl).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Starts the module `name` beside the caller as a child process, with `args`: for work whose
 * memory must all go back to the system when it ends. From source it runs under tsx's loader.
 */
export function forkSibling(callerUrl: string, name: string, args: string[]): ChildProcess {
  const options: ForkOptions = { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] };
  if (!callerUrl.endsWith('.ts'))
    return fork(fileURLToPath(new URL(`./${name}.js`, callerUrl)), args, options);
  return fork(fileURLToPath(new URL(`./${name}.ts`, callerUrl)), args, {
    ...options,
    execArgv: ['--import', 'tsx'],
  });
}

/** How much lower than the main thread a background thread runs (a nice value, 0–19). */
const BACKGROUND_NICENESS = 10;

/**
 * Called from a worker thread (the charts' at once, the database's once it has started): this
 * thread gets the CPU only after the main thread, which acks Slack. On a busy two-core machine an ack otherwise
 * waits for the kernel to deschedule a thread running a query. Linux gives each thread its
 * own nice value (setpriority with a thread id); elsewhere, or without /proc, nothing changes.
 */
export function runBelowMainThread(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId)) setPriority(threadId, BACKGROUND_NICENESS);
  } catch {
    // Not Linux, or not allowed: the thread keeps the main thread's priority.
  }
}

/**
 * The processes under test: the real bot (compiled, as `npm start` runs it) and the bare Bolt
 * app, each its own Node process, so each gets the same treatment from the operating system.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

/** Linux's USER_HZ, the unit of /proc/<pid>/stat's CPU times (100 on every mainstream build). */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time process `pid` has used so far (user + system, every thread), in milliseconds. */
export function cpuMsOf(pid: number): number {
  // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, after the ")" of the name.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

export interface AppProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** From spawn to the first 200 on /healthz, in milliseconds. */
  readonly startToHealthyMs: number;
  /** Lines the process logged at level error or above so far. */
  loggedErrors(): number;
  /** Resident memory now, in megabytes (the kernel's figure, worker threads included). */
  rssMb(): number;
  /** CPU time the process has used so far (user + system, every thread), in milliseconds. */
  cpuMs(): number;
  /** Sends `signal` and resolves with the time to exit (ms) and the exit code. */
  stop(signal?: NodeJS.Signals): Promise<{ ms: number; code: number | null }>;
  readonly child: ChildProcess;
}

/**
 * Spawns `args` (after `node`) with `env` and waits until it logs a line with a `port` (the
 * bot's "service culture bot started", the bare app's "bare bolt started") and its /healthz
 * answers 200.
 */
export async function startApp(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 300_000,
): Promise<AppProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const errors: string[] = [];
  let loggedErrors = 0;
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in ${timeoutMs} ms`)), timeoutMs);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      let log: { port?: unknown; level?: number; msg?: string };
      try {
        log = JSON.parse(line);
      } catch {
        return;
      }
      // Counted, not printed: under load the bot's replies after the ack may fail by the thousand.
      if ((log.level ?? 0) >= 50) loggedErrors++;
      if (typeof log.port === 'number' && /started/.test(String(log.msg))) {
        clearTimeout(timer);
        resolve(log.port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it started: ${errors.join('')}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  while ((await fetch(`${url}/healthz`).catch(() => undefined))?.status !== 200) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const startToHealthyMs = performance.now() - started;
  const pid = child.pid ?? 0;
  return {
    name,
    url,
    pid,
    startToHealthyMs,
    child,
    loggedErrors: () => loggedErrors,
    rssMb: () => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
    },
    cpuMs: () => cpuMsOf(pid),
    stop(signal = 'SIGTERM') {
      const sent = performance.now();
      if (child.exitCode !== null) return Promise.resolve({ ms: 0, code: child.exitCode });
      const exited = new Promise<{ ms: number; code: number | null }>((resolve) =>
        child.once('exit', (code) => resolve({ ms: performance.now() - sent, code })),
      );
      child.kill(signal);
      return exited;
    },
  };
}

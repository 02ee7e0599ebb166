/**
 * The bench's handle on the Slack emulator, which runs in a process of its own
 * (`emulator-process.ts`): the apps' answers and DMs are served there, not in the process that
 * generates the load and times it. Operations cross the IPC channel (`call`); the one thing
 * the load needs synchronously, a response_url per command, comes from a pool minted ahead.
 */
import type { ChildProcess } from 'node:child_process';
import type { SlackEmulatorOptions } from '../../src/sandbox/slack-emulator.js';
import { forkSibling } from '../../src/worker-threads.js';
import type { EmulatorInfo, EmulatorOps } from './emulator-process.js';
import { cpuMsOf } from './processes.js';

export interface BenchEmulator extends EmulatorInfo {
  /** Runs one of the emulator process's operations. */
  call<K extends keyof EmulatorOps>(
    op: K,
    ...args: Parameters<EmulatorOps[K]>
  ): Promise<Awaited<ReturnType<EmulatorOps[K]>>>;
  /** A fresh response_url from the pool (throws when the pool is empty: prepare more first). */
  responseUrl(): string;
  /** Fills the pool to at least `count` response_urls. */
  prepareResponseUrls(count: number): Promise<void>;
  /** CPU time the emulator's process has used so far, in milliseconds. */
  cpuMs(): number;
  close(): Promise<void>;
}

/** Minted per request to the emulator process when the pool runs low during a load. */
const BATCH = 5_000;

export async function startEmulatorProcess(options: SlackEmulatorOptions): Promise<BenchEmulator> {
  const child: ChildProcess = forkSibling(import.meta.url, 'emulator-process', [JSON.stringify(options)]);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const info = await new Promise<EmulatorInfo>((resolve, reject) => {
    child.on(
      'message',
      (message: { ready?: EmulatorInfo; id?: number; result?: unknown; error?: string }) => {
        if (message.ready) return resolve(message.ready);
        const waiter = pending.get(message.id ?? -1);
        if (!waiter) return;
        pending.delete(message.id ?? -1);
        if (message.error !== undefined) waiter.reject(new Error(message.error));
        else waiter.resolve(message.result);
      },
    );
    child.once('exit', (code) => {
      const error = new Error(`the emulator process exited with ${code}: ${stderr}`);
      reject(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
  });

  const call: BenchEmulator['call'] = (op, ...args) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, op, args: args[0] });
    });

  const pool: string[] = [];
  let refilling: Promise<void> | undefined;
  const refill = (count: number) => {
    refilling ??= call('responseUrls', count)
      .then((urls) => {
        pool.push(...urls);
      })
      .finally(() => {
        refilling = undefined;
      });
    return refilling;
  };

  await refill(BATCH);
  return {
    ...info,
    call,
    responseUrl() {
      const url = pool.pop();
      if (!url)
        throw new Error('no response_url left in the pool: prepareResponseUrls(more) before the load');
      if (pool.length < BATCH / 2) void refill(BATCH);
      return url;
    },
    async prepareResponseUrls(count) {
      while (pool.length < count) await refill(Math.max(BATCH, count - pool.length));
    },
    cpuMs: () => cpuMsOf(child.pid ?? 0),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    },
  };
}

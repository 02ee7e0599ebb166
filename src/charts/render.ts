/**
 * Renders charts to PNG on a worker thread of their own (render-worker.ts), started on first use
 * and shared by every caller. It is unref'd: an idle renderer never keeps the process alive, and
 * a process that stops ends it with everything else.
 */
import type { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { startSiblingWorker } from '../worker-threads.js';

export interface RenderRequest {
  id: number;
  spec: TopLevelSpec;
}

export type RenderReply = { id: number; png: Uint8Array } | { id: number; error: string };

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (png: Buffer) => void; reject: (err: Error) => void }>();

function renderer(): Worker {
  if (worker) return worker;
  const started = startSiblingWorker(import.meta.url, 'render-worker');
  started.unref();
  started.on('message', (reply: RenderReply) => {
    const caller = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!caller) return;
    if ('png' in reply)
      caller.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
    else caller.reject(new Error(`chart rendering failed: ${reply.error}`));
  });
  // A renderer that dies fails what it was drawing; the next chart starts a new one.
  const fail = (err: Error) => {
    if (worker === started) worker = undefined;
    for (const caller of waiting.values()) caller.reject(err);
    waiting.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the chart renderer stopped (exit ${code})`)));
  worker = started;
  return started;
}

/** The chart as PNG bytes, drawn off the main thread. */
export function renderChartPng(spec: TopLevelSpec): Promise<Buffer> {
  const id = ++nextId;
  return new Promise<Buffer>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    renderer().postMessage({ id, spec } satisfies RenderRequest);
  });
}

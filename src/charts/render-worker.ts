/**
 * The thread that draws charts (draw.ts), so the tens of milliseconds each takes never hold up
 * a Slack ack on the main thread. One chart at a time, in the order asked; the PNG goes back as
 * a transferred buffer (no copy).
 */
import { parentPort } from 'node:worker_threads';
import { runBelowMainThread } from '../worker-threads.js';
import { drawChartPng } from './draw.js';
import type { RenderReply, RenderRequest } from './render.js';

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs only as a worker thread');
runBelowMainThread();

let queue = Promise.resolve();
port.on('message', (request: RenderRequest) => {
  queue = queue.then(async () => {
    try {
      const png = await drawChartPng(request.spec);
      const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength).slice();
      port.postMessage({ id: request.id, png: bytes } satisfies RenderReply, [bytes.buffer]);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      port.postMessage({ id: request.id, error: message } satisfies RenderReply);
    }
  });
});

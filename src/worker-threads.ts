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

import { describe, expect, it, vi } from 'vitest';

/**
 * main.ts starts PGlite's thread before it knows the data directory; the next connection hands
 * the thread its directory instead of starting another. Counting the threads started tells
 * whether the early one was used.
 */
const threads = vi.hoisted(() => ({ started: 0 }));
vi.mock('../../src/worker-threads.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/worker-threads.js')>();
  return {
    ...real,
    startSiblingWorker: (...args: Parameters<typeof real.startSiblingWorker>) => {
      threads.started++;
      return real.startSiblingWorker(...args);
    },
  };
});

const { connectRemotePglite, startPgliteThreadEarly } = await import('../../src/db/pglite-remote.js');

describe('the PGlite thread started early', () => {
  it('opens the directory the next connection hands it; the connection after starts its own', async () => {
    startPgliteThreadEarly();
    startPgliteThreadEarly();
    expect(threads.started).toBe(1);

    const first = await connectRemotePglite('memory://');
    expect(threads.started).toBe(1);
    await first.opened;
    expect(await first.client.query('select 1 as one')).toMatchObject({ rows: [{ one: 1 }] });

    const second = await connectRemotePglite('memory://');
    expect(threads.started).toBe(2);
    await second.opened;
    await first.client.query('create table only_here (n int)');
    // Two databases: the table made on the first is not on the second.
    await expect(second.client.query('select * from only_here')).rejects.toThrow(/only_here/);

    await Promise.all([first.client.close(), second.client.close()]);
  });
});

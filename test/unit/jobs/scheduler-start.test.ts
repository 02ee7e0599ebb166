import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Deps } from '../../../src/deps.js';
import type { ScheduledPostsJob } from '../../../src/jobs/scheduled-posts.js';
import { createScheduler } from '../../../src/jobs/scheduler/scheduler.js';
import { createLogger } from '../../../src/logger.js';

/** A scheduler with no schedules, whose jobs only count their runs. */
function schedulerWithCountedJobs() {
  const runs: string[] = [];
  const postsJob = {
    name: 'scheduled-posts',
    replicaId: 'replica-1',
    run: async () => {
      runs.push('scheduled-posts');
      return {};
    },
    runClaimed: async () => undefined,
  } as unknown as ScheduledPostsJob;
  const other = {
    name: 'outbox',
    run: async () => {
      runs.push('outbox');
    },
  };
  const deps = {
    logger: createLogger('error', new Writable({ write: (_chunk, _encoding, done) => done() })),
    clock: () => new Date('2026-12-07T09:00:10Z'),
    schedules: { listEnabled: async () => [], onChange: () => () => {} },
  } as unknown as Deps;
  const scheduler = createScheduler(deps, { postsJob, jobs: [other] });
  return { scheduler, runs };
}

describe('the scheduler just started', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves the first second to requests, then catches up once with every job', async () => {
    const { scheduler, runs } = schedulerWithCountedJobs();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(runs).toEqual(['scheduled-posts', 'outbox']));
    await scheduler.stop(0);
  });

  it('never sweeps when stopped within that second', async () => {
    const { scheduler, runs } = schedulerWithCountedJobs();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(500);
    await scheduler.stop(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(runs).toEqual([]);
  });
});

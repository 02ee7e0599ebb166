import type { Deps } from '../deps.js';

/**
 * A periodic job: one pass per call, the clock passed in, idempotent (a second call for the
 * same minute does nothing more). The scheduler calls every registered job once a minute.
 */
export interface Job {
  readonly name: string;
  run(deps: Deps, now: Date): Promise<unknown>;
}

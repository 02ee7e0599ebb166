import type { Job } from './job.js';

/** Slack stops redelivering an event after about an hour; a day of ids is plenty to spot retries. */
const KEEP_MS = 24 * 60 * 60_000;

/** Slack refuses a signature older than five minutes: a request key past that is never seen again. */
const KEEP_REQUESTS_MS = 10 * 60_000;

/**
 * Deletes the ids of Slack events handled more than a day ago, and the keys of requests
 * handled more than ten minutes ago, so the tables that drop redeliveries and replays stay
 * small. Idempotent: every replica may run it every minute.
 */
export const forgetProcessedEventsJob: Job = {
  name: 'forget-processed-events',
  async run(deps, now) {
    await deps.workspaces.forgetEventsBefore(new Date(now.getTime() - KEEP_MS));
    await deps.requestLedger.forgetBefore(new Date(now.getTime() - KEEP_REQUESTS_MS));
  },
};

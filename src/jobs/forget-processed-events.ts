import type { Job } from './job.js';

/** Slack stops redelivering an event after about an hour; a day of ids is plenty to spot retries. */
const KEEP_MS = 24 * 60 * 60_000;

/**
 * Deletes the ids of Slack events handled more than a day ago, so the table that drops
 * redeliveries stays small. Idempotent: every replica may run it every minute.
 */
export const forgetProcessedEventsJob: Job = {
  name: 'forget-processed-events',
  async run(deps, now) {
    await deps.workspaces.forgetEventsBefore(new Date(now.getTime() - KEEP_MS));
  },
};

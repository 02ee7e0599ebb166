import type { Job } from './job.js';

/**
 * The daily purge: moments and pulses past each workspace's retention setting, and the whole
 * data of a workspace uninstalled longer than its grace period. The scheduler offers it every
 * minute; it does a pass on the first offer of each UTC day (and at start-up), and every pass
 * is idempotent, so several replicas running it the same day change nothing more.
 */
export function createPrivacyPurgeJob(): Job {
  let lastDay: string | undefined;
  return {
    name: 'privacy-purge',
    async run(deps, now) {
      const day = now.toISOString().slice(0, 10);
      if (day === lastDay) return;
      const summary = await deps.privacy.purge(now);
      lastDay = day;
      if (summary.purgedWorkspaces.length || summary.retention.length) {
        deps.logger.info(
          { purgedWorkspaces: summary.purgedWorkspaces.length, retention: summary.retention },
          'privacy purge done',
        );
      }
    },
  };
}

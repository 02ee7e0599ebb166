import { createNotificationSender } from '../slack/posts/outbox.js';
import type { Job } from './job.js';

/**
 * Retries the notifications Slack did not take (src/slack/posts/outbox.ts). Claimed row by
 * row in Postgres, so every replica may run it every minute and each is delivered once.
 */
export const notificationOutboxJob: Job = {
  name: 'notification-outbox',
  run: (deps, now) => createNotificationSender(deps).deliverDue(now),
};

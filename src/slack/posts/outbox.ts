import type { webApi } from '@slack/bolt';
import type {
  NewNotification,
  PendingNotification,
} from '../../db/repositories/notification-outbox-repository.js';
import type { Deps } from '../../deps.js';
import { classifySlackFailure } from '../slack-failures.js';

/** How long one replica holds a notification it is delivering before another may take it. */
const CLAIM_MS = 2 * 60_000;
/** Until when a notification written at `now` is held by the replica that delivers it at once. */
export const heldUntil = (now: Date) => new Date(now.getTime() + CLAIM_MS);
/** A notification Slack has not taken in a day is stale news: dropped, with a log line. */
export const NOTIFICATION_KEEP_MS = 24 * 60 * 60_000;

/** Waits after a failed attempt: 30 s, 1 min, 2 min… up to 30 min between attempts. */
export function notificationBackoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** attempts, 30 * 60_000);
}

export type NotificationDeps = Pick<Deps, 'slack' | 'logger' | 'clock' | 'outbox' | 'moments'>;

export interface OutboxPass {
  delivered: number;
  retrying: number;
  dropped: number;
}

/**
 * Notifications nobody asked for and nobody waits for (a colleague's DM, the recognition post)
 * must still arrive when Slack is down for a while: each is written to the outbox first, tried
 * at once, and, when Slack fails, tried again by the outbox job (every minute, on any replica)
 * with back-off, across restarts. Delivered ones are deleted; Slack's refusals that waiting will
 * not fix, and ones a day old, are dropped with a log line.
 */
export function createNotificationSender(deps: NotificationDeps) {
  const { logger } = deps;

  async function deliver(n: PendingNotification): Promise<keyof OutboxPass> {
    const context = { teamId: n.teamId, notificationId: n.id, kind: n.kind, momentId: n.momentId };
    const message = n.message as unknown as webApi.ChatPostMessageArguments;
    let posted: webApi.ChatPostMessageResponse;
    try {
      posted = await deps.slack.chat.postMessage(message);
    } catch (err) {
      const failure = classifySlackFailure(err);
      if (!failure.retryable) {
        await deps.outbox.remove(n.id);
        logger.warn({ err, ...context, code: failure.code }, 'notification refused by Slack; dropped');
        return 'dropped';
      }
      const waitMs = Math.max(notificationBackoffMs(n.attempts), (failure.retryAfterSec ?? 0) * 1000);
      await deps.outbox.retryAt(n.id, new Date(deps.clock().getTime() + waitMs));
      logger.warn(
        { err, ...context, code: failure.code, attempts: n.attempts + 1 },
        'notification not delivered; will retry',
      );
      return 'retrying';
    }
    // Delivered: from here on nothing may make it go out twice.
    await deps.outbox
      .remove(n.id)
      .catch((err) => logger.error({ err, ...context }, 'delivered notification not removed'));
    if (n.kind === 'recognition_post' && n.momentId && posted.ts) {
      await keepRecognitionPost(n.teamId, n.momentId, String(message.channel), posted.ts).catch((err) =>
        logger.warn({ err, ...context }, 'could not record the recognition post'),
      );
    }
    return 'delivered';
  }

  async function deliverHeld(held: PendingNotification[]) {
    await Promise.all(held.map(deliver));
  }

  async function keepRecognitionPost(teamId: string, momentId: string, channel: string, ts: string) {
    const kept = await deps.moments.recordRecognitionPost(teamId, momentId, channel, ts, deps.clock());
    // Undone while the post was on its way: the story must not stay in the channel.
    if (!kept) await deps.slack.chat.delete({ channel, ts });
  }

  return {
    /** Writes the notifications to the outbox and tries each at once. Never throws. */
    async send(notifications: NewNotification[]) {
      try {
        const now = deps.clock();
        await deliverHeld(await deps.outbox.add(notifications, now, heldUntil(now)));
      } catch (err) {
        logger.error({ err, kinds: notifications.map((n) => n.kind) }, 'could not queue notifications');
      }
    },

    /** Tries at once notifications already in the outbox and held by this replica. Never throws. */
    async deliverHeld(held: PendingNotification[]) {
      await deliverHeld(held).catch((err) =>
        logger.error({ err, kinds: held.map((n) => n.kind) }, 'could not deliver notifications'),
      );
    },

    /** One pass of the outbox job: drops day-old notifications, retries the due ones. */
    async deliverDue(now: Date): Promise<OutboxPass> {
      const pass: OutboxPass = { delivered: 0, retrying: 0, dropped: 0 };
      for (const n of await deps.outbox.dropOlderThan(new Date(now.getTime() - NOTIFICATION_KEEP_MS))) {
        pass.dropped += 1;
        logger.error(
          {
            teamId: n.teamId,
            notificationId: n.id,
            kind: n.kind,
            momentId: n.momentId,
            attempts: n.attempts,
          },
          'notification dropped: not delivered in a day',
        );
      }
      for (const n of await deps.outbox.claimDue(now, new Date(now.getTime() + CLAIM_MS))) {
        pass[await deliver(n)] += 1;
      }
      return pass;
    },
  };
}

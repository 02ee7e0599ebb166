import type { Deps } from '../../deps.js';
import type { Schedule } from '../../domain/schedules/schedule.js';
import { messages } from '../../i18n/index.js';
import type { Block } from '../blocks/common.js';
import { buildScheduleFailedDm } from '../blocks/schedules.js';
import { createNotificationSender, type NotificationDeps } from './outbox.js';

/**
 * Tells one person something privately: an ephemeral message in the channel they acted from,
 * or a DM when there is no channel or the ephemeral cannot be delivered there (the bot is not
 * in that private channel, the person left it…).
 */
export async function notifyUser(
  deps: Pick<Deps, 'slack' | 'logger'>,
  target: { userId: string; channelId?: string | null },
  message: { text: string; blocks: Block[] },
) {
  if (target.channelId && !target.channelId.startsWith('D')) {
    try {
      await deps.slack.chat.postEphemeral({ channel: target.channelId, user: target.userId, ...message });
      return;
    } catch (err) {
      deps.logger.debug({ err, channel: target.channelId }, 'ephemeral not delivered; sending a DM instead');
    }
  }
  try {
    await deps.slack.chat.postMessage({ channel: target.userId, ...message });
  } catch (err) {
    deps.logger.warn({ err, userId: target.userId }, 'could not notify a user');
  }
}

/**
 * Tells the admin who created a schedule that its post could not be delivered, in their own
 * language, by DM (a chat.postMessage to a user id lands in the app's DM with them), through
 * the outbox: Slack being down is often why the post failed, and the DM must survive it too.
 */
export async function notifyScheduleFailing(
  deps: NotificationDeps & Pick<Deps, 'languages'>,
  schedule: Schedule,
  code: string,
) {
  try {
    const locale = await deps.languages.forUser(schedule.teamId, schedule.createdBy);
    const message = buildScheduleFailedDm(messages(locale), { schedule, code });
    await createNotificationSender(deps).send([
      {
        teamId: schedule.teamId,
        kind: 'dm',
        recipientId: schedule.createdBy,
        message: { channel: schedule.createdBy, ...message },
      },
    ]);
  } catch (err) {
    deps.logger.warn(
      { err, scheduleId: schedule.id, userId: schedule.createdBy },
      'could not tell the creator of a failing schedule',
    );
  }
}

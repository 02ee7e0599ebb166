import type { Deps } from '../deps.js';
import type { Schedule } from '../domain/schedules/schedule.js';
import { messages } from '../i18n/index.js';
import { buildScheduleFailedDm } from './blocks/schedules.js';

/**
 * Tells the admin who created a schedule that its post could not be delivered, in their own
 * language, by DM (a chat.postMessage to a user id lands in the app's DM with them). A DM
 * that cannot be sent is logged, never thrown: the engine must keep running.
 */
export async function notifyScheduleFailing(
  deps: Pick<Deps, 'slack' | 'languages' | 'logger'>,
  schedule: Schedule,
  code: string,
) {
  try {
    const locale = await deps.languages.forUser(schedule.teamId, schedule.createdBy);
    const message = buildScheduleFailedDm(messages(locale), { schedule, code });
    await deps.slack.chat.postMessage({ channel: schedule.createdBy, ...message });
  } catch (err) {
    deps.logger.warn(
      { err, scheduleId: schedule.id, userId: schedule.createdBy },
      'could not tell the creator of a failing schedule',
    );
  }
}

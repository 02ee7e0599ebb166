import type { Deps } from '../deps.js';
import type { Block } from './blocks/common.js';

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

import type { webApi } from '@slack/bolt';
import type { MessageReader, ReactedMessage } from '../domain/reactions/reaction-service.js';
import { slackErrorCode } from './people-directory.js';

type SlackMessage = { ts?: string; user?: string; bot_id?: string; subtype?: string; text?: string };

/** Answers that mean "no such message any more", not "Slack failed". */
const GONE = new Set(['message_not_found', 'thread_not_found']);

/**
 * Reads the one message a reaction points at. `reaction_added` carries only the channel and
 * the ts, and nothing says whether the message sits in a thread: conversations.history finds
 * channel messages; a thread reply is not among them, so conversations.replies is asked next.
 * The WebClient waits out a 429's Retry-After and tries again; any other failure is thrown.
 */
export function createSlackMessageReader(client: webApi.WebClient): MessageReader {
  async function find(channel: string, ts: string): Promise<SlackMessage | undefined> {
    const history = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
    const top = history.messages?.find((m) => m.ts === ts);
    if (top) return top;
    try {
      // Slack lists the thread's parent first, then the replies from `oldest` on.
      const thread = await client.conversations.replies({
        channel,
        ts,
        oldest: ts,
        latest: ts,
        inclusive: true,
        limit: 1,
      });
      return thread.messages?.find((m) => m.ts === ts);
    } catch (err) {
      if (GONE.has(slackErrorCode(err) ?? '')) return undefined;
      throw err;
    }
  }

  return {
    async read(_teamId, channelId, ts): Promise<ReactedMessage | undefined> {
      const message = await find(channelId, ts);
      if (!message) return undefined;
      return {
        userId: message.user,
        isBot: Boolean(message.bot_id) || message.subtype === 'bot_message',
        text: message.text ?? '',
      };
    },

    permalink(_teamId, channelId, ts) {
      return (
        client.chat
          .getPermalink({ channel: channelId, message_ts: ts })
          .then((r) => r.permalink ?? null)
          // The story stands without its link; nothing is lost but the way back to the message.
          .catch(() => null)
      );
    },
  };
}

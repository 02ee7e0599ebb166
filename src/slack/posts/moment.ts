import type { Deps } from '../../deps.js';
import type { Moment } from '../../domain/moments/moment.js';
import { messages } from '../../i18n/index.js';
import { buildMomentDm, buildRecognitionPost } from '../blocks/moments.js';

type PublisherDeps = Pick<Deps, 'slack' | 'languages' | 'workspaces' | 'logger' | 'moments' | 'clock'>;

/**
 * Everything a moment makes the bot say beyond the author's own confirmation: DMs to the
 * colleagues, the recognition-channel post, and keeping that post true after an edit or a
 * deletion. A failed DM or post is logged, never thrown: the moment itself is already safe.
 */
export function createMomentPublisher(deps: PublisherDeps) {
  const { slack, logger } = deps;

  async function dmColleagues(moment: Moment) {
    await Promise.all(
      moment.colleagueIds.map(async (userId) => {
        try {
          const m = messages(await deps.languages.forUser(moment.teamId, userId));
          // chat.postMessage to a user id opens (or reuses) the DM between the app and that person.
          await slack.chat.postMessage({ channel: userId, ...buildMomentDm(m, moment) });
        } catch (err) {
          logger.warn({ err, momentId: moment.id, userId }, 'could not DM a colleague about a moment');
        }
      }),
    );
  }

  async function postRecognition(moment: Moment) {
    const { settings, locale } = await deps.workspaces.get(moment.teamId);
    const channel = settings.recognitionChannelId;
    if (moment.kind !== 'praise' || !channel) return;
    try {
      const posted = await slack.chat.postMessage({
        channel,
        ...buildRecognitionPost(messages(locale), moment),
      });
      if (!posted.ts) return;
      const now = deps.clock();
      const kept = await deps.moments.recordRecognitionPost(
        moment.teamId,
        moment.id,
        channel,
        posted.ts,
        now,
      );
      // Undone while the post was on its way: the story must not stay in the channel.
      if (!kept) await slack.chat.delete({ channel, ts: posted.ts });
    } catch (err) {
      logger.warn(
        { err, momentId: moment.id, channel },
        'could not post a praise in the recognition channel',
      );
    }
  }

  return {
    /** A new moment: DM the colleagues and, for praise, post in the recognition channel. */
    async announce(moment: Moment) {
      await Promise.all([dmColleagues(moment), postRecognition(moment)]);
    },

    /** After an edit: the recognition post shows the new text, or goes away if it is no longer praise. */
    async refresh(moment: Moment) {
      if (!moment.recognitionChannelId || !moment.recognitionTs) return postRecognition(moment);
      try {
        if (moment.kind !== 'praise') {
          await slack.chat.delete({ channel: moment.recognitionChannelId, ts: moment.recognitionTs });
          return;
        }
        const m = messages(await deps.languages.forWorkspace(moment.teamId));
        await slack.chat.update({
          channel: moment.recognitionChannelId,
          ts: moment.recognitionTs,
          ...buildRecognitionPost(m, moment),
        });
      } catch (err) {
        logger.warn({ err, momentId: moment.id }, 'could not update the recognition post');
      }
    },

    /** After a deletion: the story leaves the recognition channel too. */
    async retract(moment: Pick<Moment, 'id' | 'recognitionChannelId' | 'recognitionTs'>) {
      if (!moment.recognitionChannelId || !moment.recognitionTs) return;
      try {
        await slack.chat.delete({ channel: moment.recognitionChannelId, ts: moment.recognitionTs });
      } catch (err) {
        logger.warn({ err, momentId: moment.id }, 'could not delete the recognition post');
      }
    },
  };
}

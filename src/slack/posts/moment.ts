import { randomUUID } from 'node:crypto';
import type { NewNotification } from '../../db/repositories/notification-outbox-repository.js';
import type { Deps } from '../../deps.js';
import type { Moment } from '../../domain/moments/moment.js';
import type { MomentNotice } from '../../domain/moments/moment-service.js';
import { messages } from '../../i18n/index.js';
import { buildMomentDm, buildRecognitionPost } from '../blocks/moments.js';
import { createNotificationSender, heldUntil } from './outbox.js';

type PublisherDeps = Pick<
  Deps,
  'slack' | 'languages' | 'workspaces' | 'logger' | 'moments' | 'clock' | 'outbox'
>;

/** What a moment sends, by kind (the outbox also carries plain DMs). */
type MomentNotification = NewNotification & { kind: MomentNotice['kind'] };

/**
 * Everything a moment makes the bot say beyond the author's own confirmation: DMs to the
 * colleagues, the recognition-channel post, and keeping that post true after an edit or a
 * deletion. The DMs and the post go through the outbox (posts/outbox.ts), so a Slack outage
 * delays them instead of losing them; the moment itself is already safe.
 */
export function createMomentPublisher(deps: PublisherDeps) {
  const { slack, logger } = deps;

  async function colleagueDms(moment: Moment): Promise<MomentNotification[]> {
    return Promise.all(
      moment.colleagueIds.map(async (userId) => {
        const m = messages(await deps.languages.forUser(moment.teamId, userId));
        // chat.postMessage to a user id opens (or reuses) the DM between the app and that person.
        return {
          teamId: moment.teamId,
          kind: 'moment_dm' as const,
          momentId: moment.id,
          recipientId: userId,
          message: { channel: userId, ...buildMomentDm(m, moment) },
        };
      }),
    );
  }

  async function recognitionPost(moment: Moment): Promise<MomentNotification[]> {
    const { settings, locale } = await deps.workspaces.get(moment.teamId);
    const channel = settings.recognitionChannelId;
    if (moment.kind !== 'praise' || !channel) return [];
    return [
      {
        teamId: moment.teamId,
        kind: 'recognition_post',
        momentId: moment.id,
        message: { channel, ...buildRecognitionPost(messages(locale), moment) },
      },
    ];
  }

  async function postRecognition(moment: Moment) {
    await createNotificationSender(deps).send(await recognitionPost(moment));
  }

  return {
    /**
     * What a new moment sends: a DM to each colleague and, for praise, the post in the recognition
     * channel. Built before the moment is stored and written with it (MomentService.log); a
     * failure here stores the moment without them, as before it had a colleague to tell.
     */
    async noticesFor(moment: Moment): Promise<MomentNotice[]> {
      try {
        const held = heldUntil(deps.clock());
        const notifications = (await Promise.all([colleagueDms(moment), recognitionPost(moment)])).flat();
        return notifications.map((n) => ({
          id: randomUUID(),
          kind: n.kind,
          recipientId: n.recipientId ?? null,
          message: n.message,
          claimedUntil: held,
        }));
      } catch (err) {
        logger.error(
          { err, teamId: moment.teamId, momentId: moment.id },
          'could not prepare the notices of a moment',
        );
        return [];
      }
    },

    /** Sends the notices stored with a new moment (see noticesFor). Never throws. */
    async deliver(moment: Moment, notices: readonly MomentNotice[]) {
      await createNotificationSender(deps).deliverHeld(
        notices.map((n) => ({
          id: n.id,
          teamId: moment.teamId,
          kind: n.kind,
          momentId: moment.id,
          recipientId: n.recipientId,
          message: n.message,
          attempts: 0,
          createdAt: moment.createdAt,
        })),
      );
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

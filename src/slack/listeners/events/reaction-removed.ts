import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { messages } from '../../../i18n/index.js';
import { buildTextMessage } from '../../blocks/common.js';
import { parseReactionEvent } from '../../parsers/reaction-event.js';
import { createMomentPublisher } from '../../posts/moment.js';
import { notifyUser } from '../../posts/notices.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'reaction_removed'>;

/**
 * The reaction taken back: inside the undo window the author's removal deletes the moment
 * (and its recognition post), a seconder's removal takes the seconding back; later, nothing.
 */
export const handleReactionRemoved =
  (deps: Deps) =>
  async ({ event, body }: Args) => {
    const reaction = parseReactionEvent(body.team_id, event);
    if (!reaction) return;
    const { teamId, userId, channelId } = reaction;
    try {
      const outcome = await deps.reactions.removed(reaction, deps.clock());
      if (outcome.result === 'ignored') {
        deps.logger.debug({ teamId, channelId, userId, reason: outcome.reason }, 'reaction removal ignored');
        return;
      }
      const m = messages(await deps.languages.forUser(teamId, userId));
      if (outcome.result === 'undone') await createMomentPublisher(deps).retract(outcome.moment);
      const text = outcome.result === 'undone' ? m.reactionsUndone : m.reactionsUnseconded;
      await notifyUser(deps, { userId, channelId }, buildTextMessage(text));
    } catch (err) {
      deps.logger.error({ err, teamId, channelId, userId }, 'undoing a reaction failed');
    }
  };

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { normaliseEmoji } from '../../../domain/reactions/reaction.js';
import type { Reaction, ReactionAddedOutcome } from '../../../domain/reactions/reaction-service.js';
import { type Messages, messages } from '../../../i18n/index.js';
import { buildTextMessage } from '../../blocks/common.js';
import { momentProblemText } from '../../blocks/moments.js';
import { buildReactionConfirmation, buildReactionNoText } from '../../blocks/reactions.js';
import { parseReactionEvent } from '../../parsers/reaction-event.js';
import { createMomentPublisher } from '../../posts/moment.js';
import { notifyUser } from '../../posts/notices.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'reaction_added'>;

/** What the reactor is told, in their language, privately in the channel of the message. */
function answerFor(m: Messages, reaction: Reaction, outcome: ReactionAddedOutcome, authorId?: string) {
  const emoji = normaliseEmoji(reaction.reaction) ?? reaction.reaction;
  switch (outcome.result) {
    case 'logged':
      return buildReactionConfirmation(m, outcome.moment, emoji, outcome.truncated);
    case 'seconded':
      return buildTextMessage(
        outcome.moment.kind === 'praise'
          ? m.reactionsSecondedPraise({ author: outcome.moment.authorId })
          : m.reactionsSecondedComplaint({ author: outcome.moment.authorId }),
      );
    case 'no_text':
      return buildReactionNoText(m, emoji, {
        kind: outcome.kind,
        channelId: reaction.channelId,
        ts: reaction.ts,
        ...(authorId && authorId !== reaction.userId ? { authorId } : {}),
      });
    case 'own_message':
      return buildTextMessage(m.reactionsOwnMessage({ emoji }));
    case 'colleague_problem': {
      const { problem } = outcome;
      return buildTextMessage(
        momentProblemText(
          m,
          'userId' in problem || problem.reason === 'unknown_standards'
            ? problem
            : problem.reason === 'too_many'
              ? 'too_many'
              : 'no_colleague',
        ),
      );
    }
    case 'read_failed':
      return buildTextMessage(m.reactionsReadFailed({ emoji }));
    case 'ignored':
      return undefined;
  }
}

/**
 * The praise or learning emoji on a message: a moment is logged (or seconded) exactly as
 * /praise and /complaint log one. Bolt has already acked the event (Slack waits 3 s, then
 * re-sends it); a re-sent event is dropped by its event id before it gets here.
 */
export const handleReactionAdded =
  (deps: Deps) =>
  async ({ event, body }: Args) => {
    const reaction = parseReactionEvent(body.team_id, event);
    if (!reaction) {
      deps.logger.debug({ type: event.type }, 'reaction event without a message item; ignored');
      return;
    }
    const { teamId, userId, channelId } = reaction;
    try {
      const publisher = createMomentPublisher(deps);
      const outcome = await deps.reactions.added(reaction, deps.clock(), publisher.noticesFor);
      if (outcome.result === 'ignored') {
        deps.logger.debug({ teamId, channelId, userId, reason: outcome.reason }, 'reaction ignored');
        return;
      }
      if (outcome.result === 'read_failed') {
        deps.logger.warn({ err: outcome.error, teamId, channelId }, 'could not read the message reacted to');
      }
      const m = messages(await deps.languages.forUser(teamId, userId));
      const itemUser =
        'item_user' in event && typeof event.item_user === 'string' ? event.item_user : undefined;
      const answer = answerFor(m, reaction, outcome, itemUser);
      // The reactor's confirmation and the colleagues' DMs do not wait for each other.
      await Promise.all([
        answer && notifyUser(deps, { userId, channelId }, answer),
        outcome.result === 'logged' && publisher.deliver(outcome.moment, outcome.notices),
      ]);
    } catch (err) {
      // The reactor hears it failed; the message is still there to react to again.
      deps.logger.error({ err, teamId, channelId, userId }, 'logging a moment by reaction failed');
      const m = messages(await deps.languages.forUser(teamId, userId));
      const emoji = normaliseEmoji(reaction.reaction) ?? reaction.reaction;
      await notifyUser(deps, { userId, channelId }, buildTextMessage(m.reactionsReadFailed({ emoji })));
    }
  };

import type { Deps } from '../../../deps.js';
import { buildNotAllowed, buildTextMessage } from '../../blocks/common.js';
import { parseReactionArgs } from '../../parsers/culture-command.js';
import type { CultureSubcommands } from './culture.js';

/** `/culture reactions [praise <emoji>] [complaint <emoji>]`: shows or (admins) sets the two emoji. */
export function reactionCultureSubcommands(deps: Pick<Deps, 'reactionSettings'>): CultureSubcommands {
  return {
    async reactions({ teamId, userId, args, m, reply }) {
      if (args.length === 0) {
        return reply(buildTextMessage(m.reactionsCurrent(await deps.reactionSettings.get(teamId))));
      }
      const change = parseReactionArgs(args);
      if (!change) return reply(buildTextMessage(m.reactionsUsage));
      const result = await deps.reactionSettings.set(teamId, userId, change);
      if (!result.ok) {
        if (result.reason === 'not_allowed') return reply(buildNotAllowed(m, result));
        const problem = {
          invalid_emoji: `${m.reactionsInvalidEmoji}\n${m.reactionsUsage}`,
          same_emoji: m.reactionsSameEmoji,
        }[result.reason];
        return reply(buildTextMessage(problem));
      }
      await reply(buildTextMessage(m.reactionsSet(result.value)));
    },
  };
}

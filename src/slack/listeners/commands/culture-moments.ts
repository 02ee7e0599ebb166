import type { Deps } from '../../../deps.js';
import { buildNotAllowed, buildTextMessage } from '../../blocks/common.js';
import { channelMention } from '../../parsers/culture-command.js';
import type { CultureSubcommands } from './culture.js';

/** `/culture channel recognition #channel|off` (admins): where praise is also posted. */
export function momentCultureSubcommands(deps: Pick<Deps, 'workspaces'>): CultureSubcommands {
  return {
    async channel({ teamId, userId, args, m, reply }) {
      const [which, target] = args;
      const off = target?.toLowerCase() === 'off';
      const channel = channelMention.safeParse(target ?? '');
      if (which?.toLowerCase() !== 'recognition' || args.length !== 2 || (!off && !channel.success)) {
        return reply(buildTextMessage(m.momentsRecognitionUsage));
      }
      const recognitionChannelId = off ? undefined : channel.data;
      const updated = await deps.workspaces.updateSettings(teamId, { recognitionChannelId }, userId);
      if (!updated.ok) return reply(buildNotAllowed(m, updated));
      await reply(
        buildTextMessage(
          recognitionChannelId
            ? m.momentsRecognitionSet({ channel: recognitionChannelId })
            : m.momentsRecognitionOff,
        ),
      );
    },
  };
}

import type { Deps } from '../../../deps.js';
import { buildNotAllowed, buildTextMessage } from '../../blocks/common.js';
import { channelMention } from '../../parsers/culture-command.js';
import type { CultureSubcommands } from './culture.js';

/** `/culture channel recognition #channel|off` (admins): where praise is also posted. */
export function momentCultureSubcommands(deps: Pick<Deps, 'roles' | 'workspaces'>): CultureSubcommands {
  return {
    async channel({ teamId, userId, args, m, reply }) {
      const [which, target] = args;
      const off = target?.toLowerCase() === 'off';
      const channel = channelMention.safeParse(target ?? '');
      if (which?.toLowerCase() !== 'recognition' || args.length !== 2 || (!off && !channel.success)) {
        return reply(buildTextMessage(m.momentsRecognitionUsage));
      }
      const allowed = await deps.roles.authorize(teamId, userId, 'workspace.configure');
      if (!allowed.ok) return reply(buildNotAllowed(m, allowed));
      const recognitionChannelId = off ? undefined : channel.data;
      await deps.workspaces.updateSettings(teamId, { recognitionChannelId }, userId);
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

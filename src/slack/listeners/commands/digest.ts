import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { messages } from '../../../i18n/index.js';
import { buildTextMessage } from '../../blocks/common.js';
import { composeDigest, postDigest } from '../../digest-post.js';
import { splitSubcommand } from '../../parsers/culture-command.js';
import { slackErrorCode } from '../../people-directory.js';

/** `/digest preview` (anyone, only to them) and `/digest post` (managers and admins, in this channel). */
export const handleDigest =
  (deps: Deps) =>
  async ({ ack, command, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    const teamId = command.team_id;
    const userId = command.user_id;
    const locale = await deps.languages.forUser(teamId, userId);
    const m = messages(locale);
    const { sub, args } = splitSubcommand(command.text);
    const now = deps.clock();
    const { timezone } = await deps.workspaces.get(teamId);
    const week = deps.digests.currentWeek(now, timezone);

    if (sub === 'preview' && args.length === 0) {
      const message = await composeDigest(deps, {
        teamId,
        week,
        scope: { kind: 'workspace' },
        locale,
        preview: true,
      });
      await respond({ response_type: 'ephemeral', ...message });
      return;
    }
    if (sub === 'post' && args.length === 0) {
      if (!(await deps.roles.can(teamId, userId, 'manager'))) {
        await respond({
          response_type: 'ephemeral',
          ...buildTextMessage(m.notAllowed({ needed: m.roleNameManager })),
        });
        return;
      }
      try {
        await postDigest(deps, { teamId, channelId: command.channel_id, week, scope: { kind: 'workspace' } });
      } catch (err) {
        if (slackErrorCode(err) !== 'not_in_channel') throw err;
        // A public channel the bot has not joined yet: join once, then post.
        await deps.slack.conversations.join({ channel: command.channel_id });
        await postDigest(deps, { teamId, channelId: command.channel_id, week, scope: { kind: 'workspace' } });
      }
      return;
    }
    await respond({ response_type: 'ephemeral', ...buildTextMessage(m.digestUsage) });
  };

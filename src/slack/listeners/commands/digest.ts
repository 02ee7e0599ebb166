import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { messages } from '../../../i18n/index.js';
import { buildNotAllowed, buildRefusalWithText, buildTextMessage } from '../../blocks/common.js';
import { splitSubcommand } from '../../parsers/culture-command.js';
import { composeDigest, postDigest } from '../../posts/digest.js';
import { withChannelAccess } from '../../slack-failures.js';

/** `/digest preview` (anyone, only to them) and `/digest post` (managers and admins, in this channel). */
export const handleDigest =
  (deps: Deps) =>
  async ({ ack, command, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    const teamId = command.team_id;
    const userId = command.user_id;
    const channelId = command.channel_id;
    const locale = await deps.languages.forUser(teamId, userId);
    const m = messages(locale);
    const reply = async (message: ReturnType<typeof buildRefusalWithText>) => {
      await respond({ response_type: 'ephemeral', ...message });
    };
    const { sub, args } = splitSubcommand(command.text);
    if ((sub !== 'preview' && sub !== 'post') || args.length > 0)
      return reply(buildTextMessage(m.digestUsage));
    try {
      if (sub === 'post') {
        const allowed = await deps.digests.mayPost(teamId, userId);
        if (!allowed.ok) return reply(buildNotAllowed(m, allowed));
      }
      const { timezone } = await deps.workspaces.get(teamId);
      const week = deps.digests.currentWeek(deps.clock(), timezone);
      const scope = { kind: 'workspace' as const };
      if (sub === 'preview') {
        return reply(await composeDigest(deps, { teamId, week, scope, locale, preview: true }));
      }
      // A public channel the bot has not joined yet is joined once, then posted in.
      await withChannelAccess(deps.slack, channelId, () =>
        postDigest(deps, { teamId, channelId, week, scope }),
      );
      await reply(buildTextMessage(m.digestPosted));
    } catch (err) {
      deps.logger.error({ err, teamId, channelId, sub }, '/digest failed');
      // Nothing lost: what they typed comes back with the apology.
      await reply(buildRefusalWithText(m, m.genericError, `/digest ${command.text}`)).catch(() => {});
    }
  };

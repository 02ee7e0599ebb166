import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { type Locale, type Messages, messages } from '../../../i18n/index.js';
import { buildNotAllowed, buildTextMessage } from '../../blocks/common.js';
import { answersText, type PulseSpeech, pulseSpeech, slackDateTime } from '../../blocks/pulse-common.js';
import { buildPulseStatus } from '../../blocks/pulse-status.js';
import { splitSubcommand } from '../../parsers/culture-command.js';
import { parsePulseStartArgs } from '../../parsers/pulse-command.js';
import { createPulsePublisher } from '../../posts/pulse.js';

interface PulseRequest {
  teamId: string;
  userId: string;
  channelId: string;
  args: string[];
  locale: Locale;
  m: Messages;
  s: PulseSpeech;
  reply(message: RespondArguments): Promise<void>;
}

type PulseDeps = Pick<Deps, 'languages' | 'roles' | 'pulses' | 'workspaces' | 'slack' | 'logger' | 'clock'>;

/**
 * `/pulse start|status|close|export`, for managers and admins. Everything answers the asker
 * alone (ephemeral, through response_url); only the card and the results go to the channel.
 */
export const handlePulse =
  (deps: PulseDeps) =>
  async ({ ack, command, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    // Slack shows "dispatch_failed" after 3 s: acknowledge first, answer through response_url.
    await ack();
    const [locale, workspace] = await Promise.all([
      deps.languages.forUser(command.team_id, command.user_id),
      deps.workspaces.get(command.team_id),
    ]);
    const m = messages(locale);
    const { sub, args } = splitSubcommand(command.text);
    const request: PulseRequest = {
      teamId: command.team_id,
      userId: command.user_id,
      channelId: command.channel_id,
      args,
      locale,
      m,
      s: pulseSpeech(locale, workspace.timezone),
      reply: async (message) => {
        await respond({ response_type: 'ephemeral', ...message });
      },
    };
    const handler = pulseSubcommands(deps)[sub];
    if (!handler || sub === 'help') return request.reply(buildTextMessage(m.pulseUsage));
    // Every subcommand is for managers: a member is told so and nothing is posted.
    const allowed = await deps.roles.authorize(request.teamId, request.userId, 'pulse.run');
    if (!allowed.ok) return request.reply(buildNotAllowed(m, allowed));
    try {
      await handler(request);
    } catch (err) {
      deps.logger.error({ err, sub, teamId: request.teamId, channelId: request.channelId }, '/pulse failed');
      await request.reply(buildTextMessage(m.genericError));
    }
  };

function pulseSubcommands(deps: PulseDeps): Record<string, (request: PulseRequest) => Promise<void>> {
  const publisher = createPulsePublisher(deps);
  return {
    async start({ teamId, userId, channelId, args, m, s, reply }) {
      const options = parsePulseStartArgs(args);
      if (!options) return reply(buildTextMessage(m.pulseStartUsage));
      const started = await publisher.start({ teamId, channelId, userId, ...options, now: deps.clock() });
      if (started.ok) {
        const when = slackDateTime(s, started.pulse.closesAt);
        const text = started.pulse.remindAt ? m.pulseStarted({ when }) : m.pulseStartedNoReminder({ when });
        return reply(buildTextMessage(text));
      }
      if (started.reason === 'not_a_channel') return reply(buildTextMessage(m.pulseNotAChannel));
      if (started.reason === 'cannot_post') return reply(buildTextMessage(m.pulseNotInChannel));
      const open = started.open;
      const link = open.messageTs
        ? ((await deps.slack.chat
            .getPermalink({ channel: open.channelId, message_ts: open.messageTs })
            .then((r) => r.permalink)
            .catch(() => undefined)) ?? '')
        : '';
      const when = slackDateTime(s, open.closesAt);
      return reply(
        buildTextMessage(link ? m.pulseAlreadyOpen({ link, when }) : m.pulseAlreadyOpenNoLink({ when })),
      );
    },

    async status({ teamId, channelId, s, reply }) {
      await reply(buildPulseStatus(s, await deps.pulses.status(teamId, channelId)));
    },

    async close({ teamId, channelId, userId, m, reply }) {
      const closed = await deps.pulses.closeOpenIn(teamId, channelId, userId, deps.clock());
      if (!closed) return reply(buildTextMessage(m.pulseCloseNone));
      try {
        await publisher.publishResults(closed);
      } catch (err) {
        // The claim stays: the deadline job posts the results on its next passes.
        deps.logger.error({ err, teamId, pulseId: closed.id }, 'posting pulse results failed; will retry');
        return reply(buildTextMessage(m.pulseClosedResultsLater));
      }
      await reply(buildTextMessage(m.pulseClosedByYou));
    },

    async export({ teamId, channelId, userId, locale, m, s, reply }) {
      const outcome = await publisher.sendExport({ teamId, channelId, userId, locale });
      if (outcome.ok) return reply(buildTextMessage(m.pulseExportSent));
      if (outcome.reason === 'none') return reply(buildTextMessage(m.pulseExportNone));
      return reply(
        buildTextMessage(
          m.pulseExportBelowThreshold({
            answers: answersText(s, outcome.count),
            threshold: outcome.threshold,
          }),
        ),
      );
    },
  };
}

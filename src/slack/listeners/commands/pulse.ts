import type { Deps } from '../../../deps.js';
import { buildNotAllowed, buildTextMessage } from '../../blocks/common.js';
import { answersText, type PulseSpeech, pulseSpeech, slackDateTime } from '../../blocks/pulse-common.js';
import { buildPulseStatus } from '../../blocks/pulse-status.js';
import { parsePulseStartArgs } from '../../parsers/pulse-command.js';
import { createPulsePublisher } from '../../posts/pulse.js';
import { handleSubcommands, type SubcommandRequest, type Subcommands } from './subcommands.js';

interface PulseRequest extends SubcommandRequest {
  s: PulseSpeech;
}

type PulseDeps = Pick<Deps, 'languages' | 'pulses' | 'workspaces' | 'slack' | 'logger' | 'clock'>;

/**
 * `/pulse start|status|close|export`, for managers and admins (the pulse service decides).
 * Everything answers the asker alone (ephemeral, through response_url); only the card and the
 * results go to the channel.
 */
export const handlePulse = (deps: PulseDeps) =>
  handleSubcommands<PulseRequest>(deps, {
    subcommands: pulseSubcommands(deps),
    extend: async (request) => ({
      ...request,
      s: pulseSpeech(request.locale, (await deps.workspaces.get(request.teamId)).timezone),
    }),
    unknown: ({ m }) => buildTextMessage(m.pulseUsage),
  });

function pulseSubcommands(deps: PulseDeps): Subcommands<PulseRequest> {
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
      if (started.reason === 'not_allowed') return reply(buildNotAllowed(m, started));
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

    async status({ teamId, channelId, userId, m, s, reply }) {
      const status = await deps.pulses.status(teamId, channelId, userId);
      if (!status.ok) return reply(buildNotAllowed(m, status));
      await reply(buildPulseStatus(s, status.value));
    },

    async close({ teamId, channelId, userId, m, reply }) {
      const result = await deps.pulses.closeOpenIn(teamId, channelId, userId, deps.clock());
      if (!result.ok) {
        return reply(
          result.reason === 'not_allowed' ? buildNotAllowed(m, result) : buildTextMessage(m.pulseCloseNone),
        );
      }
      const closed = result.value;
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
      if (outcome.reason === 'not_allowed') return reply(buildNotAllowed(m, outcome));
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

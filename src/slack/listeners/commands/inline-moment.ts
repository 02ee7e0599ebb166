import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { type MomentKind, STORY_MAX_LENGTH, STORY_MIN_LENGTH } from '../../../domain/moments/moment.js';
import { messages } from '../../../i18n/index.js';
import { buildRefusalWithText } from '../../blocks/common.js';
import { buildMomentConfirmation, buildMomentModal, momentProblemText } from '../../blocks/moments.js';
import { buildUnknownStandards } from '../../blocks/standards.js';
import { openModalInTime } from '../../modal-opening.js';
import { encodeChooseStandards, parseInlineMoment } from '../../parsers/moment-command.js';
import { createMomentPublisher } from '../../posts/moment.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/**
 * `/praise @colleague… story` and `/complaint story`: logged in one line. When a part is
 * missing the full modal opens prefilled instead of failing; when the text is wrong the user
 * is told why and gets their text back.
 */
export const handleInlineMoment =
  (kind: MomentKind, deps: Deps) =>
  async ({ ack, command, client, respond }: Args) => {
    await ack();
    const teamId = command.team_id;
    const userId = command.user_id;
    const parsed = parseInlineMoment(kind, command.text, userId);

    if (parsed.complete === false) {
      // trigger_id expires 3 s after the command: only quick reads before views.open.
      const [locale, { standards, selected }] = await Promise.all([
        deps.languages.forUser(teamId, userId),
        deps.standards.preselect(teamId, parsed.prefill.story),
      ]);
      const metadata = JSON.stringify({ source: 'command', channelId: command.channel_id });
      const m = messages(locale);
      const opened = await openModalInTime(
        client,
        {
          trigger_id: command.trigger_id,
          view: buildMomentModal(m, { ...parsed.prefill, standards: selected }, metadata, false, standards),
        },
        deps.logger,
      );
      if (opened === 'too_late') {
        const problem = m.formTooLate({ command: command.command });
        await respond({ response_type: 'ephemeral', ...buildRefusalWithText(m, problem, command.text) });
      }
      return;
    }
    const m = messages(await deps.languages.forUser(teamId, userId));

    const refuse = async (problem: string) => {
      await respond({ response_type: 'ephemeral', ...buildRefusalWithText(m, problem, command.text) });
    };
    if (parsed.complete === 'invalid') {
      const problem = {
        story_too_short: m.momentsStoryTooShort({ min: STORY_MIN_LENGTH }),
        story_too_long: m.momentsStoryTooLong({ max: STORY_MAX_LENGTH, length: parsed.length }),
        too_many: momentProblemText(m, 'too_many'),
      }[parsed.problem];
      return refuse(problem);
    }

    const publisher = createMomentPublisher(deps);
    try {
      const result = await deps.moments.log(
        teamId,
        userId,
        parsed.draft,
        // One slash-command invocation has one trigger_id: a redelivered request is stored once.
        { source: 'command', channelId: command.channel_id, dedupeKey: `command:${command.trigger_id}` },
        deps.clock(),
        publisher.noticesFor,
      );
      if (!result.ok) {
        const problem = result.problem;
        if (problem.reason === 'unknown_standards') {
          // Nothing stored: the tags, the valid ones, the text back, and the form one click away.
          const choose = encodeChooseStandards(parsed.draft);
          await respond({
            response_type: 'ephemeral',
            ...buildUnknownStandards(m, problem, command.text, choose),
          });
          return;
        }
        return refuse(momentProblemText(m, 'userId' in problem ? problem : problem.reason));
      }
      await respond({ response_type: 'ephemeral', ...buildMomentConfirmation(m, result.value.moment) });
      await publisher.deliver(result.value.moment, result.value.notices);
    } catch (err) {
      // The story is handed back: whatever failed, nothing typed is lost.
      deps.logger.error({ err, teamId, userId }, 'logging an inline moment failed');
      await refuse(m.genericError);
    }
  };

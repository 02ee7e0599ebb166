import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { messages } from '../../../i18n/index.js';
import { buildTextMessage } from '../../blocks/common.js';
import { momentProblemText } from '../../blocks/moments.js';
import { republishHome } from '../../home-publisher.js';
import { BLOCKS } from '../../ids.js';
import { parseLessonModal, parseModalMetadata } from '../../parsers/moment-command.js';
import { notifyUser } from '../../posts/notices.js';
import { fieldErrors } from './moment-modal.js';

/** "What we learned" is submitted for a complaint, maybe resolving it at once. */
export const handleMomentLesson =
  (deps: Deps) =>
  async ({ ack, body, view }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const teamId = view.team_id;
    const userId = body.user.id;
    const m = messages(await deps.languages.forUser(teamId, userId));
    const parsed = parseLessonModal(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: fieldErrors(m, parsed.errors) });
    const meta = parseModalMetadata(view.private_metadata);
    // An unknown #tag in the lesson is shown under it before the ack, so the text stays in the form.
    const moment = meta.momentId ? await deps.moments.get(teamId, meta.momentId) : undefined;
    const cited = await deps.standards.cite(teamId, parsed.lesson, [], moment?.standards ?? []);
    if (!cited.ok) {
      return ack({
        response_action: 'errors',
        errors: { [BLOCKS.momentLesson]: momentProblemText(m, cited) },
      });
    }
    await ack();
    const target = { userId, channelId: meta.channelId };
    if (!meta.momentId) return notifyUser(deps, target, buildTextMessage(m.momentsNotFound));
    const result = await deps.moments.followUp(
      teamId,
      userId,
      meta.momentId,
      { lesson: parsed.lesson, resolve: parsed.resolve },
      deps.clock(),
    );
    if (!result.ok) {
      const problem = result.problem === 'not_allowed' ? 'not_allowed_follow_up' : result.problem;
      return notifyUser(deps, target, buildTextMessage(momentProblemText(m, problem)));
    }
    const text = parsed.resolve ? `${m.momentsLessonSaved}\n${m.momentsResolved}` : m.momentsLessonSaved;
    if (meta.home) return republishHome(deps, { teamId, userId }, { notice: text });
    await notifyUser(deps, target, buildTextMessage(text));
  };

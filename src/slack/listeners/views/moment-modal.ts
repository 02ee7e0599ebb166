import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import type { MomentDraft } from '../../../domain/moments/moment.js';
import { LESSON_MAX_LENGTH, STORY_MAX_LENGTH, STORY_MIN_LENGTH } from '../../../domain/moments/moment.js';
import type { LogProblem } from '../../../domain/moments/moment-service.js';
import type { UnknownCitations } from '../../../domain/standards/standard-service.js';
import { type Messages, messages } from '../../../i18n/index.js';
import { buildTextMessage } from '../../blocks/common.js';
import { buildMomentConfirmation, momentProblemText } from '../../blocks/moments.js';
import { republishHome } from '../../home-publisher.js';
import { BLOCKS } from '../../ids.js';
import { type ModalFieldError, parseModalMetadata, parseMomentModal } from '../../parsers/moment-command.js';
import { createMomentPublisher } from '../../posts/moment.js';
import { notifyUser } from '../../posts/notices.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Field-error texts for `response_action: 'errors'`, keyed by block_id. */
export function fieldErrors(
  m: Messages,
  errors: Partial<Record<string, ModalFieldError>>,
): Record<string, string> {
  const text: Record<ModalFieldError, string> = {
    kind_missing: m.momentsErrorNotFromShortcut,
    story_too_short: m.momentsStoryTooShort({ min: STORY_MIN_LENGTH }),
    story_too_long: m.momentsStoryTooLong({ max: STORY_MAX_LENGTH, length: STORY_MAX_LENGTH + 1 }),
    no_colleague: m.momentsErrorNoColleague,
    too_many: momentProblemText(m, 'too_many'),
    lesson_too_long: m.momentsStoryTooLong({ max: LESSON_MAX_LENGTH, length: LESSON_MAX_LENGTH + 1 }),
  };
  return Object.fromEntries(
    Object.entries(errors).map(([block, error]) => [block, text[error as ModalFieldError]]),
  );
}

function colleagueText(m: Messages, problem: LogProblem): string {
  if (problem.reason === 'no_colleague') return m.momentsErrorNoColleague;
  if (problem.reason === 'unknown_standards') return momentProblemText(m, problem);
  return momentProblemText(m, problem.reason === 'too_many' ? 'too_many' : problem);
}

/** Under which field an unknown `#tag` is shown: where it was typed (the story unless only the lesson has it). */
function citationField(draft: MomentDraft, problem: UnknownCitations): string {
  const typedIn = (text: string) => problem.unknown.some((tag) => text.toLowerCase().includes(`#${tag}`));
  if (!typedIn(draft.story) && typedIn(draft.lesson ?? '')) return BLOCKS.momentLesson;
  if (!typedIn(draft.story)) return BLOCKS.momentStandards;
  return BLOCKS.momentStory;
}

/** The promise's value, or undefined once `ms` have passed (the promise is left to settle alone). */
async function withinBudget<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The moment modal is submitted: a new moment, or the author's edit of one. */
export const handleMomentModal =
  (deps: Deps) =>
  async ({ ack, body, view, client }: Args) => {
    const teamId = view.team_id;
    const userId = body.user.id;
    const m = messages(await deps.languages.forUser(teamId, userId));
    const parsed = parseMomentModal(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: fieldErrors(m, parsed.errors) });

    const meta = parseModalMetadata(view.private_metadata);
    // An unknown #tag is shown under the field it was typed in: a database read, quick enough
    // before the ack. What an edited moment cited already stays citable even if archived since.
    const kept = meta.momentId ? ((await deps.moments.get(teamId, meta.momentId))?.standards ?? []) : [];
    const citations = await deps.moments.checkCitations(teamId, parsed.draft, kept);
    if (!citations.ok) {
      return ack({
        response_action: 'errors',
        errors: { [citationField(parsed.draft, citations)]: momentProblemText(m, citations) },
      });
    }
    // Checked before the ack so a problem shows under the colleagues field, with everything typed kept.
    // Slack waits 3 s for the ack: past the budget the check is left to `log` below, whose
    // answer then reaches the author as a message instead of under the field.
    const colleagues = await withinBudget(deps.moments.checkColleagues(teamId, userId, parsed.draft), 1500);
    if (colleagues && !colleagues.ok) {
      return ack({
        response_action: 'errors',
        errors: { [BLOCKS.momentColleagues]: colleagueText(m, colleagues.problem) },
      });
    }
    await ack();

    const target = { userId, channelId: meta.channelId };
    const publisher = createMomentPublisher(deps);
    try {
      if (meta.momentId) {
        const edited = await deps.moments.edit(teamId, userId, meta.momentId, parsed.draft, deps.clock());
        if (!edited.ok) {
          const problem = edited.problem === 'not_allowed' ? 'not_allowed_edit' : edited.problem;
          const text =
            typeof problem === 'object' ||
            problem === 'not_found' ||
            problem === 'not_allowed_edit' ||
            problem === 'not_a_complaint'
              ? momentProblemText(m, problem)
              : m.genericError;
          return notifyUser(deps, target, buildTextMessage(text));
        }
        if (meta.home) await republishHome(deps, { teamId, userId }, { notice: m.momentsUpdated });
        else await notifyUser(deps, target, buildTextMessage(m.momentsUpdated));
        await publisher.refresh(edited.value.after);
        return;
      }
      // From a message (shortcut, or a reaction on a message without text): link back to it.
      const permalink =
        meta.channelId && meta.messageTs
          ? await client.chat
              .getPermalink({ channel: meta.channelId, message_ts: meta.messageTs })
              .then((r) => r.permalink ?? null)
              .catch(() => null)
          : null;
      const logged = await deps.moments.log(
        teamId,
        userId,
        parsed.draft,
        // A double click on Save sends the same view id twice: the moment is stored once.
        {
          source: meta.source,
          channelId: meta.channelId,
          permalink,
          sourceTs: meta.messageTs,
          dedupeKey: `view:${view.id}`,
        },
        deps.clock(),
        publisher.noticesFor,
      );
      if (!logged.ok) return notifyUser(deps, target, buildTextMessage(colleagueText(m, logged.problem)));
      if (!logged.value.created) return;
      await notifyUser(deps, target, buildMomentConfirmation(m, logged.value.moment));
      if (meta.home) await republishHome(deps, { teamId, userId });
      await publisher.deliver(logged.value.moment, logged.value.notices);
    } catch (err) {
      deps.logger.error({ err, userId, teamId }, 'saving a moment from the modal failed');
      await notifyUser(deps, target, buildTextMessage(m.genericError));
    }
  };

import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import type { Moment } from '../../../domain/moments/moment.js';
import { momentRules } from '../../../domain/moments/moment-service.js';
import { type Messages, messages } from '../../../i18n/index.js';
import { buildTextMessage } from '../../blocks/common.js';
import {
  buildLessonModal,
  buildMomentModal,
  type MomentProblem,
  momentProblemText,
} from '../../blocks/moments.js';
import { momentIdValue } from '../../parsers/moment-command.js';
import { createMomentPublisher } from '../../posts/moment.js';

export type MomentActionArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

/** Who clicked, in which language, on which moment (the button value, checked: payloads can be forged). */
export async function readMomentAction(
  deps: Pick<Deps, 'languages'>,
  body: BlockAction,
  rawValue: string | undefined,
) {
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  const userId = body.user.id;
  const m = messages(await deps.languages.forUser(teamId, userId));
  const id = momentIdValue.safeParse(rawValue);
  return { teamId, userId, m, momentId: id.success ? id.data : undefined, channelId: body.channel?.id };
}

/** An ephemeral answer to the person who clicked, leaving the message they clicked on as it was. */
export async function answer(respond: MomentActionArgs['respond'], text: string) {
  await respond({ response_type: 'ephemeral', replace_original: false, ...buildTextMessage(text) });
}

export async function refuse(respond: MomentActionArgs['respond'], m: Messages, problem: MomentProblem) {
  await answer(respond, momentProblemText(m, problem));
}

/**
 * Deletes a moment for good (its author, or an admin moderating) and takes its recognition
 * post down; false when refused (the clicker has been told why).
 */
export async function removeMoment(
  deps: Deps,
  respond: MomentActionArgs['respond'],
  ctx: Awaited<ReturnType<typeof readMomentAction>>,
): Promise<boolean> {
  if (!ctx.momentId) {
    await refuse(respond, ctx.m, 'not_found');
    return false;
  }
  const removed = await deps.moments.remove(ctx.teamId, ctx.userId, ctx.momentId);
  if (!removed.ok) {
    await refuse(respond, ctx.m, removed.problem === 'not_allowed' ? 'not_allowed_delete' : 'not_found');
    return false;
  }
  await createMomentPublisher(deps).retract(removed.value);
  return true;
}

/** Opens the moment modal on the author's own moment; others are told only the author edits. */
export async function openEditModal(
  deps: Pick<Deps, 'standards'>,
  { client, body, respond }: Pick<MomentActionArgs, 'client' | 'body' | 'respond'>,
  ctx: Awaited<ReturnType<typeof readMomentAction>>,
  moment: Moment | undefined,
) {
  if (!moment) return refuse(respond, ctx.m, 'not_found');
  if (!momentRules.canEdit(moment, ctx.userId)) return refuse(respond, ctx.m, 'not_allowed_edit');
  const metadata = JSON.stringify({ momentId: moment.id, source: 'modal', channelId: ctx.channelId });
  await client.views.open({
    trigger_id: body.trigger_id,
    view: buildMomentModal(ctx.m, moment, metadata, true, await deps.standards.all(ctx.teamId)),
  });
}

/** Opens the lesson modal for whoever may follow the complaint up. */
export async function openLessonModal(
  deps: Deps,
  { client, body, respond }: Pick<MomentActionArgs, 'client' | 'body' | 'respond'>,
  ctx: Awaited<ReturnType<typeof readMomentAction>>,
  moment: Moment | undefined,
) {
  if (!moment) return refuse(respond, ctx.m, 'not_found');
  if (moment.kind !== 'complaint') return refuse(respond, ctx.m, 'not_a_complaint');
  if (!(await deps.moments.mayFollowUp(ctx.teamId, ctx.userId, moment)))
    return refuse(respond, ctx.m, 'not_allowed_follow_up');
  const metadata = JSON.stringify({ momentId: moment.id, source: 'modal', channelId: ctx.channelId });
  await client.views.open({ trigger_id: body.trigger_id, view: buildLessonModal(ctx.m, moment, metadata) });
}

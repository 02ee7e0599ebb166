import type { Deps } from '../../../deps.js';
import { type MomentActionArgs, openLessonModal, readMomentAction } from './moment-action.js';

/** "Add what we learned" on a complaint's confirmation. */
export const handleMomentAddLesson = (deps: Deps) => async (args: MomentActionArgs) => {
  await args.ack();
  const action = args.body.actions[0];
  const ctx = await readMomentAction(deps, args.body, action?.type === 'button' ? action.value : undefined);
  const moment = ctx.momentId ? await deps.moments.get(ctx.teamId, ctx.momentId) : undefined;
  await openLessonModal(deps, args, ctx, moment);
};

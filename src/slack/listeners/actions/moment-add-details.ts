import type { Deps } from '../../../deps.js';
import { type MomentActionArgs, openEditModal, readMomentAction } from './moment-action.js';

/** "Add details" on the author's confirmation: the full modal, prefilled, to edit the moment. */
export const handleMomentAddDetails = (deps: Deps) => async (args: MomentActionArgs) => {
  await args.ack();
  const action = args.body.actions[0];
  const ctx = await readMomentAction(deps, args.body, action?.type === 'button' ? action.value : undefined);
  const moment = ctx.momentId ? await deps.moments.get(ctx.teamId, ctx.momentId) : undefined;
  await openEditModal(deps, args, ctx, moment);
};

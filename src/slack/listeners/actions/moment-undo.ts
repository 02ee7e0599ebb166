import type { Deps } from '../../../deps.js';
import { buildTextMessage } from '../../blocks/common.js';
import { createMomentPublisher } from '../../moment-publisher.js';
import { type MomentActionArgs, readMomentAction, refuse } from './moment-action.js';

/** "Undo" on the author's confirmation: the moment is deleted for good and the confirmation says so. */
export const handleMomentUndo = (deps: Deps) => async (args: MomentActionArgs) => {
  await args.ack();
  const action = args.body.actions[0];
  const ctx = await readMomentAction(deps, args.body, action?.type === 'button' ? action.value : undefined);
  if (!ctx.momentId) return refuse(args.respond, ctx.m, 'not_found');
  const removed = await deps.moments.remove(ctx.teamId, ctx.userId, ctx.momentId);
  if (!removed.ok) {
    return refuse(
      args.respond,
      ctx.m,
      removed.problem === 'not_allowed' ? 'not_allowed_delete' : 'not_found',
    );
  }
  await args.respond({ replace_original: true, ...buildTextMessage(ctx.m.momentsUndone) });
  await createMomentPublisher(deps).retract(removed.value);
};

import type { Deps } from '../../../deps.js';
import { answer, type MomentActionArgs, readMomentAction, refuse } from './moment-action.js';

/** "Mark resolved" on a complaint: the author, the follow-up owner or an admin. */
export const handleMomentResolve = (deps: Deps) => async (args: MomentActionArgs) => {
  await args.ack();
  const action = args.body.actions[0];
  const ctx = await readMomentAction(deps, args.body, action?.type === 'button' ? action.value : undefined);
  if (!ctx.momentId) return refuse(args.respond, ctx.m, 'not_found');
  const result = await deps.moments.followUp(
    ctx.teamId,
    ctx.userId,
    ctx.momentId,
    { resolve: true },
    deps.clock(),
  );
  if (!result.ok) {
    return refuse(
      args.respond,
      ctx.m,
      result.problem === 'not_allowed' ? 'not_allowed_follow_up' : result.problem,
    );
  }
  await answer(args.respond, ctx.m.momentsResolved);
};

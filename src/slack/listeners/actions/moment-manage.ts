import { z } from 'zod';
import type { Deps } from '../../../deps.js';
import { createMomentPublisher } from '../../moment-publisher.js';
import { answer, type MomentActionArgs, openEditModal, readMomentAction, refuse } from './moment-action.js';

const choice = z.string().regex(/^(edit|delete):/);

/**
 * The overflow on a recognition-channel post: everyone sees it, so the server decides: the
 * author may edit, the author or an admin may delete (moderation).
 */
export const handleMomentManage = (deps: Deps) => async (args: MomentActionArgs) => {
  await args.ack();
  const action = args.body.actions[0];
  const raw = action?.type === 'overflow' ? action.selected_option.value : '';
  const parsed = choice.safeParse(raw);
  const [verb, id] = parsed.success ? raw.split(':') : [];
  const ctx = await readMomentAction(deps, args.body, id);
  if (!verb || !ctx.momentId) return refuse(args.respond, ctx.m, 'not_found');
  if (verb === 'edit') {
    return openEditModal(args, ctx, await deps.moments.get(ctx.teamId, ctx.momentId));
  }
  const removed = await deps.moments.remove(ctx.teamId, ctx.userId, ctx.momentId);
  if (!removed.ok) {
    return refuse(
      args.respond,
      ctx.m,
      removed.problem === 'not_allowed' ? 'not_allowed_delete' : 'not_found',
    );
  }
  await createMomentPublisher(deps).retract(removed.value);
  await answer(args.respond, ctx.m.momentsDeleted);
};

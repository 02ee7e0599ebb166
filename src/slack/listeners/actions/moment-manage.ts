import { z } from 'zod';
import type { Deps } from '../../../deps.js';
import {
  answer,
  type MomentActionArgs,
  openEditModal,
  readMomentAction,
  refuse,
  removeMoment,
} from './moment-action.js';

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
    return openEditModal(deps, args, ctx, await deps.moments.get(ctx.teamId, ctx.momentId));
  }
  if (await removeMoment(deps, args.respond, ctx)) await answer(args.respond, ctx.m.momentsDeleted);
};

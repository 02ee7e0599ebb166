import type { Deps } from '../../../deps.js';
import { buildTextMessage } from '../../blocks/common.js';
import { type MomentActionArgs, readMomentAction, removeMoment } from './moment-action.js';

/** "Undo" on the author's confirmation: the moment is deleted for good and the confirmation says so. */
export const handleMomentUndo = (deps: Deps) => async (args: MomentActionArgs) => {
  await args.ack();
  const action = args.body.actions[0];
  const ctx = await readMomentAction(deps, args.body, action?.type === 'button' ? action.value : undefined);
  if (await removeMoment(deps, args.respond, ctx)) {
    await args.respond({ replace_original: true, ...buildTextMessage(ctx.m.momentsUndone) });
  }
};

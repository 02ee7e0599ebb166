import type { Deps } from '../../../deps.js';
import { buildMomentModal } from '../../blocks/moments.js';
import { parseOpenFormValue } from '../../parsers/reaction-event.js';
import { answer, type MomentActionArgs, readMomentAction } from './moment-action.js';

/**
 * "Tell the story" under a reaction on a message without text: the moment modal, with the
 * message kept in its metadata so the moment links back to it (and later reactions second it).
 */
export const handleReactionOpenForm = (deps: Deps) => async (args: MomentActionArgs) => {
  await args.ack();
  const action = args.body.actions[0];
  const ctx = await readMomentAction(deps, args.body, undefined);
  const value = parseOpenFormValue(action?.type === 'button' ? action.value : undefined);
  if (!value) return answer(args.respond, ctx.m.genericError);
  // Logged with the form, so `modal`: taking the reaction back later does not delete what was typed.
  const metadata = JSON.stringify({ source: 'modal', channelId: value.channelId, messageTs: value.ts });
  const colleagueIds = value.kind === 'praise' && value.authorId ? [value.authorId] : [];
  await args.client.views.open({
    trigger_id: args.body.trigger_id,
    view: buildMomentModal(
      ctx.m,
      { kind: value.kind, colleagueIds },
      metadata,
      false,
      await deps.standards.all(ctx.teamId),
    ),
  });
};

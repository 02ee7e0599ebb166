import type { Deps } from '../../../deps.js';
import { buildMomentModal } from '../../blocks/moments.js';
import { parseChooseStandards } from '../../parsers/moment-command.js';
import { answer, type MomentActionArgs, readMomentAction } from './moment-action.js';

/**
 * "Choose standards" under a story refused for an unknown `#tag`: the form opens with the story,
 * the colleagues and the known tags already selected (nothing was stored, the value carries it).
 */
export const handleMomentChooseStandards =
  (deps: Pick<Deps, 'standards' | 'languages'>) =>
  async ({ ack, body, client, respond }: MomentActionArgs) => {
    await ack();
    const action = body.actions[0];
    const { teamId, m, channelId } = await readMomentAction(deps, body, undefined);
    const draft = parseChooseStandards(action?.type === 'button' ? action.value : undefined);
    if (!draft) return answer(respond, m.genericError);
    const { standards, selected } = await deps.standards.preselect(teamId, draft.story);
    const metadata = JSON.stringify({ source: 'command', channelId });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: buildMomentModal(m, { ...draft, standards: selected }, metadata, false, standards),
    });
  };

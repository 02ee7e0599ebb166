import type { Deps } from '../../../deps.js';
import { buildTextMessage } from '../../blocks/common.js';
import { standardRefusalText } from '../commands/culture-standards.js';
import { type MomentActionArgs, readMomentAction } from './moment-action.js';

/**
 * "Restore it", offered when an admin adds a tag that is archived. The service checks again
 * that the clicker is an admin: a forged or forwarded click changes nothing.
 */
export const handleStandardRestore =
  (deps: Pick<Deps, 'standards' | 'languages' | 'clock'>) =>
  async ({ ack, body, respond }: MomentActionArgs) => {
    await ack();
    const action = body.actions[0];
    const { teamId, userId, m } = await readMomentAction(deps, body, undefined);
    const tag = action?.type === 'button' ? (action.value ?? '') : '';
    const restored = await deps.standards.restore(teamId, userId, tag, deps.clock());
    const text = restored.ok
      ? m.standardRestored({ tag: restored.value.tag, position: restored.value.position })
      : standardRefusalText(m, restored);
    await respond({ response_type: 'ephemeral', replace_original: false, ...buildTextMessage(text) });
  };

import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { messages } from '../../../i18n/index.js';
import { buildMomentModal } from '../../blocks/moments.js';

/** `/moment [story]`: the full modal, prefilled with whatever was typed. */
export const handleMoment =
  (deps: Pick<Deps, 'languages'>) =>
  async ({ ack, command, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    const m = messages(await deps.languages.forUser(command.team_id, command.user_id));
    const metadata = JSON.stringify({ source: 'modal', channelId: command.channel_id });
    // trigger_id expires 3 s after the command: nothing slow before views.open.
    await client.views.open({
      trigger_id: command.trigger_id,
      view: buildMomentModal(m, { story: command.text.trim() || undefined }, metadata, false),
    });
  };

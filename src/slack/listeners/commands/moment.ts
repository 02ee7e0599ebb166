import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { messages } from '../../../i18n/index.js';
import { buildRefusalWithText } from '../../blocks/common.js';
import { buildMomentModal } from '../../blocks/moments.js';
import { openModalInTime } from '../../modal-opening.js';

/** `/moment [story]`: the full modal, prefilled with whatever was typed. */
export const handleMoment =
  (deps: Pick<Deps, 'languages' | 'standards' | 'logger'>) =>
  async ({ ack, command, client, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    const story = command.text.trim() || undefined;
    // trigger_id expires 3 s after the command: only quick reads before views.open.
    const [locale, { standards, selected }] = await Promise.all([
      deps.languages.forUser(command.team_id, command.user_id),
      deps.standards.preselect(command.team_id, story ?? ''),
    ]);
    const metadata = JSON.stringify({ source: 'modal', channelId: command.channel_id });
    const m = messages(locale);
    const opened = await openModalInTime(
      client,
      {
        trigger_id: command.trigger_id,
        view: buildMomentModal(m, { story, standards: selected }, metadata, false, standards),
      },
      deps.logger,
    );
    if (opened === 'too_late') {
      const problem = m.formTooLate({ command: command.command });
      await respond({ response_type: 'ephemeral', ...buildRefusalWithText(m, problem, command.text) });
    }
  };

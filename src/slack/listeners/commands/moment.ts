import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { messages } from '../../../i18n/index.js';
import { buildMomentModal } from '../../blocks/moments.js';

/** `/moment [story]`: the full modal, prefilled with whatever was typed. */
export const handleMoment =
  (deps: Pick<Deps, 'languages' | 'standards'>) =>
  async ({ ack, command, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    const story = command.text.trim() || undefined;
    // trigger_id expires 3 s after the command: only quick reads before views.open.
    const [locale, { standards, selected }] = await Promise.all([
      deps.languages.forUser(command.team_id, command.user_id),
      deps.standards.preselect(command.team_id, story ?? ''),
    ]);
    const metadata = JSON.stringify({ source: 'modal', channelId: command.channel_id });
    await client.views.open({
      trigger_id: command.trigger_id,
      view: buildMomentModal(messages(locale), { story, standards: selected }, metadata, false, standards),
    });
  };

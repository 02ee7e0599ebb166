import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { messages } from '../../../i18n/index.js';
import { buildMomentModal } from '../../blocks/moments.js';

/**
 * "Log as customer moment" on any message: the modal opens with the message's text; the
 * permalink is fetched only on submission, since trigger_id expires 3 s after the click.
 */
export const handleLogMoment =
  (deps: Pick<Deps, 'languages' | 'standards'>) =>
  async ({ ack, shortcut, client }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>) => {
    await ack();
    const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? '';
    const story = shortcut.message.text?.trim() || undefined;
    const [locale, { standards, selected }] = await Promise.all([
      deps.languages.forUser(teamId, shortcut.user.id),
      deps.standards.preselect(teamId, story ?? ''),
    ]);
    const metadata = JSON.stringify({
      source: 'shortcut',
      channelId: shortcut.channel.id,
      messageTs: shortcut.message.ts,
    });
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: buildMomentModal(messages(locale), { story, standards: selected }, metadata, false, standards),
    });
  };

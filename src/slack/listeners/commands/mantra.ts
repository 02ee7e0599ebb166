import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import type { MantraLine } from '../../../domain/mantra/mantra-service.js';
import { MANTRA_LINE_MAX } from '../../../domain/mantra/mantra-service.js';
import { type Messages, messages } from '../../../i18n/index.js';
import { buildNotAllowed, buildRefusalWithText, buildTextMessage } from '../../blocks/common.js';
import { buildMantraLines, buildMantraList, type ShownLine, shownLine } from '../../blocks/mantra.js';
import { parseMantraCommand } from '../../parsers/mantra-command.js';
import { slackErrorCode } from '../../people-directory.js';
import { postMantra } from '../../posts/mantra.js';
import { withChannelAccess } from '../../slack-failures.js';

type MantraDeps = Pick<Deps, 'languages' | 'mantras' | 'slack' | 'logger' | 'clock'>;

/** The default line is shown in the workspace language of the moment, whatever it was seeded in. */
function shownLines(lines: MantraLine[], workspace: Messages): ShownLine[] {
  return lines.map((line) => ({
    text: line.isDefault ? workspace.mantraDefaultLine : line.text,
    isDefault: line.isDefault,
  }));
}

/**
 * `/mantra` (everyone), `/mantra add|list|remove` (admins), `/mantra post` (managers and admins).
 * Replies go to the asker alone; only `post` speaks in the channel.
 */
export const handleMantra =
  (deps: MantraDeps) =>
  async ({ ack, command, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    // Slack shows "dispatch_failed" after 3 s: acknowledge first, answer through response_url.
    await ack();
    const teamId = command.team_id;
    const userId = command.user_id;
    const reply = async (message: RespondArguments) => {
      await respond({ response_type: 'ephemeral', ...message });
    };
    const [locale, workspaceLocale] = await Promise.all([
      deps.languages.forUser(teamId, userId),
      deps.languages.forWorkspace(teamId),
    ]);
    const m = messages(locale);
    const workspace = messages(workspaceLocale);
    const request = parseMantraCommand(command.text);
    const defaultLine = workspace.mantraDefaultLine;

    try {
      switch (request.action) {
        case 'show': {
          const { lines, canManage } = await deps.mantras.show(teamId, userId, defaultLine);
          return await reply(buildMantraLines(m, shownLines(lines, workspace), { adminHint: canManage }));
        }
        case 'list': {
          const listed = await deps.mantras.list(teamId, userId, defaultLine);
          if (!listed.ok) return await reply(buildNotAllowed(m, listed));
          return await reply(buildMantraList(m, shownLines(listed.value, workspace)));
        }
        case 'add': {
          const added = await deps.mantras.add(teamId, request.text, userId, defaultLine);
          if (!added.ok) {
            return await reply(
              added.reason === 'not_allowed'
                ? buildNotAllowed(m, added)
                : added.reason === 'empty'
                  ? buildTextMessage(m.mantraAddEmpty)
                  : buildRefusalWithText(m, m.mantraAddTooLong({ max: MANTRA_LINE_MAX }), request.text),
            );
          }
          const text = [m.mantraAdded({ line: shownLine(added.line.text) })];
          if (added.replacedDefault) text.push(m.mantraAddedReplacedDefault);
          return await reply(buildTextMessage(text.join('\n')));
        }
        case 'remove': {
          const removed = await deps.mantras.removeAt(teamId, request.position, userId);
          if (removed.ok) {
            const line = removed.line.isDefault ? defaultLine : removed.line.text;
            return await reply(buildTextMessage(m.mantraRemoved({ line: shownLine(line) })));
          }
          return await reply(
            removed.reason === 'not_allowed'
              ? buildNotAllowed(m, removed)
              : buildTextMessage(
                  removed.reason === 'last_line'
                    ? m.mantraRemoveLast
                    : m.mantraRemoveUnknown({ position: request.position, count: removed.count }),
                ),
          );
        }
        case 'remove_usage':
          return await reply(buildTextMessage(m.mantraRemoveUsage));
        case 'post': {
          const allowed = await deps.mantras.mayPost(teamId, userId);
          if (!allowed.ok) return await reply(buildNotAllowed(m, allowed));
          const now = deps.clock();
          const channelId = command.channel_id;
          try {
            await withChannelAccess(deps.slack, channelId, () =>
              postMantra(deps, { teamId, channelId, reference: now, now }),
            );
          } catch (err) {
            const code = slackErrorCode(err);
            if (code === 'not_in_channel' || code === 'channel_not_found') {
              return await reply(buildTextMessage(m.mantraPostNoAccess));
            }
            throw err;
          }
          return await reply(buildTextMessage(m.mantraPosted({ channel: channelId })));
        }
        case 'usage':
          return await reply(buildTextMessage(m.mantraUsage));
      }
    } catch (err) {
      deps.logger.error({ err, teamId, userId, action: request.action }, '/mantra failed');
      // Nothing lost: what they typed comes back with the apology.
      await reply(buildRefusalWithText(m, m.genericError, `/mantra ${command.text}`)).catch(() => {});
    }
  };

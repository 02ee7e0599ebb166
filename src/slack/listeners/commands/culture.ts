import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { type Locale, type Messages, messages } from '../../../i18n/index.js';
import { buildNotAllowed, buildTextMessage } from '../../blocks/common.js';
import { buildHelp } from '../../blocks/help.js';
import { escapeUserText } from '../../mrkdwn.js';
import { parseLanguageArgs, parseRoleArgs, splitSubcommand } from '../../parsers/culture-command.js';

/** What a `/culture <sub>` handler gets: who asked, where, the words after the subcommand. */
export interface CultureRequest {
  teamId: string;
  userId: string;
  channelId: string;
  args: string[];
  /** The text after the subcommand, untouched (quoted cron expressions keep their spaces). */
  rest: string;
  locale: Locale;
  m: Messages;
  reply(message: RespondArguments): Promise<void>;
}

export type CultureSubcommands = Record<string, (request: CultureRequest) => Promise<void>>;

/**
 * `/culture …`: one router; each feature contributes its subcommands (see `index.ts`), so this
 * file does not grow with every setting.
 */
export const handleCulture =
  (deps: Pick<Deps, 'languages' | 'logger'>, subcommands: CultureSubcommands) =>
  async ({ ack, command, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    // Slack shows "dispatch_failed" after 3 s: acknowledge first, answer through response_url.
    await ack();
    const locale = await deps.languages.forUser(command.team_id, command.user_id);
    const m = messages(locale);
    const { sub, args, rest } = splitSubcommand(command.text);
    const request: CultureRequest = {
      teamId: command.team_id,
      userId: command.user_id,
      channelId: command.channel_id,
      args,
      rest,
      locale,
      m,
      reply: async (message) => {
        await respond({ response_type: 'ephemeral', ...message });
      },
    };
    const handler = subcommands[sub];
    if (handler) {
      try {
        await handler(request);
      } catch (err) {
        // Nothing goes unanswered: the asker hears something went wrong, the log has why.
        deps.logger.error({ err, sub, teamId: request.teamId }, '/culture subcommand failed');
        await request.reply(buildTextMessage(m.genericError)).catch(() => {});
      }
    } else {
      // Echoed inside `code`: escaped, and no backtick of the user's can close the span early.
      const typed = escapeUserText(command.text.trim()).replace(/`/g, "'");
      await request.reply(buildTextMessage(m.cultureUnknown({ text: typed })));
    }
  };

/** help, role, language. */
export function coreCultureSubcommands(
  deps: Pick<Deps, 'roles' | 'workspaces' | 'reactionSettings' | 'standards'>,
): CultureSubcommands {
  return {
    async help({ teamId, userId, m, reply }) {
      const [role, reactionEmoji, active] = await Promise.all([
        deps.roles.roleOf(teamId, userId),
        deps.reactionSettings.get(teamId),
        deps.standards.active(teamId),
      ]);
      await reply(buildHelp(m, role, { reactionEmoji, tags: active.map((s) => s.tag) }));
    },

    async role({ teamId, userId, args, m, reply }) {
      const parsed = parseRoleArgs(args);
      if (!parsed) return reply(buildTextMessage(m.roleUsage));
      const result = await deps.roles.setRole(teamId, userId, parsed.userId, parsed.role);
      if (!result.ok) {
        const problem = {
          not_allowed: m.notAllowed({ needed: m.roleNameAdmin }),
          unknown_user: m.roleUnknownUser({ user: parsed.userId }),
          bot_user: m.roleBotUser,
        }[result.reason];
        return reply(buildTextMessage(problem));
      }
      if (parsed.role === 'member') {
        return reply(
          buildTextMessage(
            result.value.effective === 'admin'
              ? m.roleSlackAdmin({ user: parsed.userId })
              : m.roleRemoved({ user: parsed.userId }),
          ),
        );
      }
      const label = parsed.role === 'admin' ? m.roleLabelAdmin : m.roleLabelManager;
      await reply(buildTextMessage(m.roleGranted({ user: parsed.userId, role: label })));
    },

    async language({ teamId, userId, args, m, reply }) {
      const locale = parseLanguageArgs(args);
      if (!locale) return reply(buildTextMessage(m.languageUsage));
      const allowed = await deps.roles.authorize(teamId, userId, 'workspace.configure');
      if (!allowed.ok) return reply(buildNotAllowed(m, allowed));
      await deps.workspaces.setLocale(teamId, locale, userId);
      await reply(buildTextMessage(messages(locale).languageSet));
    },
  };
}

import type { Deps } from '../../../deps.js';
import { messages } from '../../../i18n/index.js';
import { buildNotAllowed, buildTextMessage } from '../../blocks/common.js';
import { buildHelp } from '../../blocks/help.js';
import { escapeUserText } from '../../mrkdwn.js';
import { parseLanguageArgs, parseRoleArgs } from '../../parsers/culture-command.js';
import { handleSubcommands, type SubcommandRequest, type Subcommands } from './subcommands.js';

export type CultureRequest = SubcommandRequest;
export type CultureSubcommands = Subcommands;

/**
 * `/culture …`: each feature contributes its subcommands (see `index.ts`), so this file does
 * not grow with every setting; the shared router answers every failure.
 */
export const handleCulture = (deps: Pick<Deps, 'languages' | 'logger'>, subcommands: CultureSubcommands) =>
  handleSubcommands(deps, {
    subcommands,
    extend: async (request) => request,
    // Echoed inside `code`: escaped, and no backtick of the user's can close the span early.
    unknown: ({ m, text }) =>
      buildTextMessage(m.cultureUnknown({ text: escapeUserText(text.trim()).replace(/`/g, "'") })),
  });

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
        if (result.reason === 'not_allowed') return reply(buildNotAllowed(m, result));
        const problem = {
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
      const set = await deps.workspaces.setLocale(teamId, locale, userId);
      if (!set.ok) return reply(buildNotAllowed(m, set));
      await reply(buildTextMessage(messages(locale).languageSet));
    },
  };
}

import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { messages } from '../../../i18n/index.js';
import { buildTextMessage } from '../../blocks/common.js';
import { buildHelp } from '../../blocks/help.js';
import { parseCultureCommand } from '../../parsers/culture-command.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/culture …`: help, roles and workspace settings. */
export const handleCulture =
  (deps: Pick<Deps, 'roles' | 'languages' | 'workspaces'>) => async (args: Args) => {
    const { ack, command, respond } = args;
    // Slack shows "dispatch_failed" after 3 s: acknowledge first, answer through response_url.
    await ack();
    const teamId = command.team_id;
    const userId = command.user_id;
    const locale = await deps.languages.forUser(teamId, userId);
    const m = messages(locale);
    const reply = async (message: RespondArguments) => {
      await respond({ response_type: 'ephemeral', ...message });
    };
    const parsed = parseCultureCommand(command.text);

    switch (parsed.type) {
      case 'help':
        return reply(buildHelp(m, await deps.roles.roleOf(teamId, userId)));
      case 'usage':
        return reply(buildTextMessage(parsed.topic === 'role' ? m.roleUsage : m.languageUsage));
      case 'unknown':
        return reply(buildTextMessage(m.cultureUnknown({ text: parsed.text })));
      case 'role': {
        const result = await deps.roles.setRole(teamId, userId, parsed.userId, parsed.role);
        if (!result.ok) {
          const problem = {
            not_allowed: m.notAllowed({ needed: m.roleNameAdmin }),
            unknown_user: m.roleUnknownUser({ user: parsed.userId }),
            bot_user: m.roleBotUser,
          }[result.reason];
          return reply(buildTextMessage(problem));
        }
        if (parsed.role === 'member' && result.value.effective === 'admin') {
          return reply(buildTextMessage(m.roleSlackAdmin({ user: parsed.userId })));
        }
        const label = { admin: m.roleLabelAdmin, manager: m.roleLabelManager, member: m.roleLabelMember }[
          parsed.role
        ];
        return reply(
          buildTextMessage(
            parsed.role === 'member'
              ? m.roleRemoved({ user: parsed.userId })
              : m.roleGranted({ user: parsed.userId, role: label }),
          ),
        );
      }
      case 'language': {
        if (!(await deps.roles.can(teamId, userId, 'admin'))) {
          return reply(buildTextMessage(m.notAllowed({ needed: m.roleNameAdmin })));
        }
        await deps.workspaces.setLocale(teamId, parsed.locale);
        return reply(buildTextMessage(messages(parsed.locale).languageSet));
      }
    }
  };

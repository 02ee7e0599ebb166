import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { type Locale, type Messages, messages } from '../../../i18n/index.js';
import { buildRefusalWithText } from '../../blocks/common.js';
import { splitSubcommand } from '../../parsers/culture-command.js';

/** What a `/<command> <sub>` handler gets: who asked, where, the words after the subcommand. */
export interface SubcommandRequest {
  teamId: string;
  userId: string;
  channelId: string;
  /** The text after the command, as typed (`schedule mantra …`). */
  text: string;
  args: string[];
  /** The text after the subcommand, untouched (quoted cron expressions keep their spaces). */
  rest: string;
  /** The whole command as the person typed it (`/culture schedule …`): given back on a failure. */
  typed: string;
  locale: Locale;
  m: Messages;
  reply(message: RespondArguments): Promise<void>;
}

export type Subcommands<R extends SubcommandRequest = SubcommandRequest> = Record<
  string,
  (request: R) => Promise<void>
>;

/**
 * The one router of the commands made of subcommands (`/culture`, `/pulse`): acknowledges at
 * once, answers the asker alone, sends a subcommand it does not know to `unknown`, and on a
 * failure tells the person so with what they typed (nothing lost) while the log says why.
 * `extend` adds what one command's handlers all need (the pulse's way of speaking).
 */
export function handleSubcommands<R extends SubcommandRequest>(
  deps: Pick<Deps, 'languages' | 'logger'>,
  options: {
    subcommands: Subcommands<R>;
    unknown(request: R): RespondArguments;
    extend(request: SubcommandRequest): Promise<R>;
  },
) {
  return async ({ ack, command, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    // Slack shows "dispatch_failed" after 3 s: acknowledge first, answer through response_url.
    await ack();
    const locale = await deps.languages.forUser(command.team_id, command.user_id);
    const m = messages(locale);
    const { sub, args, rest } = splitSubcommand(command.text);
    const reply = async (message: RespondArguments) => {
      await respond({ response_type: 'ephemeral', ...message });
    };
    const typed = `${command.command} ${command.text}`.trim();
    try {
      const request = await options.extend({
        teamId: command.team_id,
        userId: command.user_id,
        channelId: command.channel_id,
        text: command.text,
        args,
        rest,
        typed,
        locale,
        m,
        reply,
      });
      const handler = options.subcommands[sub];
      await (handler ? handler(request) : reply(options.unknown(request)));
    } catch (err) {
      deps.logger.error({ err, command: command.command, sub, teamId: command.team_id }, 'subcommand failed');
      await reply(buildRefusalWithText(m, m.genericError, typed)).catch(() => {});
    }
  };
}

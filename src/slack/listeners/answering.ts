import type { AnyMiddlewareArgs, Middleware, RespondFn } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { messages } from '../../i18n/index.js';
import { buildRefusalWithText } from '../blocks/common.js';
import { notifyUser } from '../posts/notices.js';
import { ReplayedRequest } from '../request-guard.js';

type AnsweringDeps = Pick<Deps, 'languages' | 'logger' | 'slack' | 'config'>;

interface Asker {
  teamId: string;
  userId: string;
  channelId: string | undefined;
  /** What the person typed, given back so nothing is lost. */
  typed: string;
}

/** Who asked, where, and what they typed, from any request body a person sends (not events). */
function askerOf(body: Record<string, unknown>): Asker | undefined {
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  if (typeof body.command === 'string') {
    return {
      teamId: str(body.team_id) ?? '',
      userId: str(body.user_id) ?? '',
      channelId: str(body.channel_id),
      typed: `${body.command} ${str(body.text) ?? ''}`.trim(),
    };
  }
  const user = body.user as { id?: unknown; team_id?: unknown } | undefined;
  const userId = str(user?.id);
  if (!userId) return undefined;
  const team = body.team as { id?: unknown } | undefined;
  const channel = body.channel as { id?: unknown } | undefined;
  return {
    teamId: str(team?.id) ?? str(user?.team_id) ?? '',
    userId,
    channelId: str(channel?.id),
    typed: body.type === 'view_submission' ? typedInView(body.view) : '',
  };
}

/** The text a person entered in a modal: every text input's value, in the order of the form. */
function typedInView(view: unknown): string {
  const values = (view as { state?: { values?: Record<string, Record<string, { value?: unknown }>> } })?.state
    ?.values;
  return Object.values(values ?? {})
    .flatMap((block) => Object.values(block).map((input) => input.value))
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .join('\n\n');
}

/**
 * Every listener answers, whatever fails. Registered first as global middleware, so it wraps
 * every listener (a new one included): the error is logged with who, where and which request,
 * and the person is told in their language that it failed on our side, with what they typed.
 * Events (nobody asked) are only logged. Nothing thrown here leaves the process.
 */
export function answerFailures(deps: AnsweringDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (err) {
      // A replay stops at its ack on purpose: nothing failed, nobody is to be told.
      if (err instanceof ReplayedRequest) throw err;
      const body = args.body as unknown as Record<string, unknown>;
      const asker = askerOf(body);
      deps.logger.error(
        {
          err,
          type: body.type ?? (typeof body.command === 'string' ? 'slash_command' : undefined),
          command: body.command,
          teamId: asker?.teamId,
          userId: asker?.userId,
          channelId: asker?.channelId,
        },
        'listener failed',
      );
      if (!asker) return;
      // A listener that threw before acking must still ack (Slack shows an error otherwise); one
      // that acked already makes this second ack throw, which is expected and ignored.
      const ack = (args as { ack?: () => Promise<void> }).ack;
      await ack?.().catch(() => {});
      try {
        const locale = await deps.languages
          .forUser(asker.teamId, asker.userId)
          .catch(() => deps.config.defaultLocale);
        const m = messages(locale);
        const message = buildRefusalWithText(m, m.genericError, asker.typed);
        const respond = (args as { respond?: RespondFn }).respond;
        if (respond) {
          await respond({ response_type: 'ephemeral', replace_original: false, ...message });
        } else {
          await notifyUser(deps, { userId: asker.userId, channelId: asker.channelId }, message);
        }
      } catch (answerErr) {
        deps.logger.error(
          { err: answerErr, userId: asker.userId },
          'could not tell the user a request failed',
        );
      }
    }
  };
}

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../deps.js';

const revokedTokens = z.object({ tokens: z.object({ bot: z.array(z.string()).optional() }).optional() });

/**
 * `app_uninstalled`, and `tokens_revoked` when it takes the bot's token: the workspace's
 * schedules stop at once and its grace period starts (the daily purge deletes its data after
 * it, unless the app comes back). Events are acked by Bolt before this runs.
 */
export const handleAppUninstalled =
  (deps: Pick<Deps, 'privacy' | 'logger' | 'clock'>) =>
  async ({
    event,
    body,
    context,
  }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'>) => {
    const teamId = context.teamId ?? (body as { team_id?: string }).team_id;
    if (!teamId) return;
    if (event.type === 'tokens_revoked') {
      const parsed = revokedTokens.safeParse(event);
      // Only a person's user token revoked: the bot still works there.
      if (!parsed.success || !parsed.data.tokens?.bot?.length) return;
    }
    try {
      if (await deps.privacy.uninstalled(teamId, deps.clock())) {
        deps.logger.info(
          { teamId, event: event.type },
          'workspace uninstalled: schedules stopped, grace period started',
        );
      }
    } catch (err) {
      deps.logger.error({ err, teamId, event: event.type }, 'recording an uninstall failed');
    }
  };

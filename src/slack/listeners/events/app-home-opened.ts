import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { publishHome } from '../../home-publisher.js';

/** The person opened the app's Home tab: publish it fresh (events need no answer beyond the ack). */
export const handleAppHomeOpened =
  (deps: Deps) =>
  async ({ event, body, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    const teamId = context.teamId ?? body.team_id;
    try {
      await publishHome(deps, { teamId, userId: event.user });
    } catch (err) {
      deps.logger.error({ err, teamId, userId: event.user }, 'publishing the Home tab failed');
    }
  };

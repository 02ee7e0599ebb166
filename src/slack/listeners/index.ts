import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { EVENTS } from '../ids.js';
import { registerActions } from './actions/index.js';
import { answerFailures } from './answering.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { Routes } from './routes.js';
import { registerShortcuts } from './shortcuts/index.js';
import { registerViews } from './views/index.js';

export function registerListeners(app: App, deps: Deps) {
  // First: it wraps everything after it, so every listener answers whatever fails.
  app.use(answerFailures(deps));
  // Slack redelivers an event it believes we missed (x-slack-retry-num); the event id is
  // recorded in Postgres so a retry, even one landing on another replica, is handled once.
  app.use(async ({ body, context, next }) => {
    const envelope = body as { event_id?: unknown; team_id?: unknown; event?: { type?: unknown } };
    if (typeof envelope.event_id === 'string') {
      const teamId = typeof envelope.team_id === 'string' ? envelope.team_id : 'unknown';
      const fresh = await deps.workspaces.markEventProcessed(teamId, envelope.event_id, deps.clock());
      if (!fresh) {
        deps.logger.debug({ eventId: envelope.event_id }, 'dropped a redelivered Slack event');
        return;
      }
    }
    await next();
    // Anything but the uninstall itself means the app is installed there: a workspace that
    // comes back within its grace period keeps its data and its schedules. After the handler,
    // so no ack waits for it (and at most once a minute per workspace: see reinstalled).
    const eventType = envelope.event?.type;
    if (context.teamId && eventType !== EVENTS.appUninstalled && eventType !== EVENTS.tokensRevoked) {
      await deps.privacy.reinstalled(context.teamId, deps.clock()).catch((err: unknown) => {
        deps.logger.error({ err, teamId: context.teamId }, 'recording a reinstall failed');
      });
    }
  });
  listenerRoutes(deps).registerOn(app);
}

/** Every handler of the bot, by kind and id (routes.ts says why not one Bolt listener each). */
export function listenerRoutes(deps: Deps): Routes {
  const routes = new Routes();
  registerCommands(routes, deps);
  registerEvents(routes, deps);
  registerActions(routes, deps);
  registerViews(routes, deps);
  registerShortcuts(routes, deps);
  return routes;
}

/**
 * The bot on an open, migrated database: the services, the Slack app (listening), the
 * scheduler. This module and what it imports are most of the code, and loading them is most of
 * a start: start-bot.ts loads it while the database opens (see startBot there).
 */
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { createAuditRepository } from './db/repositories/audit-repository.js';
import { createDigestRepository } from './db/repositories/digest-repository.js';
import { createFollowUpRepository } from './db/repositories/follow-up-repository.js';
import { createHomeRepository } from './db/repositories/home-repository.js';
import { createMantraRepository } from './db/repositories/mantra-repository.js';
import { createMomentRepository } from './db/repositories/moment-repository.js';
import { createNotificationOutboxRepository } from './db/repositories/notification-outbox-repository.js';
import { createPrivacyRepository } from './db/repositories/privacy-repository.js';
import { createPulseRepository } from './db/repositories/pulse-repository.js';
import { createRequestLedgerRepository } from './db/repositories/request-ledger-repository.js';
import { createRoleRepository } from './db/repositories/role-repository.js';
import {
  createScheduleRepository,
  createScheduleRunRepository,
} from './db/repositories/schedule-repository.js';
import { createStandardRepository } from './db/repositories/standard-repository.js';
import { createWorkspaceRepository } from './db/repositories/workspace-repository.js';
import type { Deps } from './deps.js';
import { createDigestService } from './domain/digest/digest-service.js';
import { createFollowUpService } from './domain/follow-up/follow-up-service.js';
import { createHomeService } from './domain/home/home-service.js';
import { createMantraService } from './domain/mantra/mantra-service.js';
import { createMomentService } from './domain/moments/moment-service.js';
import { createAuditLog } from './domain/privacy/audit.js';
import { createErasureHasher } from './domain/privacy/erasure-hash.js';
import { createPrivacyService } from './domain/privacy/privacy-service.js';
import { shuffle } from './domain/pulse/pulse.js';
import { createPulseService } from './domain/pulse/pulse-service.js';
import { createReactionService } from './domain/reactions/reaction-service.js';
import { createReactionSettings } from './domain/reactions/reaction-settings.js';
import { createRoleService } from './domain/roles/role-service.js';
import { createScheduleService } from './domain/schedules/schedule-service.js';
import { createSettingsService } from './domain/settings/settings-service.js';
import { createStandardService } from './domain/standards/standard-service.js';
import { createLanguages } from './domain/workspace/languages.js';
import { createWorkspaceService } from './domain/workspace/workspace-service.js';
import { createFollowUpRemindersJob } from './jobs/follow-up-reminders.js';
import { forgetProcessedEventsJob } from './jobs/forget-processed-events.js';
import { notificationOutboxJob } from './jobs/notification-outbox.js';
import { createPrivacyPurgeJob } from './jobs/privacy-purge.js';
import { pulseDeadlinesJob } from './jobs/pulse-deadlines.js';
import { createScheduledPostsJob } from './jobs/scheduled-posts.js';
import { createNodeCronCalendar } from './jobs/scheduler/calendar.js';
import { newReplicaId } from './jobs/scheduler/run-coordinator.js';
import { createScheduler, type Scheduler } from './jobs/scheduler/scheduler.js';
import type { Logger } from './logger.js';
import { SHUTDOWN } from './shutdown.js';
import { buildSlackApp } from './slack/app.js';
import { createHomeChartFiles } from './slack/home-chart-files.js';
import { registerListeners } from './slack/listeners/index.js';
import { createSlackMessageReader } from './slack/message-reader.js';
import { createSlackPeopleDirectory } from './slack/people-directory.js';
import { scheduledPostKinds } from './slack/posts/scheduled-kinds.js';

export interface RunningBot {
  readonly port: number;
  readonly deps: Deps;
  /** The scheduled-posts clock of this replica; undefined when started with `scheduler: false`. */
  readonly scheduler: Scheduler | undefined;
  /** Graceful stop: no new work, in-flight handlers finish, database closed. */
  stop(): Promise<void>;
  /** Resolves once no Slack handler is running (tests wait for the work after an ack). */
  whenIdle(timeoutMs?: number): Promise<boolean>;
  /**
   * The workspace and its standards are read again from the database, not from the few seconds
   * the services keep them (for a database emptied behind the bot's back, as the tests do).
   */
  forgetKeptReads(): void;
}

export interface AssembleOptions {
  config: Config;
  logger: Logger;
  clock: () => Date;
  /** Possibly still opening: the bot is built on it meanwhile, and queries it once `ready`. */
  database: Database;
  /** Resolves once the database is open and migrated; rejects when it could not be. */
  ready: Promise<void>;
  /** Run the scheduler (see StartOptions in start-bot.ts). */
  scheduler: boolean;
  /** Called last when the bot stops, once nothing uses the database any more. */
  release: () => Promise<void>;
}

/**
 * Builds the services on `database` while it opens, then, once it is ready, starts the Slack
 * app and the scheduler. Building takes a tenth of a second on two cores, and Bolt's auth.test
 * a round trip to Slack: both used to wait for PGlite's worker, which takes the longest.
 */
export async function assembleBot({
  config,
  logger,
  clock,
  database,
  ready,
  scheduler: withScheduler,
  release,
}: AssembleOptions): Promise<RunningBot> {
  const requestLedger = createRequestLedgerRepository(database.db);
  const slackApp = buildSlackApp({
    config,
    logger,
    isHealthy: () => database.ping(),
    ledger: requestLedger,
    clock,
  });
  const people = createSlackPeopleDirectory(slackApp.app.client, clock);
  // Services record admin actions themselves, so the audit log comes first.
  const audit = createAuditLog(createAuditRepository(database.db), clock);
  const roles = createRoleService(createRoleRepository(database.db), people, audit);
  const workspaces = createWorkspaceService(
    createWorkspaceRepository(database.db),
    { locale: config.defaultLocale, timezone: config.defaultTimezone },
    audit,
    roles,
    clock,
  );
  const cron = createNodeCronCalendar();
  const digestStore = createDigestRepository(database.db);
  const pulses = createPulseService(createPulseRepository(database.db, shuffle), workspaces, roles);
  const schedules = createScheduleService(createScheduleRepository(database.db), cron, {
    isKindAvailable: (kind) => kind in scheduledPostKinds,
    audit,
    roles,
  });
  const standards = createStandardService(createStandardRepository(database.db), roles, workspaces, clock);
  const digests = createDigestService(digestStore, standards, roles);
  const mantras = createMantraService(
    createMantraRepository(database.db),
    audit,
    async (teamId, reference) => {
      const { timezone } = await workspaces.get(teamId);
      const week = digests.lastWeek(reference, timezone);
      return (await digests.trainingFocus(teamId, week, timezone))?.standard;
    },
    roles,
  );
  const moments = createMomentService(createMomentRepository(database.db), people, roles, audit, standards);
  const reactionSettings = createReactionSettings(workspaces, roles);
  const privacy = createPrivacyService({
    store: createPrivacyRepository(database.db),
    roles,
    workspaces,
    audit,
    hash: createErasureHasher(config.erasureHashKey),
    schedules,
  });
  const deps: Deps = {
    config,
    logger,
    clock,
    database,
    slack: slackApp.app.client,
    people,
    workspaces,
    languages: createLanguages(workspaces, people),
    roles,
    moments,
    standards,
    reactions: createReactionService({
      moments,
      people,
      settings: reactionSettings,
      reader: createSlackMessageReader(slackApp.app.client),
    }),
    reactionSettings,
    pulses,
    mantras,
    digests,
    schedules,
    privacy,
    audit,
    followUps: createFollowUpService(createFollowUpRepository(database.db), workspaces, people),
    home: createHomeService({
      store: createHomeRepository(database.db),
      bank: digestStore,
      digests,
      roles,
      workspaces,
      mantras,
      schedules,
      standards,
      privacy,
    }),
    homeCharts: createHomeChartFiles(),
    settings: createSettingsService({ roles, workspaces, mantras, schedules, pulses }),
    scheduleRuns: createScheduleRunRepository(database.db),
    requestLedger,
    outbox: createNotificationOutboxRepository(database.db),
    cron,
  };
  registerListeners(slackApp.app, deps);
  await ready.catch(async (err: unknown) => {
    await release();
    throw err;
  });
  logger.info({ database: database.kind }, 'database ready');
  const port = await slackApp.start();
  logger.info({ mode: config.slackMode.kind, port }, 'service culture bot started');
  // After the Slack app: a catch-up post on start-up needs a working Web API client.
  const replicaId = newReplicaId();
  const scheduler = !withScheduler
    ? undefined
    : createScheduler(deps, {
        postsJob: createScheduledPostsJob({ replicaId }),
        // Pulse deadlines and follow-up reminders: claimed in Postgres, so every replica may tick them.
        jobs: [
          pulseDeadlinesJob,
          createFollowUpRemindersJob({ replicaId }),
          forgetProcessedEventsJob,
          notificationOutboxJob,
          createPrivacyPurgeJob(),
        ],
      });
  scheduler?.start();

  let stopping: Promise<void> | undefined;
  return {
    port,
    deps,
    scheduler,
    whenIdle: (timeoutMs = 5_000) => slackApp.whenIdle(timeoutMs),
    forgetKeptReads() {
      workspaces.forgetKept();
      standards.forgetKept();
    },
    stop() {
      stopping ??= (async () => {
        // No new ticks or requests; posts and handlers in flight finish (bounded) side by side.
        await Promise.all([scheduler?.stop(SHUTDOWN.drainMs), slackApp.stop(SHUTDOWN.drainMs)]);
        await release();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}

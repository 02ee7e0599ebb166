import type { webApi } from '@slack/bolt';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { NotificationOutboxRepository } from './db/repositories/notification-outbox-repository.js';
import type { DigestService } from './domain/digest/digest-service.js';
import type { FollowUpService } from './domain/follow-up/follow-up-service.js';
import type { HomeService } from './domain/home/home-service.js';
import type { MantraService } from './domain/mantra/mantra-service.js';
import type { MomentService } from './domain/moments/moment-service.js';
import type { PeopleDirectory } from './domain/people.js';
import type { AuditLog } from './domain/privacy/audit.js';
import type { PrivacyService } from './domain/privacy/privacy-service.js';
import type { PulseService } from './domain/pulse/pulse-service.js';
import type { ReactionService } from './domain/reactions/reaction-service.js';
import type { ReactionSettings } from './domain/reactions/reaction-settings.js';
import type { RoleService } from './domain/roles/role-service.js';
import type { CronCalendar } from './domain/schedules/cron-calendar.js';
import type { ScheduleRunStore } from './domain/schedules/schedule.js';
import type { ScheduleService } from './domain/schedules/schedule-service.js';
import type { SettingsService } from './domain/settings/settings-service.js';
import type { StandardService } from './domain/standards/standard-service.js';
import type { Languages } from './domain/workspace/languages.js';
import type { WorkspaceService } from './domain/workspace/workspace-service.js';
import type { Logger } from './logger.js';
import type { HomeChartFiles } from './slack/home-chart-files.js';

/** Handed to listeners and jobs: no module-level singletons anywhere. */
export interface Deps {
  readonly config: Config;
  readonly logger: Logger;
  /** The clock, injected so tests can move time. */
  readonly clock: () => Date;
  readonly database: Database;
  readonly slack: webApi.WebClient;
  readonly people: PeopleDirectory;
  readonly workspaces: WorkspaceService;
  readonly languages: Languages;
  readonly roles: RoleService;
  readonly moments: MomentService;
  /** Moments logged and seconded by emoji reaction. */
  readonly reactions: ReactionService;
  /** The workspace's praise and learning emoji. */
  readonly reactionSettings: ReactionSettings;
  /** The workspace's service standards: the list, who may change it, what a story cites. */
  readonly standards: StandardService;
  readonly pulses: PulseService;
  readonly mantras: MantraService;
  readonly digests: DigestService;
  readonly schedules: ScheduleService;
  /** Erasure, export, retention, uninstall: people's rights over their data. */
  readonly privacy: PrivacyService;
  /** Who did which admin action, when. */
  readonly audit: AuditLog;
  /** Complaints' follow-up reminders and the digest's follow-up count. */
  readonly followUps: FollowUpService;
  /** What each person's App Home shows. */
  readonly home: HomeService;
  /** The Home's balance-trend pictures already uploaded, so opening the tab again uploads nothing. */
  readonly homeCharts: HomeChartFiles;
  /** Workspace settings and the Home's manager actions, each with its permission rule. */
  readonly settings: SettingsService;
  /** Claims and outcomes of scheduled posts: the referee between replicas. */
  readonly scheduleRuns: ScheduleRunStore;
  /** Requests already handled (replays are dropped); the housekeeping job forgets old keys. */
  readonly requestLedger: { forgetBefore(cutoff: Date): Promise<void> };
  /** Notifications on their way to Slack, retried until delivered (src/slack/posts/outbox.ts). */
  readonly outbox: NotificationOutboxRepository;
  /** Cron questions (validation, fire times), answered by node-cron. */
  readonly cron: CronCalendar;
}

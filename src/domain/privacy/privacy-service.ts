import type { Moment } from '../moments/moment.js';
import { fail, ok, type Result } from '../result.js';
import type { Authorizer, NotAllowed } from '../roles/permissions.js';
import { type WorkspaceService, workspaceSettingsSchema } from '../workspace/workspace-service.js';
import type { AuditEntry, AuditLog } from './audit.js';
import { SYSTEM_ACTOR } from './audit.js';
import type { ErasureHasher } from './erasure-hash.js';
import {
  buildPersonExport,
  buildWorkspaceExport,
  type ExportFile,
  type PersonData,
  type WorkspaceData,
} from './export-csv.js';

import { RETENTION_MONTHS, UNINSTALL_GRACE_DAYS } from './retention.js';

const DAY_MS = 24 * 60 * 60_000;

/** A recognition post to take down, with the story it showed. */
export type PostedMoment = Pick<Moment, 'id' | 'recognitionChannelId' | 'recognitionTs'>;

/** What an erasure removed, in counts (the audit keeps these), and what Slack must follow. */
export interface ErasureReport {
  storiesDeleted: number;
  namesRemoved: number;
  rolesRemoved: number;
  pulseParticipations: number;
  namedAnswersDeleted: number;
  /** The erased stories' recognition posts: the Slack layer deletes them. */
  erasedPosts: PostedMoment[];
  /** Other people's moments that named the person and have a recognition post to re-render. */
  renamedMomentIds: string[];
}

export interface PrivacyStore {
  /**
   * Erases a person from a team in one transaction: their stories deleted, their name taken
   * off others' stories, their roles, pulse participation and named answers deleted; where a
   * trace must stay (a role's grantor, the audit log, a pulse's creator), `marker` replaces
   * their id. Schedules they created are handed to `scheduleOwner`.
   */
  erasePerson(
    teamId: string,
    userId: string,
    replacements: { marker: string; scheduleOwner: string },
  ): Promise<ErasureReport>;
  workspaceData(
    teamId: string,
  ): Promise<Omit<WorkspaceData, 'anonymityThreshold' | 'locale' | 'timezone' | 'settings'>>;
  personData(teamId: string, userId: string): Promise<PersonData>;
  /** Deletes the team's moments created, and pulses opened, before `cutoff`. */
  purgeBefore(teamId: string, cutoff: Date): Promise<{ moments: number; pulses: number }>;
  /** Every workspace, with what the daily purge needs to decide. */
  housekeepingList(): Promise<{ teamId: string; settings: unknown; uninstalledAt: Date | null }[]>;
  /** Sets or clears the uninstall time; true when it changed. */
  setUninstalled(teamId: string, at: Date | null): Promise<boolean>;
  /** Deletes every row of the team in every table. */
  purgeWorkspace(teamId: string): Promise<void>;
  markDeactivated(teamId: string, userId: string, now: Date): Promise<void>;
  clearDeactivated(teamId: string, userId: string): Promise<void>;
  listDeactivated(teamId: string): Promise<DeactivatedPerson[]>;
}

/** A person Slack reported deactivated, whose data waits for an admin's decision. */
export interface DeactivatedPerson {
  userId: string;
  reportedAt: Date;
}

/** The date `months` calendar months before `now` (UTC), clamped to the month's last day. */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export interface PurgeSummary {
  purgedWorkspaces: string[];
  retention: { teamId: string; moments: number; pulses: number }[];
}

/**
 * People's rights over their data, and the admins' proof of what happened: erasure, export,
 * retention, the uninstall grace period, deactivated people. Every call is scoped by team id.
 */
/** How often a replica checks that a workspace it hears from is not marked uninstalled. */
export const INSTALLED_CHECK_EVERY_MS = 60_000;

export function createPrivacyService(deps: {
  store: PrivacyStore;
  roles: Authorizer;
  workspaces: WorkspaceService;
  audit: AuditLog;
  hash: ErasureHasher;
  /** Told when an uninstall or a return changes which schedules run, so this replica follows at once. */
  schedules: { reloadNow(): void };
}) {
  const { store, roles, workspaces, audit } = deps;
  /** When this replica last made sure each workspace is not marked uninstalled (ms). */
  const installedCheckedAt = new Map<string, number>();
  /** Retention, the audit trail, deactivated people, the workspace export (`privacy.manage`). */
  const mayManage = (teamId: string, userId: string) => roles.authorize(teamId, userId, 'privacy.manage');
  /** A person may erase themselves; someone who manages privacy, anyone. The refusal names the role. */
  const mayErase = async (
    teamId: string,
    actorId: string,
    targetId: string,
  ): Promise<{ ok: true } | NotAllowed> => (actorId === targetId ? { ok: true } : mayManage(teamId, actorId));

  return {
    /**
     * The rule every erasure goes through: the Home asks it before opening a form, and the
     * erasure itself asks again when the form comes back.
     */
    mayErase,

    /**
     * What the admins' Home shows of privacy: the latest audit entries and the people Slack
     * reported deactivated (`deactivated`: the longest waiting first; `deactivatedTotal`: all).
     */
    async adminOverview(
      teamId: string,
      actorId: string,
      limits: { audit: number; deactivated: number },
    ): Promise<
      | {
          ok: true;
          value: { audit: AuditEntry[]; deactivated: DeactivatedPerson[]; deactivatedTotal: number };
        }
      | NotAllowed
    > {
      const allowed = await mayManage(teamId, actorId);
      if (!allowed.ok) return allowed;
      const [entries, deactivated] = await Promise.all([
        audit.latest(teamId, limits.audit),
        store.listDeactivated(teamId),
      ]);
      return ok({
        audit: entries,
        deactivated: deactivated.slice(0, limits.deactivated),
        deactivatedTotal: deactivated.length,
      });
    },

    /** Whether Slack reported the person deactivated and their data is still here (admins ask). */
    async isDeactivated(teamId: string, userId: string): Promise<boolean> {
      return (await store.listDeactivated(teamId)).some((p) => p.userId === userId);
    },

    /**
     * Erases a person's data: themselves, or anyone when an admin asks. The audit entry names
     * the actor and keeps only the keyed hash of the erased id.
     */
    async erase(
      teamId: string,
      actorId: string,
      targetId: string,
    ): Promise<{ ok: true; value: ErasureReport } | NotAllowed> {
      const allowed = await mayErase(teamId, actorId, targetId);
      if (!allowed.ok) return allowed;
      const self = actorId === targetId;
      const marker = deps.hash(teamId, targetId);
      const report = await store.erasePerson(teamId, targetId, {
        marker,
        scheduleOwner: self ? marker : actorId,
      });
      await audit.record(teamId, self ? marker : actorId, 'person_erased', marker, {
        by: self ? 'self' : 'admin',
        storiesDeleted: report.storiesDeleted,
        namesRemoved: report.namesRemoved,
        rolesRemoved: report.rolesRemoved,
        pulseParticipations: report.pulseParticipations,
        namedAnswersDeleted: report.namedAnswersDeleted,
      });
      return ok(report);
    },

    /** The workspace's data as CSV files (admins). */
    async exportWorkspace(
      teamId: string,
      actorId: string,
    ): Promise<{ ok: true; value: ExportFile[] } | NotAllowed> {
      const allowed = await mayManage(teamId, actorId);
      if (!allowed.ok) return allowed;
      const [data, workspace] = await Promise.all([store.workspaceData(teamId), workspaces.get(teamId)]);
      const files = buildWorkspaceExport({
        ...data,
        locale: workspace.locale,
        timezone: workspace.timezone,
        settings: workspace.settings,
        anonymityThreshold: workspace.settings.anonymityThreshold,
      });
      await audit.record(teamId, actorId, 'workspace_exported', null, { files: files.length });
      return ok(files);
    },

    /** A person's own data as CSV files (anyone, for themselves only). */
    async exportPerson(teamId: string, userId: string): Promise<ExportFile[]> {
      const files = buildPersonExport(await store.personData(teamId, userId));
      await audit.record(teamId, userId, 'person_exported', userId, { files: files.length });
      return files;
    },

    /** Months after which moments and pulses are purged (admins). */
    async setRetention(
      teamId: string,
      actorId: string,
      months: number,
    ): Promise<Result<number, 'out_of_range'> | NotAllowed> {
      const allowed = await mayManage(teamId, actorId);
      if (!allowed.ok) return allowed;
      if (!Number.isInteger(months) || months < RETENTION_MONTHS.min || months > RETENTION_MONTHS.max)
        return fail('out_of_range');
      await workspaces.updateSettings(teamId, { retentionMonths: months }, actorId);
      return ok(months);
    },

    /** Days an uninstalled workspace's data is kept before it is purged (admins). */
    async setUninstallGrace(
      teamId: string,
      actorId: string,
      days: number,
    ): Promise<Result<number, 'out_of_range'> | NotAllowed> {
      const allowed = await mayManage(teamId, actorId);
      if (!allowed.ok) return allowed;
      if (!Number.isInteger(days) || days < UNINSTALL_GRACE_DAYS.min || days > UNINSTALL_GRACE_DAYS.max)
        return fail('out_of_range');
      // Audited there, like every setting, when the value changes.
      await workspaces.updateSettings(teamId, { uninstallGraceDays: days }, actorId);
      return ok(days);
    },

    /** The latest audit entries (admins). */
    async auditTrail(teamId: string, actorId: string, limit = 10) {
      const allowed = await mayManage(teamId, actorId);
      if (!allowed.ok) return allowed;
      return ok(await audit.latest(teamId, limit));
    },

    /** People Slack reported deactivated whose data is still here (admins). */
    async deactivatedPeople(teamId: string, actorId: string) {
      const allowed = await mayManage(teamId, actorId);
      if (!allowed.ok) return allowed;
      return ok(await store.listDeactivated(teamId));
    },

    /** Slack says the person was deactivated: offer their erasure to the admins, erase nothing. */
    personDeactivated: (teamId: string, userId: string, now: Date) =>
      store.markDeactivated(teamId, userId, now),
    /** Reactivated: no offer any more. */
    personReactivated: (teamId: string, userId: string) => store.clearDeactivated(teamId, userId),

    /**
     * `app_uninstalled` / `tokens_revoked`: schedules stop at once (the schedule queries skip
     * an uninstalled workspace) and the grace period starts. A repeat changes nothing.
     */
    async uninstalled(teamId: string, now: Date): Promise<boolean> {
      // The next request from the workspace, here, checks for a return at once.
      installedCheckedAt.delete(teamId);
      const changed = await store.setUninstalled(teamId, now);
      if (changed) {
        deps.schedules.reloadNow();
        await audit.record(teamId, SYSTEM_ACTOR, 'app_uninstalled');
      }
      return changed;
    },

    /**
     * The workspace is talking to us again: the purge is called off, schedules resume.
     * Every request from a workspace says so, but checking on each one would add a write to
     * every ack's after-work for a change that almost never happens. One check a minute per
     * workspace and replica is enough: a return is noticed within a minute of its first
     * request, against a grace period counted in days.
     */
    async reinstalled(teamId: string, now: Date): Promise<boolean> {
      const checkedAt = installedCheckedAt.get(teamId);
      if (checkedAt !== undefined && now.getTime() - checkedAt < INSTALLED_CHECK_EVERY_MS) return false;
      installedCheckedAt.set(teamId, now.getTime());
      const changed = await store.setUninstalled(teamId, null).catch((err: unknown) => {
        installedCheckedAt.delete(teamId);
        throw err;
      });
      if (changed) {
        deps.schedules.reloadNow();
        await audit.record(teamId, SYSTEM_ACTOR, 'app_reinstalled');
      }
      return changed;
    },

    /**
     * The daily purge: a workspace uninstalled longer than its grace period is deleted
     * entirely; elsewhere moments and pulses older than the retention setting go.
     */
    async purge(now: Date): Promise<PurgeSummary> {
      const summary: PurgeSummary = { purgedWorkspaces: [], retention: [] };
      for (const row of await store.housekeepingList()) {
        const settings = workspaceSettingsSchema.parse(row.settings ?? {});
        if (row.uninstalledAt) {
          if (now.getTime() - row.uninstalledAt.getTime() >= settings.uninstallGraceDays * DAY_MS) {
            await store.purgeWorkspace(row.teamId);
            summary.purgedWorkspaces.push(row.teamId);
          }
          continue;
        }
        const purged = await store.purgeBefore(row.teamId, monthsBefore(now, settings.retentionMonths));
        if (purged.moments + purged.pulses > 0) {
          summary.retention.push({ teamId: row.teamId, ...purged });
          await audit.record(row.teamId, SYSTEM_ACTOR, 'retention_purged', null, {
            months: settings.retentionMonths,
            ...purged,
          });
        }
      }
      return summary;
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;

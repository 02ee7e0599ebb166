import {
  FOLLOW_UP_DELAY_MAX_DAYS,
  FOLLOW_UP_DELAY_MIN_DAYS,
  type FollowUpDelay,
} from '../follow-up/follow-up.js';
import type { Locale } from '../locale.js';
import type { MantraService } from '../mantra/mantra-service.js';
import type { PulseService } from '../pulse/pulse-service.js';
import type { NotAllowed } from '../roles/permissions.js';
import type { Role, RoleService } from '../roles/role-service.js';
import { canonicalTimeZone } from '../schedules/cron-calendar.js';
import type { ScheduleKind } from '../schedules/schedule.js';
import type {
  CreatedSchedule,
  CreateScheduleFailure,
  ScheduleService,
} from '../schedules/schedule-service.js';
import { MIN_ANONYMITY_THRESHOLD, type WorkspaceService } from '../workspace/workspace-service.js';

/**
 * The workspace's settings and the manager actions the App Home offers, each guarded by its
 * permission rule here, on the server: a button or a form arriving from Slack is never trusted
 * to come from someone allowed to see it. A refusal is a code; the Slack layer words it.
 */

export const MAX_ANONYMITY_THRESHOLD = 50;
export const MAX_WEIGHT = 10;

/** What an admin can change in one go from the settings form. */
export interface WorkspaceSettingsChange {
  locale: Locale;
  timezone: string;
  recognitionChannelId: string | undefined;
  anonymityThreshold: number;
  weights: { small: number; big: number };
  followUpDelayDays: FollowUpDelay;
}

export type SettingsProblem =
  | 'invalid_timezone'
  | 'threshold_too_low'
  | 'threshold_too_high'
  | 'invalid_weight'
  | 'invalid_delay';

/** Checks a settings change field by field; every problem is reported, keyed by field. */
export function checkSettingsChange(
  change: WorkspaceSettingsChange,
):
  | { ok: true; value: WorkspaceSettingsChange }
  | { ok: false; problems: Partial<Record<keyof WorkspaceSettingsChange, SettingsProblem>> } {
  const problems: Partial<Record<keyof WorkspaceSettingsChange, SettingsProblem>> = {};
  const timezone = canonicalTimeZone(change.timezone);
  if (!timezone) problems.timezone = 'invalid_timezone';
  const threshold = change.anonymityThreshold;
  if (!Number.isInteger(threshold) || threshold < MIN_ANONYMITY_THRESHOLD)
    problems.anonymityThreshold = 'threshold_too_low';
  else if (threshold > MAX_ANONYMITY_THRESHOLD) problems.anonymityThreshold = 'threshold_too_high';
  const weightOk = (w: number) => Number.isInteger(w) && w >= 1 && w <= MAX_WEIGHT;
  if (!weightOk(change.weights.small) || !weightOk(change.weights.big)) problems.weights = 'invalid_weight';
  const delay = change.followUpDelayDays;
  if (
    delay !== null &&
    (!Number.isInteger(delay) || delay < FOLLOW_UP_DELAY_MIN_DAYS || delay > FOLLOW_UP_DELAY_MAX_DAYS)
  )
    problems.followUpDelayDays = 'invalid_delay';
  if (Object.keys(problems).length > 0 || !timezone) return { ok: false, problems };
  return { ok: true, value: { ...change, timezone } };
}

export function createSettingsService(deps: {
  roles: RoleService;
  workspaces: Pick<WorkspaceService, 'get' | 'setLocale' | 'setTimezone' | 'updateSettings'>;
  mantras: Pick<MantraService, 'lines' | 'add' | 'edit' | 'removeById'>;
  schedules: Pick<ScheduleService, 'create' | 'remove'>;
  pulses: Pick<PulseService, 'closeById'>;
}) {
  return {
    async updateWorkspace(
      teamId: string,
      actorId: string,
      change: WorkspaceSettingsChange,
    ): Promise<
      | { ok: true }
      | NotAllowed
      | {
          ok: false;
          reason: 'invalid';
          problems: Partial<Record<keyof WorkspaceSettingsChange, SettingsProblem>>;
        }
    > {
      // Refused before the fields are checked: a member learns nothing of what would be wrong.
      const allowed = await deps.roles.authorize(teamId, actorId, 'workspace.configure');
      if (!allowed.ok) return allowed;
      const checked = checkSettingsChange(change);
      if (!checked.ok) return { ok: false, reason: 'invalid', problems: checked.problems };
      const { locale, timezone, ...settings } = checked.value;
      // The workspace service audits each setting that really changed, with its old and new value.
      await deps.workspaces.setLocale(teamId, locale, actorId);
      await deps.workspaces.setTimezone(teamId, timezone, actorId);
      await deps.workspaces.updateSettings(teamId, settings, actorId);
      return { ok: true };
    },

    // The mantra service checks the actor may change the vision (its refusal names the role),
    // and audits it; its answer is passed on as it is.
    addLine: (teamId: string, actorId: string, text: string, defaultText: string) =>
      deps.mantras.add(teamId, text, actorId, defaultText),

    editLine: (teamId: string, actorId: string, id: number, text: string) =>
      deps.mantras.edit(teamId, id, text, actorId),

    removeLine: (teamId: string, actorId: string, id: number) => deps.mantras.removeById(teamId, id, actorId),

    async createSchedule(input: {
      teamId: string;
      actorId: string;
      kind: ScheduleKind;
      channelId: string;
      cron: string;
      timezone: string;
      now: Date;
    }): Promise<{ ok: true; value: CreatedSchedule } | CreateScheduleFailure> {
      // The schedule service checks the creator may, and audits the addition.
      return deps.schedules.create({
        teamId: input.teamId,
        kind: input.kind,
        channelId: input.channelId,
        cron: input.cron,
        timezone: input.timezone,
        createdBy: input.actorId,
        now: input.now,
        options: input.kind === 'digest' ? { scope: 'workspace' } : {},
      });
    },

    /** The schedule service checks the remover may, and audits it. */
    removeSchedule: (teamId: string, actorId: string, id: number) =>
      deps.schedules.remove(teamId, id, actorId),

    /** Grants or revokes a role; the role service holds the rule (`role.manage`). */
    setRole: (teamId: string, actorId: string, targetId: string, role: Role) =>
      deps.roles.setRole(teamId, actorId, targetId, role),

    /**
     * Closes a pulse before its deadline: managers and admins, as `/pulse close` (the pulse
     * service checks). The caller posts the results of the pulse returned.
     */
    closePulse: (teamId: string, actorId: string, pulseId: string, now: Date) =>
      deps.pulses.closeById(teamId, pulseId, actorId, now),
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;

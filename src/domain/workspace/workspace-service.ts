import { z } from 'zod';
import {
  FOLLOW_UP_DELAY_DEFAULT_DAYS,
  FOLLOW_UP_DELAY_MAX_DAYS,
  FOLLOW_UP_DELAY_MIN_DAYS,
} from '../follow-up/follow-up.js';
import { isLocale, type Locale } from '../locale.js';
import type { AuditLog } from '../privacy/audit.js';
import { RETENTION_MONTHS, UNINSTALL_GRACE_DAYS } from '../privacy/retention.js';
import { DEFAULT_REACTION_EMOJI, EMOJI_NAME } from '../reactions/reaction.js';
import { createReadCache } from '../read-cache.js';
import type { Authorizer, NotAllowed } from '../roles/permissions.js';

export const MIN_ANONYMITY_THRESHOLD = 3;

/** Stored JSON is validated on the way out: an old or hand-edited row falls back to defaults. */
export const workspaceSettingsSchema = z.object({
  recognitionChannelId: z.string().optional().catch(undefined),
  anonymityThreshold: z.number().int().min(MIN_ANONYMITY_THRESHOLD).default(MIN_ANONYMITY_THRESHOLD).catch(3),
  weights: z
    .object({ small: z.number().int().min(1), big: z.number().int().min(1) })
    .default({ small: 1, big: 3 })
    .catch({ small: 1, big: 3 }),
  /** Moments and pulses older than this are purged by the daily job. */
  retentionMonths: z
    .number()
    .int()
    .min(RETENTION_MONTHS.min)
    .max(RETENTION_MONTHS.max)
    .default(RETENTION_MONTHS.default)
    .catch(RETENTION_MONTHS.default),
  /** After an uninstall, the workspace's data is kept this long in case the app comes back. */
  uninstallGraceDays: z
    .number()
    .int()
    .min(UNINSTALL_GRACE_DAYS.min)
    .max(UNINSTALL_GRACE_DAYS.max)
    .default(UNINSTALL_GRACE_DAYS.default)
    .catch(UNINSTALL_GRACE_DAYS.default),
  /** The praise and learning emoji that log a moment by reaction. */
  reactionEmoji: z
    .object({ praise: z.string().regex(EMOJI_NAME), complaint: z.string().regex(EMOJI_NAME) })
    .default(DEFAULT_REACTION_EMOJI)
    .catch(DEFAULT_REACTION_EMOJI),
  /** Working days before a complaint's owner is reminded; null: reminders off. */
  followUpDelayDays: z
    .number()
    .int()
    .min(FOLLOW_UP_DELAY_MIN_DAYS)
    .max(FOLLOW_UP_DELAY_MAX_DAYS)
    .nullable()
    .default(FOLLOW_UP_DELAY_DEFAULT_DAYS)
    .catch(FOLLOW_UP_DELAY_DEFAULT_DAYS),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

export interface Workspace {
  teamId: string;
  locale: Locale;
  timezone: string;
  settings: WorkspaceSettings;
}

export interface WorkspaceStore {
  ensure(
    teamId: string,
    defaults: { locale: string; timezone: string },
  ): Promise<{ teamId: string; locale: string; timezone: string; settings: unknown }>;
  update(teamId: string, patch: { locale?: string; timezone?: string; settings?: unknown }): Promise<void>;
  markEventProcessed(teamId: string, eventId: string, now: Date): Promise<boolean>;
  forgetEventsBefore(cutoff: Date): Promise<void>;
}

/**
 * How long a workspace read is kept: this process sees its own changes at once, and another
 * replica's within this.
 */
export const WORKSPACE_READ_TTL_MS = 5_000;

/**
 * The workspace and its settings. A change asked by a person (`actorId`) is for admins: it is
 * checked here and audited; a change without one is the bot's own (an uninstall, a default).
 */
export function createWorkspaceService(
  store: WorkspaceStore,
  defaults: { locale: Locale; timezone: string },
  audit: Pick<AuditLog, 'record'>,
  roles: Authorizer,
  clock: () => Date,
) {
  const allowed = (teamId: string, actorId: string | undefined): Promise<{ ok: true } | NotAllowed> =>
    actorId ? roles.authorize(teamId, actorId, 'workspace.configure') : Promise.resolve({ ok: true });

  /** An admin's change of a setting goes in the audit log, with the value before and after. */
  async function audited(
    teamId: string,
    actorId: string | undefined,
    setting: string,
    from: unknown,
    to: unknown,
  ) {
    if (!actorId) return;
    const text = (value: unknown) =>
      value === undefined
        ? null
        : typeof value === 'object'
          ? JSON.stringify(value)
          : (value as string | number);
    if (text(from) === text(to)) return;
    await audit.record(teamId, actorId, 'setting_changed', setting, { from: text(from), to: text(to) });
  }

  // Read by nearly every request (the language, the recognition channel): kept for a few seconds.
  const recent = createReadCache<Workspace>({ ttlMs: WORKSPACE_READ_TTL_MS, clock });
  const get = (teamId: string) => recent.read(teamId, () => read(teamId));

  /** From the database: what a change starts from (a kept copy could undo another replica's change). */
  async function read(teamId: string): Promise<Workspace> {
    const row = await store.ensure(teamId, defaults);
    return {
      teamId: row.teamId,
      locale: isLocale(row.locale) ? row.locale : defaults.locale,
      timezone: row.timezone,
      settings: workspaceSettingsSchema.parse(row.settings ?? {}),
    };
  }

  return {
    /** The workspace, created with the deployment's defaults the first time the team is seen. */
    get,
    /** Reads again from the database from now on (see ReadCache.clear). */
    forgetKept: () => recent.clear(),
    /** `actorId`: the admin who asked (checked, audited); none for the bot's own changes. */
    async setLocale(teamId: string, locale: Locale, actorId?: string): Promise<{ ok: true } | NotAllowed> {
      const may = await allowed(teamId, actorId);
      if (!may.ok) return may;
      const before = await read(teamId);
      await store.update(teamId, { locale });
      recent.forget(teamId);
      await audited(teamId, actorId, 'language', before.locale, locale);
      return may;
    },
    async setTimezone(
      teamId: string,
      timezone: string,
      actorId?: string,
    ): Promise<{ ok: true } | NotAllowed> {
      const may = await allowed(teamId, actorId);
      if (!may.ok) return may;
      const before = await read(teamId);
      await store.update(teamId, { timezone });
      recent.forget(teamId);
      await audited(teamId, actorId, 'timezone', before.timezone, timezone);
      return may;
    },
    /** False when Slack already delivered this event (a retry): handle each event once. */
    /** Forgets event ids recorded before `cutoff` (housekeeping). */
    forgetEventsBefore: (cutoff: Date) => store.forgetEventsBefore(cutoff),
    markEventProcessed: (teamId: string, eventId: string, now: Date) =>
      store.markEventProcessed(teamId, eventId, now),
    async updateSettings(
      teamId: string,
      patch: Partial<WorkspaceSettings>,
      actorId?: string,
    ): Promise<{ ok: true } | NotAllowed> {
      const may = await allowed(teamId, actorId);
      if (!may.ok) return may;
      const current = await read(teamId);
      await store.update(teamId, { settings: { ...current.settings, ...patch } });
      recent.forget(teamId);
      for (const [key, value] of Object.entries(patch)) {
        await audited(teamId, actorId, key, current.settings[key as keyof WorkspaceSettings], value);
      }
      return may;
    },
  };
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;

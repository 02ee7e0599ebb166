/**
 * The audit log: who did which admin action, and when. Services record their own actions
 * (the permission check and the record live side by side), so no listener can forget one.
 */

export const AUDIT_ACTIONS = [
  'role_changed',
  'moment_deleted',
  'person_erased',
  'workspace_exported',
  'person_exported',
  'setting_changed',
  'schedule_added',
  'schedule_removed',
  'vision_line_added',
  'vision_line_edited',
  'vision_line_removed',
  'app_uninstalled',
  'app_reinstalled',
  'retention_purged',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The actor of what the bot does on its own (the retention purge, Slack's uninstall event). */
export const SYSTEM_ACTOR = 'system';

/** Small facts about an action: a role, a setting's name and value, counts. Never user text. */
export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  id: number;
  teamId: string;
  actorId: string;
  action: AuditAction;
  target: string | null;
  details: AuditDetails;
  createdAt: Date;
}

export interface AuditStore {
  append(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  /** Newest first. */
  latest(teamId: string, limit: number): Promise<AuditEntry[]>;
}

export function createAuditLog(store: AuditStore, clock: () => Date) {
  return {
    /** Records an action now (the injected clock). */
    record(
      teamId: string,
      actorId: string,
      action: AuditAction,
      target: string | null = null,
      details: AuditDetails = {},
    ): Promise<void> {
      return store.append({ teamId, actorId, action, target, details, createdAt: clock() });
    },
    latest: (teamId: string, limit = 10) => store.latest(teamId, limit),
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;

export type Role = 'admin' | 'manager' | 'member';
export type GrantedRole = Exclude<Role, 'member'>;

/**
 * Who may do what: the one table of the bot's permissions. A listener (or a Home button)
 * names the action; the role service answers with the coded refusal, and the Slack layer only
 * words it. Every button is re-checked here on the server, whatever the page showed.
 */
export const PERMISSIONS = {
  /** `/culture language`, `/culture timezone`, `/culture channel recognition`. */
  'workspace.configure': 'admin',
  /** `/culture schedule`, `/culture unschedule`. */
  'schedule.manage': 'admin',
  /** `/culture schedules`. */
  'schedule.list': 'manager',
  /** `/mantra add|list|remove`. */
  'mantra.manage': 'admin',
  /** `/mantra post`. */
  'mantra.post': 'manager',
  /** `/pulse start|status|close|export`. */
  'pulse.run': 'manager',
  /** `/digest post`. */
  'digest.post': 'manager',
  /** `/culture standard add|edit|move|archive|restore`, the Home's standard forms. */
  'standard.manage': 'admin',
  /** `/culture reactions`, the Home's reaction emoji form. */
  'reaction.manage': 'admin',
  /** `/culture role`, granting and revoking on the Home. */
  'role.manage': 'admin',
  /** Retention, the audit trail, deactivated people, the workspace export, erasing someone else. */
  'privacy.manage': 'admin',
  /** Following up and deleting someone else's moment (authors and owners may their own). */
  'moment.moderate': 'admin',
} as const satisfies Record<string, GrantedRole>;

export type Action = keyof typeof PERMISSIONS;

/** The refusal every service gives for a permission: the code and the role it takes. */
export interface NotAllowed {
  ok: false;
  reason: 'not_allowed';
  needed: GrantedRole;
}

export const notAllowed = (needed: GrantedRole): NotAllowed => ({ ok: false, reason: 'not_allowed', needed });

/** What a service asks before it acts for someone: the role service answers. */
export interface Authorizer {
  authorize(teamId: string, userId: string, action: Action): Promise<{ ok: true } | NotAllowed>;
}

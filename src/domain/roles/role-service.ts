import type { PeopleDirectory } from '../people.js';
import type { AuditLog } from '../privacy/audit.js';
import { fail, ok, type Result } from '../result.js';
import {
  type Action,
  type GrantedRole,
  type NotAllowed,
  notAllowed,
  PERMISSIONS,
  type Role,
} from './permissions.js';

export type { GrantedRole, Role };

export interface RoleStore {
  find(teamId: string, userId: string): Promise<GrantedRole | undefined>;
  set(teamId: string, userId: string, role: GrantedRole, grantedBy: string): Promise<void>;
  remove(teamId: string, userId: string): Promise<void>;
}

const rank: Record<Role, number> = { member: 0, manager: 1, admin: 2 };

export function createRoleService(
  store: RoleStore,
  people: PeopleDirectory,
  audit: Pick<AuditLog, 'record'>,
) {
  async function roleOf(teamId: string, userId: string): Promise<Role> {
    const [granted, person] = await Promise.all([store.find(teamId, userId), people.lookup(teamId, userId)]);
    if (person?.isWorkspaceAdmin) return 'admin';
    return granted ?? 'member';
  }

  /** May this user do this action? The refusal names the role it takes. */
  async function authorize(
    teamId: string,
    userId: string,
    action: Action,
  ): Promise<{ ok: true } | NotAllowed> {
    const needed = PERMISSIONS[action];
    return rank[await roleOf(teamId, userId)] >= rank[needed] ? { ok: true } : notAllowed(needed);
  }

  return {
    /** The person's role, to show them what it lets them do; never to decide (that is `authorize`). */
    roleOf,
    authorize,

    /**
     * Sets a user's role (`role.manage`). `member` removes any grant; a Slack admin or owner
     * stays an admin of the bot whatever is stored.
     */
    async setRole(
      teamId: string,
      actorId: string,
      targetId: string,
      role: Role,
    ): Promise<Result<{ effective: Role }, 'unknown_user' | 'bot_user'> | NotAllowed> {
      const allowed = await authorize(teamId, actorId, 'role.manage');
      if (!allowed.ok) return allowed;
      const target = await people.lookup(teamId, targetId);
      if (!target || target.deleted) return fail('unknown_user');
      if (target.isBot) return fail('bot_user');
      if (role === 'member') await store.remove(teamId, targetId);
      else await store.set(teamId, targetId, role, actorId);
      await audit.record(teamId, actorId, 'role_changed', targetId, { role });
      return ok({ effective: target.isWorkspaceAdmin ? 'admin' : role });
    },
  };
}

export type RoleService = ReturnType<typeof createRoleService>;

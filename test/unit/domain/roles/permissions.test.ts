import { describe, expect, it } from 'vitest';
import { createRoleService, type GrantedRole } from '../../../../src/domain/roles/role-service.js';

function roles(granted: Record<string, GrantedRole>, slackAdmins: string[] = []) {
  return createRoleService(
    {
      find: async (_team, userId) => granted[userId],
      set: async () => {},
      remove: async () => {},
    },
    {
      lookup: async (_team, id) => ({
        id,
        isBot: false,
        deleted: false,
        isWorkspaceAdmin: slackAdmins.includes(id),
        locale: undefined,
      }),
    },
    { record: async () => {} },
  );
}

describe('who may do what', () => {
  const service = roles({ UMANAGER: 'manager', UADMIN: 'admin' }, ['UOWNER']);

  it('refuses with the code and the role the action takes', async () => {
    expect(await service.authorize('T1', 'UMEMBER', 'pulse.run')).toEqual({
      ok: false,
      reason: 'not_allowed',
      needed: 'manager',
    });
    expect(await service.authorize('T1', 'UMANAGER', 'schedule.manage')).toEqual({
      ok: false,
      reason: 'not_allowed',
      needed: 'admin',
    });
  });

  it('lets a higher role do what a lower one may, and Slack admins do everything', async () => {
    expect(await service.authorize('T1', 'UMANAGER', 'mantra.post')).toEqual({ ok: true });
    expect(await service.authorize('T1', 'UADMIN', 'digest.post')).toEqual({ ok: true });
    expect(await service.authorize('T1', 'UOWNER', 'workspace.configure')).toEqual({ ok: true });
  });
});

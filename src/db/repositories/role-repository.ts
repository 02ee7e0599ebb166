import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { roles as rolesTable } from '../schema.js';

export function createRoleRepository(db: Db) {
  return {
    async find(teamId: string, userId: string): Promise<'admin' | 'manager' | undefined> {
      const [row] = await db
        .select({ role: rolesTable.role })
        .from(rolesTable)
        .where(and(eq(rolesTable.teamId, teamId), eq(rolesTable.userId, userId)));
      return row?.role;
    },

    async set(teamId: string, userId: string, role: 'admin' | 'manager', grantedBy: string) {
      await db
        .insert(rolesTable)
        .values({ teamId, userId, role, grantedBy })
        .onConflictDoUpdate({
          target: [rolesTable.teamId, rolesTable.userId],
          set: { role, grantedBy, grantedAt: sql`now()` },
        });
    },

    async remove(teamId: string, userId: string) {
      await db.delete(rolesTable).where(and(eq(rolesTable.teamId, teamId), eq(rolesTable.userId, userId)));
    },

    async list(teamId: string) {
      return db
        .select({ userId: rolesTable.userId, role: rolesTable.role })
        .from(rolesTable)
        .where(eq(rolesTable.teamId, teamId))
        .orderBy(rolesTable.role, rolesTable.userId);
    },
  };
}

export type RoleRepository = ReturnType<typeof createRoleRepository>;

import { desc, eq } from 'drizzle-orm';
import type { AuditAction, AuditDetails, AuditEntry, AuditStore } from '../../domain/privacy/audit.js';
import type { Db } from '../client.js';
import { auditLog } from '../schema.js';

export function createAuditRepository(db: Db): AuditStore {
  return {
    async append(entry) {
      await db.insert(auditLog).values(entry);
    },

    async latest(teamId, limit): Promise<AuditEntry[]> {
      const rows = await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.teamId, teamId))
        .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
        .limit(limit);
      return rows.map((row) => ({
        ...row,
        action: row.action as AuditAction,
        details: (row.details ?? {}) as AuditDetails,
      }));
    },
  };
}

import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { processedEvents, workspaces } from '../schema.js';

export interface WorkspaceRow {
  teamId: string;
  locale: string;
  timezone: string;
  settings: unknown;
}

export function createWorkspaceRepository(db: Db) {
  // Both run for most requests (a command reads its workspace; an event is checked against
  // retries): built once.
  const readWorkspace = db
    .select()
    .from(workspaces)
    .where(eq(workspaces.teamId, sql.placeholder('teamId')))
    .prepare('workspace_of_team');
  const recordEvent = db
    .insert(processedEvents)
    .values({
      teamId: sql.placeholder('teamId'),
      eventId: sql.placeholder('eventId'),
      receivedAt: sql.placeholder('now'),
    })
    .onConflictDoNothing()
    .returning({ eventId: processedEvents.eventId })
    .prepare('event_ledger_first_arrival');
  return {
    /** The workspace row, created with the given defaults the first time the team is seen. */
    async ensure(teamId: string, defaults: { locale: string; timezone: string }): Promise<WorkspaceRow> {
      // Read first: every command reads its workspace, only the very first one creates it.
      const [existing] = await readWorkspace.execute({ teamId });
      if (existing) return existing;
      await db
        .insert(workspaces)
        .values({ teamId, locale: defaults.locale, timezone: defaults.timezone })
        .onConflictDoNothing();
      const [row] = await readWorkspace.execute({ teamId });
      if (!row) throw new Error(`workspace ${teamId} vanished right after insert`);
      return row;
    },

    async update(teamId: string, patch: Partial<Pick<WorkspaceRow, 'locale' | 'timezone' | 'settings'>>) {
      await db
        .update(workspaces)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(eq(workspaces.teamId, teamId));
    },

    /**
     * Records a Slack event id; false when it was already recorded (a retried delivery).
     * The primary key makes this safe across replicas.
     */
    async markEventProcessed(teamId: string, eventId: string, now: Date): Promise<boolean> {
      const inserted = await recordEvent.execute({ teamId, eventId, now });
      return inserted.length > 0;
    },

    /** Slack stops retrying after about an hour; older ids are dead weight. */
    async forgetEventsBefore(cutoff: Date) {
      await db.delete(processedEvents).where(lt(processedEvents.receivedAt, cutoff));
    },
  };
}

export type WorkspaceRepository = ReturnType<typeof createWorkspaceRepository>;

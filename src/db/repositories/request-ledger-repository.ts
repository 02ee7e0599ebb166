import { lt } from 'drizzle-orm';
import type { Db } from '../client.js';
import { processedRequests } from '../schema.js';

export function createRequestLedgerRepository(db: Db) {
  return {
    /** True for the first arrival of a key; false when it was already recorded (a replay). */
    async firstArrival(key: string, now: Date): Promise<boolean> {
      const inserted = await db
        .insert(processedRequests)
        .values({ key, receivedAt: now })
        .onConflictDoNothing()
        .returning({ key: processedRequests.key });
      return inserted.length > 0;
    },

    /** Keys older than the signature window can never be replayed: Slack's check refuses them. */
    async forgetBefore(cutoff: Date) {
      await db.delete(processedRequests).where(lt(processedRequests.receivedAt, cutoff));
    },
  };
}

export type RequestLedgerRepository = ReturnType<typeof createRequestLedgerRepository>;

import { lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { processedRequests } from '../schema.js';

export function createRequestLedgerRepository(db: Db) {
  // Every request Slack sends runs this: built once, not on each call (see README: prepared).
  const recordArrival = db
    .insert(processedRequests)
    .values({ key: sql.placeholder('key'), receivedAt: sql.placeholder('now') })
    .onConflictDoNothing()
    .returning({ key: processedRequests.key })
    .prepare('request_ledger_first_arrival');
  return {
    /** True for the first arrival of a key; false when it was already recorded (a replay). */
    async firstArrival(key: string, now: Date): Promise<boolean> {
      const inserted = await recordArrival.execute({ key, now });
      return inserted.length > 0;
    },

    /** Keys older than the signature window can never be replayed: Slack's check refuses them. */
    async forgetBefore(cutoff: Date) {
      await db.delete(processedRequests).where(lt(processedRequests.receivedAt, cutoff));
    },
  };
}

export type RequestLedgerRepository = ReturnType<typeof createRequestLedgerRepository>;

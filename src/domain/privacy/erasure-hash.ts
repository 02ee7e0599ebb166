import { createHmac } from 'node:crypto';

/** What an erased person's id becomes wherever a trace must stay (the audit log, a role's grantor). */
export const ERASED_PREFIX = 'erased:';

/**
 * A keyed one-way hash of an erased person's id. Without the key nobody can tell whose it was;
 * with it an admin can check that a given person was erased (same team, same id, same hash).
 * The key comes from the configuration (`ERASURE_HASH_KEY`).
 */
export function createErasureHasher(key: string) {
  return (teamId: string, userId: string): string =>
    `${ERASED_PREFIX}${createHmac('sha256', key).update(`${teamId}:${userId}`).digest('hex').slice(0, 32)}`;
}

export type ErasureHasher = ReturnType<typeof createErasureHasher>;

/** True for an id that stands for an erased person (to show "someone erased" rather than a mention). */
export function isErasedId(id: string): boolean {
  return id.startsWith(ERASED_PREFIX);
}

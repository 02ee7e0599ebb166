/**
 * Reads kept for a short while: what almost every request reads and almost never changes (a
 * person as Slack describes them, a workspace's settings, its service standards). Each entry
 * expires `ttlMs` after it was read, on the injected clock.
 *
 * The promise is what is kept, so requests arriving together share one read; a read that fails
 * is not kept. `forget` drops an entry at once: a service calls it after its own change, so this
 * process never answers from before it. A change made by another replica shows within `ttlMs`.
 */
export function createReadCache<V>(options: { ttlMs: number; clock: () => Date; maxEntries?: number }) {
  const { ttlMs, clock, maxEntries = 10_000 } = options;
  const entries = new Map<string, { value: Promise<V>; expires: number }>();
  return {
    read(key: string, load: () => Promise<V>): Promise<V> {
      const now = clock().getTime();
      const hit = entries.get(key);
      if (hit && hit.expires > now) return hit.value;
      // Bounded: once it is full, what has expired goes (a big workspace has many people).
      if (entries.size >= maxEntries) for (const [k, v] of entries) if (v.expires <= now) entries.delete(k);
      const value = load();
      entries.set(key, { value, expires: now + ttlMs });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    forget(key: string): void {
      entries.delete(key);
    },
    /** Everything, for a database changed behind the services' backs (the tests empty it). */
    clear(): void {
      entries.clear();
    },
  };
}

export type ReadCache<V> = ReturnType<typeof createReadCache<V>>;

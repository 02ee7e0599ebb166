/** Domain operations return a result rather than throw for the failures a user can cause. */
export type Result<T, E extends string> = { ok: true; value: T } | { ok: false; reason: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E extends string>(reason: E): { ok: false; reason: E } => ({ ok: false, reason });

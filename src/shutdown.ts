/**
 * The shutdown budget. Orchestrators kill a process 10 s after SIGTERM (Kubernetes' and
 * Docker's default). Requests and posts in flight get 6 s to finish, the database 2 s to close,
 * which leaves a second to spare on a loaded machine; the forced exit at 9 s is for a stop that
 * hangs.
 */
export const SHUTDOWN = { drainMs: 6_000, closeMs: 2_000, limitMs: 9_000 } as const;

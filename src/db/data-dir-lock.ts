import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * PGlite is one Postgres in one process: two processes writing the same DATA_DIR corrupt it.
 * The first process holds a lock on the directory for as long as it runs; a second one is
 * refused at once, told which process holds it.
 *
 * proper-lockfile keeps the lock fresh (its mtime is touched every few seconds) and treats one
 * left untouched for STALE_MS as abandoned: a holder that crashed or was killed never blocks
 * the next start for longer than that. A holder on this host whose process is gone is known
 * dead at once, without waiting.
 */
const STALE_MS = 10_000;
const LOCK_NAME = '.service-culture.lock';
const HOLDER_NAME = '.service-culture.lock-holder';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export class DataDirLocked extends Error {
  readonly code = 'data_dir_locked';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by ${
        holder ? `process ${holder.pid} on ${holder.host} (since ${holder.since})` : 'another process'
      }: the embedded database allows one process. Stop that one, or set DATA_DIR or DATABASE_URL.`,
    );
    this.name = 'DataDirLocked';
  }
}

function readHolder(dataDir: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, HOLDER_NAME), 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/** The directories this process holds (a second lock from this process is refused too). */
const heldHere = new Set<string>();

/** True when the holder ran on this host and its process no longer exists. */
function holderIsGone(dataDir: string, holder: LockHolder | undefined): boolean {
  if (!holder || holder.host !== hostname()) return false;
  // Our own pid on a lock we do not hold is an earlier life of this container (pid 1 again).
  if (holder.pid === process.pid) return !heldHere.has(dataDir);
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Takes the lock on `dataDir` (created if missing) or throws DataDirLocked. Resolves with the
 * function that lets it go (at shutdown). `onLost` is told if the lock is ever taken away.
 */
export async function lockDataDir(
  dataDir: string,
  onLost: (err: Error) => void,
): Promise<() => Promise<void>> {
  // Loaded here, not with the module: only the embedded database needs it, and a start on
  // Postgres should not pay for loading it (and graceful-fs, which it brings).
  const { default: lockfile } = await import('proper-lockfile');
  mkdirSync(dataDir, { recursive: true });
  const options = {
    lockfilePath: join(dataDir, LOCK_NAME),
    stale: STALE_MS,
    retries: 0,
    realpath: false,
    onCompromised: onLost,
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, options);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    const holder = readHolder(dataDir);
    if (!holderIsGone(dataDir, holder)) throw new DataDirLocked(dataDir, holder);
    rmSync(options.lockfilePath, { recursive: true, force: true });
    release = await lockfile.lock(dataDir, options).catch((again: NodeJS.ErrnoException) => {
      throw again.code === 'ELOCKED' ? new DataDirLocked(dataDir, readHolder(dataDir)) : again;
    });
  }
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeFileSync(join(dataDir, HOLDER_NAME), JSON.stringify(holder));
  heldHere.add(dataDir);
  return async () => {
    heldHere.delete(dataDir);
    rmSync(join(dataDir, HOLDER_NAME), { force: true });
    await release();
  };
}

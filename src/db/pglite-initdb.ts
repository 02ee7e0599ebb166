/**
 * Creates the embedded database's data directory (initdb), in a child process started by
 * pglite-remote.ts, then exits. initdb takes hundreds of megabytes that PGlite never gives
 * back; a process gives all of it back to the system when it ends (a thread left some behind).
 *
 *   node pglite-initdb.js <dataDir>     exit 0 once created; otherwise the reason on stderr
 */
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_OPTIONS } from './pglite-settings.js';

const dataDir = process.argv[2];
try {
  if (!dataDir) throw new Error('usage: pglite-initdb <dataDir>');
  const pg = await PGlite.create(dataDir, PGLITE_OPTIONS);
  await pg.close();
  process.exit(0);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

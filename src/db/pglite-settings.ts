import { PGlite, type PGliteOptions } from '@electric-sql/pglite';

/**
 * How the bot runs PGlite. Postgres's default 128 MB of shared buffers is for a server with
 * many connections; compiled to WebAssembly it is memory the process holds from the start (an
 * idle bot measured 300 MB instead of 180 MB). One connection and a team's data fit in 16 MB;
 * reads beyond them come from the operating system's file cache.
 */
export const PGLITE_OPTIONS: PGliteOptions = {
  startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
};

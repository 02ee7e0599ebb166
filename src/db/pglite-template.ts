/**
 * The prepared data directory a first start copies instead of creating a database. Creating one
 * (initdb, then every migration) is most of a first start on an empty DATA_DIR and takes
 * hundreds of megabytes; copying a closed, migrated directory takes a fraction of a second and
 * no memory beyond the copy. `npm run build` prepares it beside the compiled app
 * (prepare-pglite-template.ts); running from source there is none, and the database is created
 * on the spot (pglite-remote.ts).
 */
import { chmodSync, cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the build puts the template: `dist/pglite-template`, beside `dist/src`. */
export function builtTemplateDir(): string {
  return fileURLToPath(new URL('../../pglite-template', import.meta.url));
}

/** The built template when this is the compiled app and the build made one. */
export function findBuiltTemplate(): string | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  const dir = builtTemplateDir();
  return existsSync(join(dir, 'PG_VERSION')) ? dir : undefined;
}

/**
 * Copies the data directory `from` into `to` (which may exist, e.g. a mounted volume holding
 * our lock file). PG_VERSION, by which a start knows that a database is there, is copied last:
 * a copy cut short leaves none, and the next start copies again over what it left.
 */
export function copyDataDir(from: string, to: string): void {
  const marker = join(from, 'PG_VERSION');
  cpSync(from, to, { recursive: true, filter: (source) => source !== marker });
  // The template is readable by whoever runs the app; a database is for its owner's eyes only,
  // as Postgres makes it (directories 0700, files 0600).
  setModes(from, to, 0o700, 0o600);
  cpSync(marker, join(to, 'PG_VERSION'));
  chmodSync(join(to, 'PG_VERSION'), 0o600);
}

/** Gives every entry of `like` found under `dir` the mode `dirMode` or `fileMode`. */
export function setModes(like: string, dir: string, dirMode: number, fileMode: number): void {
  for (const entry of readdirSync(like, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry);
    if (existsSync(path)) chmodSync(path, statSync(join(like, entry)).isDirectory() ? dirMode : fileMode);
  }
}

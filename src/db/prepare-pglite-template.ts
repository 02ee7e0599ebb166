/**
 * Prepares the data directory that a first start copies (see pglite-template.ts): creates the
 * database, applies every migration in drizzle/, closes it. `npm run build` runs it on the
 * compiled app, so the template always matches the migrations it was built with; a later
 * migration is still applied at start, as on any existing database.
 *
 *   node dist/src/db/prepare-pglite-template.js
 *
 * Creating a database takes seconds, and `npm start` builds before every start: a template made
 * from the same migrations by the same PGlite is kept (its key, beside it, says what made it).
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationsFolder, openDatabase } from './client.js';
import { builtTemplateDir, setModes } from './pglite-template.js';

const target = builtTemplateDir();
const keyFile = `${target}.key`;
const key = templateKey();
if (existsSync(join(target, 'PG_VERSION')) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) {
  process.exit(0);
}
// The previous build's template goes first, so this one is created, never copied from it.
rmSync(target, { recursive: true, force: true });
rmSync(keyFile, { force: true });
// Made beside the target and renamed into place: a build cut short never leaves half a template.
const scratch = mkdtempSync(`${target}-`);
try {
  const database = await openDatabase({ dataDir: scratch });
  await database.migrate();
  await database.close();
  // Readable by whichever user runs the app (a container's is not the one that built it); each
  // copy is made its owner's alone (copyDataDir).
  setModes(scratch, scratch, 0o755, 0o644);
  chmodSync(scratch, 0o755);
  renameSync(scratch, target);
  writeFileSync(keyFile, key);
} catch (err) {
  rmSync(scratch, { recursive: true, force: true });
  process.stderr.write(
    `Preparing ${target} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
}

/** What the template is made from: PGlite's version and every file of drizzle/. */
function templateKey(): string {
  const hash = createHash('sha256');
  const pglite = new URL('../package.json', import.meta.resolve('@electric-sql/pglite'));
  hash.update(JSON.parse(readFileSync(fileURLToPath(pglite), 'utf8')).version);
  const folder = migrationsFolder();
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(folder, file);
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(path));
  }
  return hash.digest('hex');
}

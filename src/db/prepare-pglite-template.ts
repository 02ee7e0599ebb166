/**
 * Prepares the data directory that a first start copies (see pglite-template.ts): creates the
 * database, applies every migration in drizzle/, closes it. `npm run build` runs it on the
 * compiled app, so the template always matches the migrations it was built with; a later
 * migration is still applied at start, as on any existing database.
 *
 *   node dist/src/db/prepare-pglite-template.js
 */
import { chmodSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { openDatabase } from './client.js';
import { builtTemplateDir, setModes } from './pglite-template.js';

const target = builtTemplateDir();
// The previous build's template goes first, so this one is created, never copied from it.
rmSync(target, { recursive: true, force: true });
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
} catch (err) {
  rmSync(scratch, { recursive: true, force: true });
  process.stderr.write(
    `Preparing ${target} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
}

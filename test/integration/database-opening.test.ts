import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openMigratedDatabase } from '../../src/db/client.js';
import { lockDataDir } from '../../src/db/data-dir-lock.js';
import { startBot } from '../../src/start-bot.js';

/**
 * A start builds the bot on the database while it still opens (main.ts, bot.ts): the database
 * is handed over before it is ready, and whatever is sent to it meanwhile must wait, or fail
 * with the reason it did not open.
 */
const scratch = mkdtempSync(join(tmpdir(), 'culture-opening-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A DATA_DIR that claims to hold a database and does not. */
function brokenDataDir(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'PG_VERSION'), '17\n');
  return dir;
}

describe('opening the database while the bot is built on it', () => {
  it('hands PGlite over before it is open; a query sent meanwhile waits for it and is answered', async () => {
    const opening = openMigratedDatabase({ dataDir: 'memory://' });
    const database = await opening.database;
    let answered = false;
    const ping = database.ping().then((ok) => {
      answered = true;
      return ok;
    });
    await opening.ready;
    expect(await ping).toBe(true);
    expect(answered).toBe(true);
    await database.close();
  });

  it('fails the opening with the reason when PGlite cannot open the directory, and the queries sent meanwhile with it', async () => {
    const opening = openMigratedDatabase({ dataDir: brokenDataDir('direct') });
    const database = await opening.database;
    const early = database.db.execute('select 1');
    const failure = await opening.ready.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(Error);
    // drizzle wraps the error of the query it sent; the cause is the opening's.
    const queryError = await early.then(
      () => undefined,
      (err: unknown) => err as Error & { cause?: Error },
    );
    expect(queryError?.cause?.message ?? queryError?.message).toBe((failure as Error).message);
    // It has nothing left to finish: closing returns at once rather than after its limit,
    // which is longer than this test may take.
    await database.close(120_000);
  });

  it('fails the opening when Postgres cannot be reached', async () => {
    const opening = openMigratedDatabase({ url: 'postgres://nobody@127.0.0.1:1/nothing' });
    const database = await opening.database;
    await expect(opening.ready).rejects.toThrow(/ECONNREFUSED|connect/);
    await database.close(1_000);
  });

  it('refuses to start a bot on a directory PGlite cannot open, and gives DATA_DIR back', async () => {
    const dataDir = brokenDataDir('bot');
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'shh',
      DATA_DIR: dataDir,
      PORT: '0',
      SLACK_API_URL: 'http://127.0.0.1:1/api/',
    });
    await expect(startBot(config, { scheduler: false })).rejects.toThrow();
    // The lock was released: this process (or the next) may take it at once.
    const unlock = await lockDataDir(dataDir, () => {});
    await unlock();
  });
});

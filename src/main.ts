/**
 * The process's entry: `npm start`, `npm run dev` and the Docker image run this file. It loads
 * next to nothing before it starts the embedded database's thread, which then boots and compiles
 * Postgres while the rest of the bot loads (startPgliteThreadEarly). start-bot.ts composes the
 * bot and runs it.
 */
import { pathToFileURL } from 'node:url';
import { startPgliteThreadEarly } from './db/pglite-remote.js';
import { hasSlackCredentials, loadDotEnv, opensEmbeddedDatabase } from './environment.js';

async function main() {
  loadDotEnv();
  if (opensEmbeddedDatabase()) startPgliteThreadEarly();
  if (!hasSlackCredentials()) {
    // No Slack workspace yet: the same bot, against a Slack stand-in in the browser.
    const [{ runSandbox }, { startBot }] = await Promise.all([
      import('./sandbox/main.js'),
      import('./start-bot.js'),
    ]);
    await runSandbox(process.env, process.argv.slice(2), startBot);
    return;
  }
  const { runBot } = await import('./start-bot.js');
  await runBot();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    process.stderr.write(
      `Cannot start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
}

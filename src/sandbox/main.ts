import type { Logger } from '../logger.js';
import { SHUTDOWN } from '../shutdown.js';
import { pageRoutes } from './page-routes.js';
import { fillSampleWeek } from './sample-week.js';
import { type Sandbox, SandboxStartError, type StartBot, startSandbox } from './sandbox.js';

export const SANDBOX_BANNER = (url: string) =>
  `Sandbox (not connected to Slack): open ${url} · to connect a real workspace, see "Connecting a real workspace" in README.md`;

/**
 * `npm start` with no Slack variable: the sandbox, until SIGINT / SIGTERM. `--seed` fills a
 * sample week once the page is up. A problem the person can fix (the port is taken) is one line.
 */
export async function runSandbox(
  env: NodeJS.ProcessEnv,
  args: string[],
  startBot: StartBot,
  logger?: Logger,
): Promise<Sandbox> {
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ env, startBot, routes: pageRoutes, ...(logger ? { logger } : {}) });
  } catch (err) {
    if (err instanceof SandboxStartError) {
      process.stderr.write(`Cannot start the sandbox: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  process.stdout.write(`${SANDBOX_BANNER(sandbox.url)}\n`);
  const shutdown = () => {
    setTimeout(() => process.exit(1), SHUTDOWN.limitMs).unref();
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  if (args.includes('--seed')) {
    const outcome = await sandbox.exclusive('Filling a sample week…', () => fillSampleWeek(sandbox));
    if (!outcome.ok) process.stderr.write(`The sample week failed: ${outcome.error}\n`);
  }
  return sandbox;
}

import { existsSync } from 'node:fs';

/**
 * What main.ts asks of the environment before the rest of the bot loads: whether to run the
 * sandbox, and whether to start the embedded database's thread early. These read the same
 * variables as loadConfig (config.ts), which validates them and decides for good; a wrong early
 * guess would only cost time.
 */

/** Loads ./.env into the environment when present (variables already set win), for `npm start`. */
export function loadDotEnv(path = '.env') {
  if (existsSync(path)) process.loadEnvFile(path);
}

/**
 * False when no Slack variable is set at all: `npm start` then runs the sandbox instead of
 * failing. Any one of them set means "connect to Slack", and loadConfig explains what is missing.
 */
export function hasSlackCredentials(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'].some((name) => Boolean(env[name]));
}

/** The sandbox always runs on PGlite; a deployment does unless DATABASE_URL names a server. */
export function opensEmbeddedDatabase(env: NodeJS.ProcessEnv = process.env): boolean {
  return !hasSlackCredentials(env) || !env.DATABASE_URL;
}

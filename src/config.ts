import { z } from 'zod';

/**
 * The reader of `process.env`: it validates the configuration, and everything else receives a
 * frozen `Config`. environment.ts answers the few questions the process asks before this module
 * (and zod) load.
 */
export type SlackMode = { kind: 'socket'; appToken: string } | { kind: 'http'; signingSecret: string };

export interface Config {
  readonly slackBotToken: string;
  readonly slackMode: SlackMode;
  /** Kept in HTTP mode and in socket mode alike, so tests can sign requests either way. */
  readonly slackSigningSecret: string | undefined;
  readonly slackApiUrl: string;
  readonly port: number;
  /** Address the HTTP server binds to; undefined: every interface. */
  readonly host: string | undefined;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly defaultLocale: 'en' | 'fr';
  readonly defaultTimezone: string;
  /** Missed schedule fire times younger than this are posted on start-up; older ones are skipped. */
  readonly catchUpHours: number;
  /**
   * Key of the one-way hash that stands for an erased person in the audit log. Falls back to
   * the signing secret, then the bot token; set it so hashes stay comparable when those change.
   */
  readonly erasureHashKey: string;
}

export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Each message names the variable and the fix; secrets never appear in them.
const envSchema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .startsWith('xoxb-', { message: 'must be a bot token starting with xoxb- (OAuth & Permissions page)' })
      .optional(),
  ),
  SLACK_APP_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .startsWith('xapp-', {
        message: 'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens)',
      })
      .optional(),
  ),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_API_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ message: 'must be a URL such as https://slack.com/api/' })
      .default('https://slack.com/api/')
      .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  ),
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'must be a port number such as 3000' })
      .int({ message: 'must be a whole port number such as 3000' })
      .min(0, { message: 'must be between 0 and 65535' })
      .max(65535, { message: 'must be between 0 and 65535' })
      .default(3000),
  ),
  HOST: optionalString,
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, {
        message: 'must be a connection string such as postgres://user@host/db',
      })
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z
      .enum(['debug', 'info', 'warn', 'error'], { message: 'must be one of debug, info, warn, error' })
      .default('info'),
  ),
  DEFAULT_LOCALE: z.preprocess(
    emptyToUndefined,
    z.enum(['en', 'fr'], { message: 'must be en or fr' }).default('en'),
  ),
  DEFAULT_TIMEZONE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Paris or UTC' })
      .default('UTC'),
  ),
  ERASURE_HASH_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .min(16, {
        message: 'must be at least 16 characters, for example the output of `openssl rand -hex 32`',
      })
      .optional(),
  ),
  CATCH_UP_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ message: 'must be a number of hours such as 12' }).min(0).max(168).default(12),
  ),
});

export const SETUP_INSTRUCTIONS = `No Slack credentials found.

To connect the bot to a workspace:
  1. Create the app at https://api.slack.com/apps → "Create New App" → "From a manifest",
     and paste manifest.yml from this repository.
  2. Install it to your workspace and copy the Bot User OAuth Token (xoxb-…).
  3. Then either
     - Socket Mode (quick start, no public URL): create an app-level token with the
       connections:write scope and set SLACK_BOT_TOKEN and SLACK_APP_TOKEN; or
     - HTTP mode (production): set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET
       (Basic Information → Signing Secret), and point the manifest's request URLs
       at https://<your-host>/slack/events.
See README.md for the full configuration table.`;

/** Reads and validates the environment; throws a ConfigError with one line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const vars = parsed.data;
  let slackMode: SlackMode;
  if (vars.SLACK_APP_TOKEN) slackMode = { kind: 'socket', appToken: vars.SLACK_APP_TOKEN };
  else if (vars.SLACK_SIGNING_SECRET) slackMode = { kind: 'http', signingSecret: vars.SLACK_SIGNING_SECRET };
  else throw new ConfigError([SETUP_INSTRUCTIONS]);
  if (!vars.SLACK_BOT_TOKEN) {
    throw new ConfigError([
      'SLACK_BOT_TOKEN: is required; copy the Bot User OAuth Token (xoxb-…) from the app’s OAuth & Permissions page',
    ]);
  }
  return Object.freeze({
    slackBotToken: vars.SLACK_BOT_TOKEN,
    slackMode,
    slackSigningSecret: vars.SLACK_SIGNING_SECRET,
    slackApiUrl: vars.SLACK_API_URL,
    port: vars.PORT,
    host: vars.HOST,
    databaseUrl: vars.DATABASE_URL,
    dataDir: vars.DATA_DIR,
    logLevel: vars.LOG_LEVEL,
    defaultLocale: vars.DEFAULT_LOCALE,
    defaultTimezone: vars.DEFAULT_TIMEZONE,
    catchUpHours: vars.CATCH_UP_HOURS,
    erasureHashKey: vars.ERASURE_HASH_KEY ?? vars.SLACK_SIGNING_SECRET ?? vars.SLACK_BOT_TOKEN,
  });
}

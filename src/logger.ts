import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Known secret-bearing fields are redacted wherever they appear, so a
 * logged request or client option never prints a token.
 */
export function createLogger(
  level: 'debug' | 'info' | 'warn' | 'error',
  destination?: NodeJS.WritableStream,
) {
  return pino(
    {
      level,
      base: { service: 'service-culture-bot' },
      serializers: { err: describeError },
      redact: {
        paths: [
          'token',
          '*.token',
          'botToken',
          'appToken',
          'signingSecret',
          '*.signingSecret',
          'headers.authorization',
          '*.headers.authorization',
          'config.slackBotToken',
          'config.slackMode.appToken',
          'config.slackMode.signingSecret',
        ],
        censor: '[redacted]',
      },
    },
    destination as pino.DestinationStream | undefined,
  );
}

/** Properties that name, never quote: kept for whoever reads the log. */
const NAMING = [
  'code',
  'errno',
  'constraint',
  'constraint_name',
  'table',
  'table_name',
  'column',
  'column_name',
];

/**
 * How an error is logged (pino's `err`). A failed query's error carries the SQL, its parameters
 * (stories, names, pulse answers) and Postgres's detail quoting the row; a story deleted for good
 * would live on in the logs. So a database error keeps only its name, code and the names of the
 * constraint, table and column involved; the ids the caller logs beside it say which rows. Other
 * errors (Slack's, ours) keep their message. The stack keeps its frames, not its first line (the
 * message again). Causes are described the same way.
 */
export function describeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error)) return err;
  const fields = err as unknown as Record<string, unknown>;
  const fromDatabase = 'params' in fields || 'severity' in fields || 'routine' in fields;
  const out: Record<string, unknown> = { type: err.constructor.name, name: err.name };
  for (const key of NAMING) {
    const value = fields[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  if (!fromDatabase) {
    out.message = err.message;
    // Slack's Web API errors: the error code Slack answered, never the request.
    const data = fields.data as { error?: unknown } | undefined;
    if (typeof data?.error === 'string') out.slackError = data.error;
  }
  out.stack = (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  if (err.cause !== undefined && depth < 3) out.cause = describeError(err.cause, depth + 1);
  return out;
}

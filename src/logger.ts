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

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { hasSlackCredentials, opensEmbeddedDatabase } from '../../src/environment.js';

const http = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'shh-secret' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('chooses HTTP mode from a signing secret and applies the documented defaults', () => {
    const config = loadConfig(http);
    expect(config.slackMode).toEqual({ kind: 'http', signingSecret: 'shh-secret' });
    expect(config).toMatchObject({
      slackApiUrl: 'https://slack.com/api/',
      port: 3000,
      databaseUrl: undefined,
      dataDir: './data',
      logLevel: 'info',
      defaultLocale: 'en',
      defaultTimezone: 'UTC',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('prefers Socket Mode when an app token is set', () => {
    const config = loadConfig({ ...http, SLACK_APP_TOKEN: 'xapp-1-abc' });
    expect(config.slackMode).toEqual({ kind: 'socket', appToken: 'xapp-1-abc' });
  });

  it('adds the trailing slash the Web API client needs to SLACK_API_URL', () => {
    expect(loadConfig({ ...http, SLACK_API_URL: 'http://127.0.0.1:9999/api' }).slackApiUrl).toBe(
      'http://127.0.0.1:9999/api/',
    );
  });

  it('reports "no Slack credentials" (the sandbox) only when no Slack variable is set at all', () => {
    expect(hasSlackCredentials({})).toBe(false);
    expect(hasSlackCredentials({ SLACK_BOT_TOKEN: '', PORT: '3000' })).toBe(false);
    expect(hasSlackCredentials({ SLACK_SIGNING_SECRET: 'shh' })).toBe(true);
    expect(hasSlackCredentials({ SLACK_APP_TOKEN: 'xapp-1' })).toBe(true);
  });

  it('expects the embedded database in the sandbox, and in a deployment without DATABASE_URL', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'shh' };
    expect(opensEmbeddedDatabase({ DATABASE_URL: 'postgres://db/culture' })).toBe(true);
    expect(opensEmbeddedDatabase(slack)).toBe(true);
    expect(opensEmbeddedDatabase({ ...slack, DATABASE_URL: '' })).toBe(true);
    expect(opensEmbeddedDatabase({ ...slack, DATABASE_URL: 'postgres://db/culture' })).toBe(false);
  });

  it('explains how to create the app when no Slack credentials are set', () => {
    const [problem] = problemsOf({});
    expect(problem).toContain('manifest.yml');
    expect(problem).toContain('SLACK_APP_TOKEN');
    expect(problem).toContain('SLACK_SIGNING_SECRET');
  });

  it('names each invalid variable on its own line, never printing a secret', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'not-a-token-supersecret',
      SLACK_SIGNING_SECRET: 's',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DEFAULT_LOCALE: 'de',
      DEFAULT_TIMEZONE: 'Mars/Olympus',
      DATABASE_URL: 'mysql://x',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(
      ['DATABASE_URL', 'DEFAULT_LOCALE', 'DEFAULT_TIMEZONE', 'LOG_LEVEL', 'PORT', 'SLACK_BOT_TOKEN'].sort(),
    );
    expect(problems.join('\n')).not.toContain('supersecret');
  });

  it('requires the bot token once a mode is chosen', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: 'x' })[0]).toMatch(/^SLACK_BOT_TOKEN: is required/);
  });
});

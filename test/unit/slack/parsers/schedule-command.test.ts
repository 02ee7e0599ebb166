import { describe, expect, it } from 'vitest';
import {
  parseScheduleArgs,
  parseTimezoneArgs,
  parseUnscheduleArgs,
} from '../../../../src/slack/parsers/schedule-command.js';

describe('parseScheduleArgs', () => {
  it('reads scope=channel after a digest schedule, and refuses it for other kinds', () => {
    expect(parseScheduleArgs('digest <#C7|team-a> "0 9 * * 1" Europe/Paris scope=channel')).toEqual({
      ok: true,
      value: {
        kind: 'digest',
        channelId: 'C7',
        cron: '0 9 * * 1',
        timezone: 'Europe/Paris',
        scope: 'channel',
      },
    });
    expect(parseScheduleArgs('digest <#C7> "0 9 * * 1" SCOPE=Channel')).toMatchObject({
      ok: true,
      value: { timezone: undefined, scope: 'channel' },
    });
    expect(parseScheduleArgs('mantra <#C7> "0 9 * * 1" scope=channel')).toEqual({
      ok: false,
      reason: 'scope_not_for_kind',
    });
  });

  it('reads kind, escaped channel, quoted cron and zone', () => {
    expect(parseScheduleArgs('mantra <#C123ABC|general> "0 9 * * 1-5" Europe/Paris')).toEqual({
      ok: true,
      value: {
        kind: 'mantra',
        channelId: 'C123ABC',
        cron: '0 9 * * 1-5',
        timezone: 'Europe/Paris',
        scope: 'workspace',
      },
    });
  });

  it('takes the channel with or without its name, and no zone', () => {
    expect(parseScheduleArgs('MANTRA <#C9> "30 8 * * 1"')).toEqual({
      ok: true,
      value: { kind: 'mantra', channelId: 'C9', cron: '30 8 * * 1', timezone: undefined, scope: 'workspace' },
    });
  });

  it('accepts the curly and French quotes keyboards substitute, and collapses spaces', () => {
    for (const text of [
      'mantra <#C1|x> “0  9 * * *” UTC',
      'mantra <#C1|x> ‘0 9 * * *’ UTC',
      'mantra <#C1|x> « 0 9 * * * » UTC',
      "mantra <#C1|x> '0 9 * * *' UTC",
    ]) {
      expect(parseScheduleArgs(text), text).toEqual({
        ok: true,
        value: { kind: 'mantra', channelId: 'C1', cron: '0 9 * * *', timezone: 'UTC', scope: 'workspace' },
      });
    }
  });

  it('understands five unquoted fields', () => {
    expect(parseScheduleArgs('digest <#C1> 0 9 * * 1 America/New_York')).toEqual({
      ok: true,
      value: {
        kind: 'digest',
        channelId: 'C1',
        cron: '0 9 * * 1',
        timezone: 'America/New_York',
        scope: 'workspace',
      },
    });
  });

  it('refuses a channel that was not picked with #, a missing cron and an unknown kind', () => {
    expect(parseScheduleArgs('mantra #general "0 9 * * *"')).toEqual({ ok: false, reason: 'usage' });
    expect(parseScheduleArgs('mantra <#C1|general>')).toEqual({ ok: false, reason: 'usage' });
    expect(parseScheduleArgs('mantra <#C1|general> ""')).toEqual({ ok: false, reason: 'usage' });
    expect(parseScheduleArgs('')).toEqual({ ok: false, reason: 'usage' });
    expect(parseScheduleArgs('poem <#C1> "0 9 * * *"')).toEqual({
      ok: false,
      reason: 'unknown_kind',
      kind: 'poem',
    });
  });

  it('leaves cron and zone validation to the calendar', () => {
    expect(parseScheduleArgs('mantra <#C1> "every day" Mars/Base')).toEqual({
      ok: true,
      value: {
        kind: 'mantra',
        channelId: 'C1',
        cron: 'every day',
        timezone: 'Mars/Base',
        scope: 'workspace',
      },
    });
  });
});

describe('parseUnscheduleArgs and parseTimezoneArgs', () => {
  it('reads an id with or without #', () => {
    expect(parseUnscheduleArgs(['12'])).toBe(12);
    expect(parseUnscheduleArgs(['#7'])).toBe(7);
    expect(parseUnscheduleArgs(['x'])).toBeUndefined();
    expect(parseUnscheduleArgs([])).toBeUndefined();
    expect(parseUnscheduleArgs(['1', '2'])).toBeUndefined();
  });

  it('reads one zone word', () => {
    expect(parseTimezoneArgs(['Europe/Paris'])).toBe('Europe/Paris');
    expect(parseTimezoneArgs([])).toBeUndefined();
    expect(parseTimezoneArgs(['Europe/Paris', 'now'])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import {
  channelMention,
  parseLanguageArgs,
  parseRoleArgs,
  splitSubcommand,
} from '../../../../src/slack/parsers/culture-command.js';

describe('splitSubcommand', () => {
  it('defaults to help and lower-cases the subcommand, keeping the rest untouched', () => {
    expect(splitSubcommand('')).toEqual({ sub: 'help', args: [], rest: '' });
    expect(splitSubcommand('  Schedule mantra <#C1|x> "0 9 * * 1"')).toEqual({
      sub: 'schedule',
      args: ['mantra', '<#C1|x>', '"0', '9', '*', '*', '1"'],
      rest: 'mantra <#C1|x> "0 9 * * 1"',
    });
  });
});

describe('parseRoleArgs', () => {
  it('reads a role with either escaped mention form', () => {
    expect(parseRoleArgs(['manager', '<@U123|alex>'])).toEqual({ role: 'manager', userId: 'U123' });
    expect(parseRoleArgs(['Admin', '<@W9>'])).toEqual({ role: 'admin', userId: 'W9' });
  });

  it('refuses a wrong role, a bare name or extra words', () => {
    expect(parseRoleArgs(['boss', '<@U1>'])).toBeUndefined();
    expect(parseRoleArgs(['manager', 'alex'])).toBeUndefined();
    expect(parseRoleArgs(['manager', '<@U1>', '<@U2>'])).toBeUndefined();
  });
});

describe('parseLanguageArgs', () => {
  it('reads en or fr in any case and refuses others', () => {
    expect(parseLanguageArgs(['FR'])).toBe('fr');
    expect(parseLanguageArgs(['de'])).toBeUndefined();
    expect(parseLanguageArgs([])).toBeUndefined();
  });
});

describe('channelMention', () => {
  it('reads both escaped channel forms', () => {
    expect(channelMention.parse('<#C123|general>')).toBe('C123');
    expect(channelMention.parse('<#C9>')).toBe('C9');
    expect(channelMention.safeParse('#general').success).toBe(false);
  });
});

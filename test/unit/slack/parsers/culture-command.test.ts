import { describe, expect, it } from 'vitest';
import { parseCultureCommand } from '../../../../src/slack/parsers/culture-command.js';

describe('parseCultureCommand', () => {
  it('reads help, also from empty text', () => {
    expect(parseCultureCommand('')).toEqual({ type: 'help' });
    expect(parseCultureCommand('  HELP ')).toEqual({ type: 'help' });
  });

  it('reads a role with either escaped mention form', () => {
    expect(parseCultureCommand('role manager <@U123|alex>')).toEqual({
      type: 'role',
      role: 'manager',
      userId: 'U123',
    });
    expect(parseCultureCommand('role Admin <@W9>')).toEqual({ type: 'role', role: 'admin', userId: 'W9' });
  });

  it('asks for usage when the role or the mention is wrong', () => {
    expect(parseCultureCommand('role boss <@U1>')).toEqual({ type: 'usage', topic: 'role' });
    expect(parseCultureCommand('role manager alex')).toEqual({ type: 'usage', topic: 'role' });
    expect(parseCultureCommand('role manager <@U1> <@U2>')).toEqual({ type: 'usage', topic: 'role' });
  });

  it('reads the language and refuses others', () => {
    expect(parseCultureCommand('language FR')).toEqual({ type: 'language', locale: 'fr' });
    expect(parseCultureCommand('language de')).toEqual({ type: 'usage', topic: 'language' });
  });

  it('keeps unknown text for the answer', () => {
    expect(parseCultureCommand('dance now')).toEqual({ type: 'unknown', text: 'dance now' });
  });
});

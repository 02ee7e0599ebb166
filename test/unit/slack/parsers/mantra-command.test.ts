import { describe, expect, it } from 'vitest';
import { parseMantraCommand } from '../../../../src/slack/parsers/mantra-command.js';

describe('parseMantraCommand', () => {
  it('shows the vision with no words', () => {
    expect(parseMantraCommand('')).toEqual({ action: 'show' });
    expect(parseMantraCommand('   ')).toEqual({ action: 'show' });
  });

  it('reads list, post, and remove with a position', () => {
    expect(parseMantraCommand('list')).toEqual({ action: 'list' });
    expect(parseMantraCommand('POST')).toEqual({ action: 'post' });
    expect(parseMantraCommand('remove 2')).toEqual({ action: 'remove', position: 2 });
    expect(parseMantraCommand('remove #3')).toEqual({ action: 'remove', position: 3 });
  });

  it('keeps the text of add as typed, spaces inside included', () => {
    expect(parseMantraCommand('add   We are a service company  that happens to sell shoes ')).toEqual({
      action: 'add',
      text: 'We are a service company  that happens to sell shoes',
    });
    expect(parseMantraCommand('add')).toEqual({ action: 'add', text: '' });
  });

  it('answers usage for anything else', () => {
    expect(parseMantraCommand('remove')).toEqual({ action: 'remove_usage' });
    expect(parseMantraCommand('remove 0')).toEqual({ action: 'remove_usage' });
    expect(parseMantraCommand('remove two')).toEqual({ action: 'remove_usage' });
    expect(parseMantraCommand('list all')).toEqual({ action: 'usage' });
    expect(parseMantraCommand('Customer first')).toEqual({ action: 'usage' });
    expect(parseMantraCommand('help')).toEqual({ action: 'usage' });
  });
});

import { describe, expect, it } from 'vitest';
import {
  parseErasureArgs,
  parseExportArgs,
  parseRetentionArgs,
} from '../../../../src/slack/parsers/privacy-command.js';

describe('privacy subcommands', () => {
  it('forget takes exactly one person mention', () => {
    expect(parseErasureArgs(['<@U0SAM|sam>'])).toBe('U0SAM');
    expect(parseErasureArgs(['sam'])).toBeUndefined();
    expect(parseErasureArgs(['<@U0SAM>', '<@U0ANA>'])).toBeUndefined();
    expect(parseErasureArgs([])).toBeUndefined();
  });

  it('export is the workspace, or me / moi for one’s own data', () => {
    expect(parseExportArgs([])).toBe('workspace');
    expect(parseExportArgs(['me'])).toBe('me');
    expect(parseExportArgs(['MOI'])).toBe('me');
    expect(parseExportArgs(['all'])).toBeUndefined();
  });

  it('retention shows, sets months, or sets the grace days', () => {
    expect(parseRetentionArgs([])).toEqual({ kind: 'show' });
    expect(parseRetentionArgs(['12'])).toEqual({ kind: 'months', value: 12 });
    expect(parseRetentionArgs(['grace', '30'])).toEqual({ kind: 'grace', value: 30 });
    expect(parseRetentionArgs(['twelve'])).toBeUndefined();
    expect(parseRetentionArgs(['-1'])).toBeUndefined();
    expect(parseRetentionArgs(['grace'])).toBeUndefined();
  });
});

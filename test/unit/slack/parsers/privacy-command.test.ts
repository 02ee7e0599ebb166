import { describe, expect, it } from 'vitest';
import { messages } from '../../../../src/i18n/index.js';
import { BLOCKS } from '../../../../src/slack/ids.js';
import {
  parseEraseMetadata,
  parseErasePick,
  parseErasureArgs,
  parseExportArgs,
  parseRetentionArgs,
  parseRetentionModal,
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

describe('the retention modal', () => {
  const view = (months: string, days: string) => ({
    state: {
      values: {
        [BLOCKS.privacyRetentionMonths]: { [BLOCKS.privacyRetentionMonths]: { value: months } },
        [BLOCKS.privacyGraceDays]: { [BLOCKS.privacyGraceDays]: { value: days } },
      },
    },
  });

  it('takes whole numbers within the bounds', () => {
    expect(parseRetentionModal(view(' 12 ', '30'), messages('en'))).toEqual({
      ok: true,
      value: { months: 12, days: 30 },
    });
  });

  it('puts an error under each wrong field, in the person’s language', () => {
    expect(parseRetentionModal(view('0', '2.5'), messages('fr'))).toEqual({
      ok: false,
      errors: {
        [BLOCKS.privacyRetentionMonths]: 'Tapez un nombre entier de 1 à 120.',
        [BLOCKS.privacyGraceDays]: 'Tapez un nombre entier de 1 à 365.',
      },
    });
    expect(parseRetentionModal(view('121', ''), messages('en'))).toMatchObject({ ok: false });
  });

  it('reads whose data an erasure modal is about, refusing anything but a person id', () => {
    expect(parseEraseMetadata(JSON.stringify({ home: true, erase: 'U0SAM' }))).toEqual({ userId: 'U0SAM' });
    expect(parseEraseMetadata(JSON.stringify({ home: true, erase: 'U0SAM', deactivated: true }))).toEqual({
      userId: 'U0SAM',
      deactivated: true,
    });
    expect(parseEraseMetadata(JSON.stringify({ home: true, erase: 'U0BOB><!channel>' }))).toBeUndefined();
    expect(parseEraseMetadata(JSON.stringify({ home: true }))).toBeUndefined();
    expect(parseEraseMetadata('{not json')).toBeUndefined();
    expect(parseEraseMetadata(undefined)).toBeUndefined();
  });

  it('reads the person picked for an erasure, or nothing', () => {
    const picked = (user: unknown) => ({
      [BLOCKS.privacyErasePerson]: {
        [BLOCKS.privacyErasePerson]: { type: 'users_select', selected_user: user },
      },
    });
    expect(parseErasePick(picked('U0SAM'))).toBe('U0SAM');
    expect(parseErasePick(picked(null))).toBeUndefined();
    expect(parseErasePick(picked('C0CHANNEL'))).toBeUndefined();
    expect(parseErasePick({})).toBeUndefined();
  });
});

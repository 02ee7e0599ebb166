import { describe, expect, it } from 'vitest';
import { notAllowed } from '../../../../src/domain/roles/permissions.js';
import { messages } from '../../../../src/i18n/index.js';
import { buildNotAllowed, notAllowedNotice, notAllowedText } from '../../../../src/slack/blocks/common.js';

describe('a permission refusal is worded from the role the domain names', () => {
  it('in a reply and on the Home, in English and French, for each role', () => {
    const en = messages('en');
    const fr = messages('fr');
    expect(notAllowedText(en, notAllowed('admin'))).toBe('Sorry, only admins can do that.');
    expect(notAllowedText(en, notAllowed('manager'))).toBe('Sorry, only managers and admins can do that.');
    expect(notAllowedText(fr, notAllowed('admin'))).toBe('Désolé, seuls les admins peuvent faire cela.');
    expect(notAllowedText(fr, notAllowed('manager'))).toBe(
      'Désolé, seuls les managers et admins peuvent faire cela.',
    );
    expect(notAllowedNotice(en, notAllowed('admin'))).toBe('Only admins can do that. Nothing was changed.');
    expect(notAllowedNotice(en, notAllowed('manager'))).toBe(
      'Only managers and admins can do that. Nothing was changed.',
    );
    expect(notAllowedNotice(fr, notAllowed('manager'))).toBe(
      'Seuls les managers et admins peuvent faire cela. Rien n’a été modifié.',
    );
    expect(buildNotAllowed(en, notAllowed('manager')).text).toBe(notAllowedText(en, notAllowed('manager')));
  });
});

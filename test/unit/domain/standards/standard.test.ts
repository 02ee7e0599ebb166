import { describe, expect, it } from 'vitest';
import { checkDescription, checkTag, readCitations } from '../../../../src/domain/standards/standard.js';

const ACTIVE = ['same-day', 'follow-up', 'own-it', 'surprise', 'human', 'share'];

describe('readCitations', () => {
  it('finds the active #tags a text cites, once each, in any case', () => {
    expect(readCitations('#Follow-up done, then #same-day and #follow-up again.', ACTIVE)).toEqual({
      cited: ['follow-up', 'same-day'],
      unknown: [],
    });
  });

  it('names the unknown tags and never takes digits, URLs, code or words with a # inside for tags', () => {
    const text =
      'Order #42 and #1234-, see https://x.io/page#own-it, <https://x.io/#human|docs>, `#share` and ' +
      '```#surprise```, C# and foo#human &#39; but #custmer-first and #Café are typos.';
    expect(readCitations(text, ACTIVE)).toEqual({ cited: [], unknown: ['custmer-first', 'café'] });
  });

  it('counts a channel link Slack made of #name when the name is an active tag, and ignores other channels', () => {
    expect(readCitations('Fixed <#C0SAME|same-day> in <#C0GEN|general> and <#C0X>.', ACTIVE)).toEqual({
      cited: ['same-day'],
      unknown: [],
    });
  });

  it('lets a sentence end right after a tag', () => {
    expect(readCitations('(#human) and #own-it. And #share!', ACTIVE).cited).toEqual([
      'human',
      'own-it',
      'share',
    ]);
  });
});

describe('checkTag and checkDescription', () => {
  it('accepts 2–24 lowercase letters, digits and hyphens, lower-casing and dropping a leading #', () => {
    expect(checkTag('#Call-Back')).toEqual({ ok: true, tag: 'call-back' });
    expect(checkTag('a')).toEqual({ ok: false, problem: 'tag_too_short' });
    expect(checkTag('x'.repeat(25))).toEqual({ ok: false, problem: 'tag_too_long' });
    expect(checkTag('x'.repeat(24))).toMatchObject({ ok: true });
    expect(checkTag('café')).toEqual({ ok: false, problem: 'tag_characters' });
    expect(checkTag('no_way')).toEqual({ ok: false, problem: 'tag_characters' });
    expect(checkTag('2024')).toEqual({ ok: false, problem: 'tag_digits_only' });
    expect(checkTag('24-7')).toMatchObject({ ok: true });
  });

  it('keeps a description to one line of 150 characters', () => {
    expect(checkDescription('  We call\nback.  ')).toEqual({ ok: true, description: 'We call back.' });
    expect(checkDescription('   ')).toEqual({ ok: false, problem: 'description_empty' });
    expect(checkDescription('x'.repeat(151))).toEqual({ ok: false, problem: 'description_too_long' });
    expect(checkDescription('x'.repeat(150))).toMatchObject({ ok: true });
  });
});

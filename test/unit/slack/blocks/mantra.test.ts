import { describe, expect, it } from 'vitest';
import { messages } from '../../../../src/i18n/index.js';
import { validateMessageBlocks } from '../../../../src/sandbox/block-kit-rules.js';
import { buildMantraLines, buildMantraList, buildMantraPost } from '../../../../src/slack/blocks/mantra.js';

const en = messages('en');
const fr = messages('fr');

describe('buildMantraPost', () => {
  it('shows the line, the story with live mentions of the colleagues, and the invitation to /praise', () => {
    const post = buildMantraPost(en, 'en', {
      line: 'Customer first.',
      story: { text: 'Stayed late to fix a customer’s order.', colleagueIds: ['U1', 'U2'] },
    });
    const text = JSON.stringify(post.blocks);
    expect(post.text).toBe('Our vision: Customer first.');
    expect(text).toContain('*Customer first.*');
    expect(text).toContain('<@U1> and <@U2> delighted a customer together');
    expect(text).toContain('>Stayed late to fix a customer’s order.');
    expect(text).toContain('/praise');
    expect(validateMessageBlocks(post.blocks)).toEqual([]);
  });

  it('speaks French with French list joining', () => {
    const post = buildMantraPost(fr, 'fr', {
      line: 'Le client d’abord.',
      story: { text: 'Rappel du client le soir même.', colleagueIds: ['U1', 'U2', 'U3'] },
    });
    expect(JSON.stringify(post.blocks)).toContain('<@U1>, <@U2> et <@U3> ont ravi ensemble un client');
  });

  it('names the training focus of the week, keeping only the characters of a tag', () => {
    const post = buildMantraPost(fr, 'fr', {
      line: 'Le client d’abord.',
      story: undefined,
      focus: { tag: 'own-it<!here>', line: 'Qui entend parler d’un problème s’en charge.' },
    });
    expect(JSON.stringify(post.blocks)).toContain(
      ':dart: *Priorité de formation cette semaine : #own-ithere* · Qui entend parler d’un problème s’en charge.',
    );
    expect(validateMessageBlocks(post.blocks)).toEqual([]);
  });

  it('invites the first story when there is none', () => {
    const post = buildMantraPost(en, 'en', { line: 'Customer first.', story: undefined });
    const text = JSON.stringify(post.blocks);
    expect(text).toContain('No praise story in the last 30 days yet');
    expect(validateMessageBlocks(post.blocks)).toEqual([]);
  });

  it('escapes user text: no broadcast, no forged link, long stories cut', () => {
    const post = buildMantraPost(en, 'en', {
      line: 'Be kind <!channel>',
      story: { text: `Hi <!here> see <https://evil.example|bank> ${'word '.repeat(1000)}`, colleagueIds: [] },
    });
    const text = JSON.stringify(post.blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<!here>');
    expect(text).not.toContain('<https://evil');
    expect(text).toContain('a colleague delighted a customer');
    expect(validateMessageBlocks(post.blocks)).toEqual([]);
  });
});

describe('buildMantraLines and buildMantraList', () => {
  it('marks the default line and numbers the list', () => {
    const lines = [{ text: 'Customer first.', isDefault: true }];
    expect(JSON.stringify(buildMantraLines(en, lines, { adminHint: false }).blocks)).toContain(
      '• Customer first. _(default line',
    );
    const list = buildMantraList(en, [
      { text: 'One', isDefault: false },
      { text: 'Two', isDefault: false },
    ]);
    expect(JSON.stringify(list.blocks)).toContain('1. One\\n2. Two');
    expect(validateMessageBlocks(list.blocks)).toEqual([]);
  });
});

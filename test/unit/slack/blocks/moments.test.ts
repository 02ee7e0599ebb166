import { describe, expect, it } from 'vitest';
import { DEFAULT_STANDARDS } from '../../../../src/domain/standards/standard.js';
import { LOCALES, messages } from '../../../../src/i18n/index.js';
import { validateMessageBlocks, validateView } from '../../../../src/sandbox/block-kit-rules.js';
import { buildRefusalWithText } from '../../../../src/slack/blocks/common.js';
import {
  buildLessonModal,
  buildMomentConfirmation,
  buildMomentDm,
  buildMomentModal,
  buildRecognitionPost,
  mentionList,
} from '../../../../src/slack/blocks/moments.js';
import { momentFixture as moment } from '../../../support/moment-values.js';

describe.each(LOCALES)('moment Block Kit in %s', (locale) => {
  const m = messages(locale);
  const kinds = [moment(), moment({ kind: 'complaint', followUpUserId: 'U1', lesson: 'We learned.' })];

  it('builds confirmations, DMs and recognition posts that Slack accepts, even for the longest story', () => {
    for (const item of kinds) {
      for (const message of [
        buildMomentConfirmation(m, item),
        buildMomentDm(m, item),
        buildRecognitionPost(m, item),
      ]) {
        expect(validateMessageBlocks(message.blocks)).toEqual([]);
        expect(JSON.stringify(message)).not.toContain('<!channel>');
      }
    }
  });

  it('builds modals Slack accepts, empty, prefilled and for editing', () => {
    const full = moment({ story: 'x'.repeat(3000), lesson: 'y'.repeat(3000), followUpUserId: 'U1' });
    const standards = DEFAULT_STANDARDS.map((d, i) => ({
      id: i + 1,
      tag: d.tag,
      description: d.description[locale],
      position: i + 1,
      archivedAt: i === 5 ? new Date('2026-11-01T00:00:00Z') : null,
    }));
    expect(validateView(buildMomentModal(m, {}, '{}', false, []))).toEqual([]);
    expect(validateView(buildMomentModal(m, {}, '{}', false, standards))).toEqual([]);
    // An edited moment keeps the archived standard it cites among the options it can keep.
    const edited = buildMomentModal(m, { ...full, standards: ['own-it', 'share'] }, '{}', true, standards);
    expect(validateView(edited)).toEqual([]);
    expect(JSON.stringify(edited)).toContain('"value":"share"');
    expect(validateView(buildLessonModal(m, full, '{}'))).toEqual([]);
  });

  it('returns a long refusal’s text in full, over several valid sections', () => {
    const typed = `<!here> ${'word & '.repeat(1500)}`;
    const refusal = buildRefusalWithText(m, 'Too long', typed);
    expect(validateMessageBlocks(refusal.blocks)).toEqual([]);
    const echoed = refusal.blocks
      .slice(2)
      .map((b) => (b.type === 'section' && b.text ? b.text.text.replace(/```/g, '') : ''))
      .join('');
    expect(echoed).toContain('word &amp; word');
    expect(echoed.length).toBeGreaterThan(typed.length);
    expect(echoed).not.toContain('<!here>');
  });
});

describe('mentionList', () => {
  it('joins live mentions with the language’s word for and', () => {
    expect(mentionList(['U1'], 'and')).toBe('<@U1>');
    expect(mentionList(['U1', 'U2', 'U3'], 'et')).toBe('<@U1>, <@U2> et <@U3>');
  });
});

import { describe, expect, it } from 'vitest';
import { BLOCKS } from '../../../../src/slack/ids.js';
import {
  parseInlineMoment,
  parseLessonModal,
  parseModalMetadata,
  parseMomentModal,
} from '../../../../src/slack/parsers/moment-command.js';
import { lessonModalValues, momentModalValues } from '../../../support/moment-values.js';

const STORY = 'Stayed late to rebuild the order.';

describe('parseInlineMoment', () => {
  it('reads leading mentions in both escaped forms as colleagues and keeps inner mentions in the story', () => {
    expect(parseInlineMoment('praise', `<@U1|sam> and <@W2> ${STORY} with <@U3>`, 'UA')).toEqual({
      complete: true,
      draft: {
        kind: 'praise',
        colleagueIds: ['U1', 'W2', 'U3'],
        story: `${STORY} with <@U3>`,
        customerType: 'external',
        touchpoint: 'other',
        impact: 'small',
      },
    });
  });

  it('never counts the author, and asks for the modal when praise names nobody else', () => {
    expect(parseInlineMoment('praise', `<@UA> ${STORY}`, 'UA')).toEqual({
      complete: false,
      prefill: { kind: 'praise', colleagueIds: [], story: STORY },
    });
  });

  it('asks for the modal when the story is missing', () => {
    expect(parseInlineMoment('praise', '<@U1>', 'UA')).toMatchObject({ complete: false });
    expect(parseInlineMoment('complaint', '   ', 'UA')).toMatchObject({ complete: false });
  });

  it('accepts a complaint without colleagues', () => {
    expect(parseInlineMoment('complaint', STORY, 'UA')).toMatchObject({
      complete: true,
      draft: { kind: 'complaint', colleagueIds: [] },
    });
  });

  it('refuses a short story, a long story and more than ten colleagues', () => {
    expect(parseInlineMoment('praise', '<@U1> too short', 'UA')).toMatchObject({
      problem: 'story_too_short',
    });
    expect(parseInlineMoment('praise', `<@U1> ${'a'.repeat(3001)}`, 'UA')).toEqual({
      complete: 'invalid',
      problem: 'story_too_long',
      length: 3001,
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `<@U${i}>`).join(' ');
    expect(parseInlineMoment('praise', `${eleven} ${STORY}`, 'UA')).toMatchObject({ problem: 'too_many' });
  });
});

describe('parseMomentModal', () => {
  it('turns the modal state into a draft', () => {
    const values = momentModalValues({
      kind: 'complaint',
      story: STORY,
      colleagues: ['U1'],
      touchpoint: 'phone',
      impact: 'big',
      lesson: '  We now call back within the hour.  ',
      followUp: 'U1',
    });
    expect(parseMomentModal(values)).toEqual({
      ok: true,
      draft: {
        kind: 'complaint',
        colleagueIds: ['U1'],
        story: STORY,
        lesson: 'We now call back within the hour.',
        followUpUserId: 'U1',
        customerType: 'external',
        touchpoint: 'phone',
        impact: 'big',
        standards: [],
      },
    });
    const standards = momentModalValues({ standards: ['own-it', 'share'] })[BLOCKS.momentStandards];
    const picked = parseMomentModal({ ...values, [BLOCKS.momentStandards]: standards });
    expect(picked.ok && picked.draft.standards).toEqual(['own-it', 'share']);
  });

  it('keys each problem by the block of its field', () => {
    expect(parseMomentModal(momentModalValues({ story: 'x' }))).toEqual({
      ok: false,
      errors: { [BLOCKS.momentKind]: 'kind_missing', [BLOCKS.momentStory]: 'story_too_short' },
    });
    expect(
      parseMomentModal(momentModalValues({ kind: 'praise', story: STORY, lesson: 'l'.repeat(3001) })),
    ).toEqual({
      ok: false,
      errors: { [BLOCKS.momentLesson]: 'lesson_too_long' },
    });
  });

  it('refuses a forged option value', () => {
    const values = momentModalValues({ kind: 'praise', story: STORY, touchpoint: 'carrier-pigeon' });
    expect(parseMomentModal(values).ok).toBe(false);
  });
});

describe('parseLessonModal and metadata', () => {
  it('reads the lesson and the resolve checkbox', () => {
    expect(parseLessonModal(lessonModalValues('We call back the same day.', true))).toEqual({
      ok: true,
      lesson: 'We call back the same day.',
      resolve: true,
    });
    expect(parseLessonModal(lessonModalValues('short'))).toMatchObject({ ok: false });
  });

  it('falls back safely on forged private_metadata', () => {
    expect(parseModalMetadata('{not json')).toEqual({ source: 'modal' });
    expect(parseModalMetadata(JSON.stringify({ momentId: 'nope' }))).toEqual({ source: 'modal' });
  });
});

import { describe, expect, it } from 'vitest';
import { BLOCKS } from '../../../../src/slack/ids.js';
import { parsePulseAnswer, pulseMetadata } from '../../../../src/slack/parsers/pulse-answer.js';
import { parsePulseId, parsePulseStartArgs } from '../../../../src/slack/parsers/pulse-command.js';

const PULSE = '6f1c2a5e-8d4b-4f7a-9c3e-2b1a0d9e8f7c';

function view(values: {
  score?: string | null;
  vision?: string | null;
  motivation?: string;
  human?: string;
}) {
  const text = (value: string | null | undefined) => ({ type: 'plain_text_input', value: value ?? null });
  return {
    private_metadata: pulseMetadata(PULSE),
    state: {
      values: {
        [BLOCKS.pulseScore]: {
          [BLOCKS.pulseScore]: {
            type: 'static_select',
            selected_option:
              values.score === undefined || values.score === null ? null : { value: values.score },
          },
        },
        [BLOCKS.pulseVision]: { [BLOCKS.pulseVision]: text(values.vision) },
        [BLOCKS.pulseMotivation]: { [BLOCKS.pulseMotivation]: text(values.motivation) },
        [BLOCKS.pulseHuman]: { [BLOCKS.pulseHuman]: text(values.human) },
      },
    },
  };
}

describe('/pulse start arguments', () => {
  it('defaults to anonymous and three days', () => {
    expect(parsePulseStartArgs([])).toEqual({ anonymous: true, days: 3 });
  });

  it('reads named and days in either order, in English and French', () => {
    expect(parsePulseStartArgs(['named', '5'])).toEqual({ anonymous: false, days: 5 });
    expect(parsePulseStartArgs(['7d', 'NAMED'])).toEqual({ anonymous: false, days: 7 });
    expect(parsePulseStartArgs(['nominatif', '2j'])).toEqual({ anonymous: false, days: 2 });
    expect(parsePulseStartArgs(['anonyme', '10'])).toEqual({ anonymous: true, days: 10 });
  });

  it('refuses what it does not understand and days outside 1–30', () => {
    for (const args of [['0'], ['31'], ['soon'], ['named', 'named'], ['3', '4'], ['-2'], ['2.5']]) {
      expect(parsePulseStartArgs(args), args.join(' ')).toBeUndefined();
    }
  });

  it('accepts only a uuid as a pulse id (button values can be forged)', () => {
    expect(parsePulseId(PULSE)).toBe(PULSE);
    expect(parsePulseId("1' or 1=1")).toBeUndefined();
    expect(parsePulseId(undefined)).toBeUndefined();
  });
});

describe('the answer modal submission', () => {
  it('gives the score and the cleaned texts', () => {
    expect(
      parsePulseAnswer(view({ score: '8', vision: '  Customer first. ', motivation: '' }), 'en'),
    ).toEqual({
      ok: true,
      value: {
        pulseId: PULSE,
        answer: { score: 8, vision: 'Customer first.', motivation: null, human: null },
      },
    });
  });

  it('refuses a missing score or one outside 1–10 with a field error on the score', () => {
    for (const score of [null, '0', '11', '7.5', 'ten', '-1']) {
      const parsed = parsePulseAnswer(view({ score }), 'en');
      expect(parsed, String(score)).toEqual({
        ok: false,
        errors: { [BLOCKS.pulseScore]: 'Pick a score from 1 to 10.' },
      });
    }
    expect(parsePulseAnswer(view({ score: '42' }), 'fr')).toEqual({
      ok: false,
      errors: { [BLOCKS.pulseScore]: 'Choisissez une note de 1 à 10.' },
    });
  });

  it('refuses an answer over 3000 characters with a field error on that question', () => {
    const parsed = parsePulseAnswer(view({ score: '6', human: 'x'.repeat(3001) }), 'fr');
    expect(parsed).toEqual({
      ok: false,
      errors: { [BLOCKS.pulseHuman]: expect.stringContaining('3\u202f001') },
    });
    expect(parsePulseAnswer(view({ score: '6', human: 'x'.repeat(3000) }), 'en').ok).toBe(true);
  });

  it('refuses metadata that is not a pulse id', () => {
    expect(
      parsePulseAnswer({ ...view({ score: '5' }), private_metadata: '{"pulseId":"nope"}' }, 'en'),
    ).toMatchObject({
      ok: false,
      reason: 'bad_metadata',
    });
    expect(parsePulseAnswer({ ...view({ score: '5' }), private_metadata: 'garbage' }, 'en')).toMatchObject({
      ok: false,
      reason: 'bad_metadata',
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  cleanAnswerText,
  effectiveThreshold,
  isAcceptingAnswers,
  type Pulse,
  pulseTimes,
  roundOneDecimal,
  shuffle,
  summariseScores,
} from '../../../../src/domain/pulse/pulse.js';

const HOUR = 3_600_000;
const opened = new Date('2026-11-23T09:00:00Z');

describe('pulse rules', () => {
  it('closes after the given days and reminds a day before', () => {
    const { closesAt, remindAt } = pulseTimes(opened, 3);
    expect(closesAt.toISOString()).toBe('2026-11-26T09:00:00.000Z');
    expect(remindAt?.toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it('gives a one-day pulse no reminder (it would go out as it starts)', () => {
    expect(pulseTimes(opened, 1).remindAt).toBeNull();
    expect(pulseTimes(opened, 2).remindAt?.getTime()).toBe(opened.getTime() + 24 * HOUR);
  });

  it('never lets the threshold go below the floor', () => {
    expect(effectiveThreshold(1, 3)).toBe(3);
    expect(effectiveThreshold(3, 3)).toBe(3);
    expect(effectiveThreshold(7, 3)).toBe(7);
  });

  it('averages to one decimal and counts every score from 1 to 10', () => {
    const summary = summariseScores([7, 8, 8, 10]);
    expect(summary.count).toBe(4);
    expect(summary.average).toBe(8.3);
    expect(summary.distribution).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 0, 1]);
    expect(summariseScores([]).average).toBe(0);
    expect(summariseScores([1, 10]).distribution).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('rounds halves up', () => {
    expect(roundOneDecimal(7.45)).toBe(7.5);
    expect(roundOneDecimal(22 / 3)).toBe(7.3);
  });

  it('shuffles without losing or duplicating anything', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = shuffle(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    // With a fixed source the permutation is the textbook one: always swapping with index 0.
    expect(shuffle([1, 2, 3, 4], () => 0)).toEqual([2, 3, 4, 1]);
  });

  it('takes answers only while open and before the deadline', () => {
    const pulse = { status: 'open', closesAt: new Date(opened.getTime() + HOUR) } as Pulse;
    expect(isAcceptingAnswers(pulse, opened)).toBe(true);
    expect(isAcceptingAnswers(pulse, new Date(opened.getTime() + HOUR))).toBe(false);
    expect(isAcceptingAnswers({ ...pulse, status: 'closed' }, opened)).toBe(false);
  });

  it('treats an empty or blank text as no answer', () => {
    expect(cleanAnswerText('  ')).toBeNull();
    expect(cleanAnswerText(null)).toBeNull();
    expect(cleanAnswerText(' Customer first. ')).toBe('Customer first.');
  });
});

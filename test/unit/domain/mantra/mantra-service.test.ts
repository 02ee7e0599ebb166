import { describe, expect, it } from 'vitest';
import { type PraiseStory, pickLine, pickStory } from '../../../../src/domain/mantra/mantra-service.js';

const story = (id: string, day: number, lastUsedPostId: number | null): PraiseStory => ({
  id,
  story: `story ${id}`,
  authorId: 'UAUTHOR',
  colleagueIds: ['U1'],
  createdAt: new Date(Date.UTC(2026, 10, day)),
  lastUsedPostId,
});

describe('mantra rotation', () => {
  it('posts a line never posted before, oldest first, then the one posted longest ago', () => {
    const lines = [{ id: 1 }, { id: 2 }, { id: 3 }];
    expect(pickLine(lines, new Map())?.id).toBe(1);
    expect(pickLine(lines, new Map([[1, 10]]))?.id).toBe(2);
    expect(
      pickLine(
        lines,
        new Map([
          [1, 10],
          [2, 11],
          [3, 12],
        ]),
      )?.id,
    ).toBe(1);
    expect(
      pickLine(
        lines,
        new Map([
          [1, 13],
          [2, 11],
          [3, 12],
        ]),
      )?.id,
    ).toBe(2);
    expect(pickLine([], new Map())).toBeUndefined();
  });

  it('tells the newest untold story first', () => {
    expect(pickStory([story('a', 1, null), story('b', 5, null), story('c', 9, 4)])?.id).toBe('b');
  });

  it('when every story was told, tells the one told longest ago', () => {
    expect(pickStory([story('a', 1, 7), story('b', 5, 3), story('c', 9, 4)])?.id).toBe('b');
    expect(pickStory([])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { citedStandards, DEFAULT_STANDARD_TAGS } from '../../../src/domain/moments/moment.js';

describe('citedStandards', () => {
  it('finds the known #tags a story cites, once each, in any case', () => {
    expect(
      citedStandards('#Follow-up done, then #same-day and #follow-up again', DEFAULT_STANDARD_TAGS),
    ).toEqual(['follow-up', 'same-day']);
  });

  it('ignores unknown tags and anchors inside words or URLs', () => {
    expect(citedStandards('#random see https://x.io/#own-it and foo#human', DEFAULT_STANDARD_TAGS)).toEqual(
      [],
    );
  });
});

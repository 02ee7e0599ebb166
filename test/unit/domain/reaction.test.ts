import { describe, expect, it } from 'vitest';
import { STORY_MAX_LENGTH } from '../../../src/domain/moments/moment.js';
import {
  DEFAULT_REACTION_EMOJI,
  kindForReaction,
  normaliseEmoji,
  praisedColleagues,
  storyFromMessage,
} from '../../../src/domain/reactions/reaction.js';

describe('reaction rules', () => {
  it('reads emoji names with or without colons, in any case, without skin tone', () => {
    expect(normaliseEmoji(':Star2:')).toBe('star2');
    expect(normaliseEmoji('+1::skin-tone-3')).toBe('+1');
    expect(normaliseEmoji('thinking_face')).toBe('thinking_face');
    expect(normaliseEmoji('<!channel>')).toBeUndefined();
    expect(normaliseEmoji('two words')).toBeUndefined();
    expect(normaliseEmoji('::')).toBeUndefined();
  });

  it('maps the workspace emoji to praise and complaint, and nothing else', () => {
    expect(kindForReaction('star2', DEFAULT_REACTION_EMOJI)).toBe('praise');
    expect(kindForReaction('bulb', DEFAULT_REACTION_EMOJI)).toBe('complaint');
    expect(kindForReaction('thumbsup', DEFAULT_REACTION_EMOJI)).toBeUndefined();
  });

  it('recognises the people mentioned, else the author, never the reactor', () => {
    expect(praisedColleagues('<@UA|ana> and <@UB> and <@UA> again', 'UAUTHOR', 'URE')).toEqual(['UA', 'UB']);
    expect(praisedColleagues('thanks <@URE>', 'UAUTHOR', 'URE')).toEqual(['UAUTHOR']);
    expect(praisedColleagues('no one named', 'UAUTHOR', 'UAUTHOR')).toEqual([]);
    expect(praisedColleagues('<@URE> did it', 'URE', 'URE')).toEqual([]);
  });

  it('keeps a story that fits, and cuts a longer one at a word boundary with an ellipsis', () => {
    expect(storyFromMessage('  short story  ')).toEqual({ story: 'short story', truncated: false });
    const fits = 'a'.repeat(STORY_MAX_LENGTH);
    expect(storyFromMessage(fits)).toEqual({ story: fits, truncated: false });
    const long = 'word '.repeat(700);
    const { story, truncated } = storyFromMessage(long);
    expect(truncated).toBe(true);
    expect(story.length).toBeLessThanOrEqual(STORY_MAX_LENGTH);
    expect(story.endsWith('word…')).toBe(true);
    // One unbroken word longer than the limit is cut inside it rather than lost.
    const unbroken = storyFromMessage('x'.repeat(5000));
    expect(unbroken.story).toHaveLength(STORY_MAX_LENGTH);
  });
});

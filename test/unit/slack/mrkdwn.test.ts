import { describe, expect, it } from 'vitest';
import { escapeUserText, truncate } from '../../../src/slack/mrkdwn.js';

const WJ = '\u2060';

describe('escapeUserText', () => {
  it('neutralises the broadcast mentions Slack sends escaped', () => {
    const out = escapeUserText('hey <!channel> and <!here|here> and <!everyone>');
    expect(out).toBe(`hey @${WJ}channel and @${WJ}here and @${WJ}everyone`);
    expect(out).not.toMatch(/<!/);
  });

  it('neutralises user-group mentions, keeping their visible name', () => {
    expect(escapeUserText('ping <!subteam^S0123ABC|@support-team> now')).toBe(`ping @${WJ}support-team now`);
    expect(escapeUserText('<!subteam^S0123ABC>')).toBe(`@${WJ}group`);
  });

  it('neutralises typed @here words so link_names cannot promote them', () => {
    expect(escapeUserText('@here @Channel @everyone')).toBe(`@${WJ}here @${WJ}Channel @${WJ}everyone`);
  });

  it('keeps colleague mentions and channel links live', () => {
    expect(escapeUserText('thanks <@U123ABC|sam> in <#C42|support>')).toBe('thanks <@U123ABC> in <#C42>');
  });

  it('escapes angle brackets and ampersands so text cannot forge links', () => {
    expect(escapeUserText('a < b & <http://evil|click>')).toBe('a &lt; b &amp; &lt;http://evil|click&gt;');
    expect(escapeUserText('already &amp; escaped &lt;')).toBe('already &amp; escaped &lt;');
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text with an ellipsis within the limit', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('word '.repeat(100), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut.endsWith('…')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Moment } from '../../../../src/domain/moments/moment.js';
import { LOCALES, messages } from '../../../../src/i18n/index.js';
import { validateMessageBlocks } from '../../../../src/sandbox/block-kit-rules.js';
import { buildHelp } from '../../../../src/slack/blocks/help.js';
import { buildReactionConfirmation, buildReactionNoText } from '../../../../src/slack/blocks/reactions.js';
import { ACTIONS } from '../../../../src/slack/ids.js';
import { parseOpenFormValue } from '../../../../src/slack/parsers/reaction-event.js';
import { momentFixture } from '../../../support/moment-values.js';

const moment = (overrides: Partial<Moment> = {}) =>
  momentFixture({
    colleagueIds: ['U1'],
    touchpoint: 'other',
    impact: 'small',
    story: `<!channel> ${'Stayed late to fix it. '.repeat(130)}…`,
    followUpUserId: 'UA',
    source: 'reaction',
    sourceTs: '1.000001',
    ...overrides,
  });

describe.each(LOCALES)('reaction Block Kit in %s', (locale) => {
  const m = messages(locale);

  it('builds confirmations Slack accepts for both kinds, with the cut-story note', () => {
    for (const item of [moment(), moment({ kind: 'complaint' })]) {
      const built = buildReactionConfirmation(m, item, 'star2', true);
      expect(validateMessageBlocks(built.blocks)).toEqual([]);
      expect(JSON.stringify(built)).not.toContain('<!channel>');
      expect(JSON.stringify(built)).toContain('3000');
    }
  });

  it('offers the form under a message without text, with a value the action parser reads back', () => {
    const built = buildReactionNoText(m, 'bulb', { kind: 'complaint', channelId: 'C1', ts: '1.000001' });
    expect(validateMessageBlocks(built.blocks)).toEqual([]);
    const actions = built.blocks.find((b) => b.type === 'actions');
    const button = actions?.type === 'actions' ? actions.elements[0] : undefined;
    expect(button?.action_id).toBe(ACTIONS.reactionOpenForm);
    expect(parseOpenFormValue(button?.type === 'button' ? button.value : undefined)).toEqual({
      kind: 'complaint',
      channelId: 'C1',
      ts: '1.000001',
    });
    expect(parseOpenFormValue('{"kind":"praise","channelId":"C1","ts":"1.1","authorId":"U1><!here>"}')).toBe(
      undefined,
    );
  });

  it('puts the reaction emoji and the invitation in the help, for members and admins', () => {
    for (const role of ['member', 'admin'] as const) {
      const help = buildHelp(m, role, {
        reactionEmoji: { praise: 'clap', complaint: 'bulb' },
        tags: ['own-it'],
      });
      expect(validateMessageBlocks(help.blocks)).toEqual([]);
      expect(JSON.stringify(help.blocks)).toContain(':clap:');
      expect(JSON.stringify(help.blocks)).toContain('/invite @culture');
      expect(JSON.stringify(help.blocks).includes('/culture reactions')).toBe(role === 'admin');
    }
  });
});

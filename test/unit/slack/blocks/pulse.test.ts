import { describe, expect, it } from 'vitest';
import type { Pulse } from '../../../../src/domain/pulse/pulse.js';
import type { PulseResults } from '../../../../src/domain/pulse/pulse-service.js';
import { validateMessageBlocks, validateView } from '../../../../src/sandbox/block-kit-rules.js';
import { buildPulseCard, buildPulseReminder } from '../../../../src/slack/blocks/pulse-card.js';
import { pulseSpeech } from '../../../../src/slack/blocks/pulse-common.js';
import { buildPulseAnswerModal, buildPulseNoticeModal } from '../../../../src/slack/blocks/pulse-modal.js';
import { buildPulseResults, packAnswers } from '../../../../src/slack/blocks/pulse-results.js';
import { buildPulseStatus } from '../../../../src/slack/blocks/pulse-status.js';
import { ACTIONS, BLOCKS, VIEWS } from '../../../../src/slack/ids.js';

const en = pulseSpeech('en', 'Europe/Paris');
const fr = pulseSpeech('fr', 'Europe/Paris');
const WJ = '\u2060';

const pulse: Pulse = {
  id: '6f1c2a5e-8d4b-4f7a-9c3e-2b1a0d9e8f7c',
  teamId: 'T1',
  channelId: 'C1',
  anonymous: true,
  status: 'open',
  createdBy: 'UMANAGER',
  scheduleId: null,
  openedAt: new Date('2026-11-23T09:00:00Z'),
  closesAt: new Date('2026-11-26T09:00:00Z'),
  remindAt: new Date('2026-11-25T09:00:00Z'),
  remindedAt: null,
  closedAt: null,
  closedBy: null,
  messageTs: '1.000100',
  resultsTs: null,
};

const json = (value: unknown) => JSON.stringify(value);
// biome-ignore lint/suspicious/noExplicitAny: walking Block Kit JSON in assertions.
const sectionTexts = (blocks: any[]) =>
  blocks.filter((b) => b.type === 'section').map((b) => b.text.text as string);

function shownResults(overrides: Partial<Extract<PulseResults, { shown: true }>> = {}): PulseResults {
  return {
    shown: true,
    pulse: { ...pulse, status: 'closed', closedAt: pulse.closesAt },
    count: 4,
    threshold: 3,
    scores: { count: 4, average: 7.5, distribution: [0, 0, 0, 0, 0, 1, 1, 1, 1, 0] },
    change: undefined,
    trend: [],
    texts: {
      vision: [{ text: 'Customer first.', respondentId: null }],
      motivation: [],
      human: [{ text: 'Lunch together <!channel> @here', respondentId: null }],
    },
    ...overrides,
  };
}

describe('the pulse card', () => {
  it('asks the four questions, says it is anonymous, when it closes, and has an Answer button', () => {
    const card = buildPulseCard(en, { pulse, count: 0, threshold: 3 });
    expect(validateMessageBlocks(card.blocks)).toEqual([]);
    const text = json(card.blocks);
    expect(text).toContain('Three-procedure pulse');
    expect(text).toContain('how full is our customer trust account?');
    expect(text).toContain('What is our company vision');
    expect(text).toContain('every customer contact becomes a pleasant memory');
    expect(text).toContain('make our work a human experience');
    expect(text).toContain('*Anonymous*');
    expect(text).toContain('from 3 answers');
    expect(text).toContain('No answers yet');
    expect(text).toContain('<!date^1795683600^{date_short} at {time}|26 Nov 2026 at 10:00>');
    const actions = card.blocks.find((b) => b.type === 'actions');
    expect(actions).toMatchObject({ elements: [{ action_id: ACTIONS.pulseAnswer, value: pulse.id }] });
  });

  it('speaks French, with French numbers and dates', () => {
    const card = buildPulseCard(fr, { pulse: { ...pulse, anonymous: false }, count: 1200, threshold: 3 });
    expect(validateMessageBlocks(card.blocks)).toEqual([]);
    const text = json(card.blocks);
    expect(text).toContain('Pulse des trois procédures');
    expect(text).toContain('quel est le niveau de notre « compte‑confiance » ?');
    expect(text).toContain('*Nominatif*');
    expect(text).toContain('1\u202f200 réponses pour l’instant');
    expect(text).toContain('le {date_short} à {time}|le 26 nov. 2026 à 10:00');
    expect(text).toContain('Répondre');
  });

  it('loses its button once closed and points to the results', () => {
    const card = buildPulseCard(en, {
      pulse: { ...pulse, status: 'closed', closedAt: pulse.closesAt },
      count: 1,
      threshold: 3,
    });
    expect(validateMessageBlocks(card.blocks)).toEqual([]);
    expect(card.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(json(card.blocks)).toContain('with 1 answer. The results are in the thread.');
  });

  it('never shows an erased starter’s hash as a mention', () => {
    const card = buildPulseCard(en, {
      pulse: { ...pulse, createdBy: 'erased:0123abcd' },
      count: 0,
      threshold: 3,
    });
    expect(json(card.blocks)).toContain('Started by someone whose data was erased');
    expect(json(card.blocks)).not.toContain('erased:0123abcd');
  });

  it('reminds the channel with the count and an Answer button', () => {
    const reminder = buildPulseReminder(fr, { pulse, count: 2 });
    expect(validateMessageBlocks(reminder.blocks)).toEqual([]);
    expect(json(reminder.blocks)).toContain('2 réponses pour l’instant');
    expect(json(reminder.blocks)).toContain(ACTIONS.pulseAnswer);
  });

  it('gives a status with the count and the threshold note, never a score', () => {
    const status = buildPulseStatus(en, { pulse, count: 2, threshold: 3 });
    expect(validateMessageBlocks(status.blocks)).toEqual([]);
    expect(status.text).toContain('*2 answers* so far');
    expect(json(status.blocks)).toContain('hidden until there are at least 3 answers, to protect anonymity');
    expect(json(buildPulseStatus(en, { pulse, count: 3, threshold: 3 }).blocks)).toContain(
      'posted in its thread',
    );
    expect(buildPulseStatus(fr, undefined).text).toContain('Aucun pulse n’est ouvert');
  });
});

describe('the answer modal', () => {
  it('has a required 1–10 select whose values are the numbers, and three optional 3000-character texts', () => {
    const view = buildPulseAnswerModal(en, {
      pulseId: pulse.id,
      anonymous: true,
      threshold: 3,
      prefill: undefined,
    });
    expect(validateView(view)).toEqual([]);
    expect(view.callback_id).toBe(VIEWS.pulseAnswer);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ pulseId: pulse.id });
    // biome-ignore lint/suspicious/noExplicitAny: walking Block Kit JSON.
    const inputs = view.blocks.filter((b) => b.type === 'input') as any[];
    expect(inputs.map((b) => b.block_id)).toEqual([
      BLOCKS.pulseScore,
      BLOCKS.pulseVision,
      BLOCKS.pulseMotivation,
      BLOCKS.pulseHuman,
    ]);
    expect(inputs[0].optional).toBeUndefined();
    expect(inputs[0].element.options.map((o: { value: string }) => o.value)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i + 1)),
    );
    for (const input of inputs.slice(1)) {
      expect(input.optional).toBe(true);
      expect(input.element).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3000 });
    }
    expect(json(view.blocks)).toContain('without your name and without the time');
  });

  it('opens prefilled for a named pulse', () => {
    const view = buildPulseAnswerModal(fr, {
      pulseId: pulse.id,
      anonymous: false,
      threshold: 3,
      prefill: { score: 7, vision: 'Le client d’abord', motivation: null, human: 'Déjeuner ensemble' },
    });
    expect(validateView(view)).toEqual([]);
    const text = json(view);
    expect(text).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"7","emoji":true},"value":"7"}',
    );
    expect(text).toContain('"initial_value":"Le client d’abord"');
    expect(text).toContain('Voici votre réponse');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
  });

  it('says things in a modal without a submit button', () => {
    const view = buildPulseNoticeModal(en, 'Closed.');
    expect(validateView(view)).toEqual([]);
    expect(view.submit).toBeUndefined();
  });
});

describe('the results post', () => {
  it('gives count, average, distribution and the first-pulse note, in English', () => {
    const post = buildPulseResults(en, shownResults());
    expect(validateMessageBlocks(post.blocks)).toEqual([]);
    expect(post.text).toBe('Pulse results: 4 answers, average trust score 7.5 / 10.');
    const text = sectionTexts(post.blocks).join('\n');
    expect(text).toContain('*4 answers* · average trust score *7.5* / 10');
    expect(text).toContain('first pulse with results');
    expect(text).toContain(' 9 │████████████████████ 1');
    expect(text).toContain(' 5 │ 0');
    expect(text).toContain('>Customer first.');
    expect(text).toContain('_No answer to this question._');
  });

  it('writes numbers and the change the French way', () => {
    const post = buildPulseResults(
      fr,
      shownResults({
        change: {
          previous: { ...pulse, openedAt: new Date('2026-11-02T09:00:00Z') },
          previousAverage: 7.8,
          delta: -0.3,
        },
      }),
    );
    expect(validateMessageBlocks(post.blocks)).toEqual([]);
    const text = sectionTexts(post.blocks).join('\n');
    expect(text).toContain('*4 réponses* · note de confiance moyenne *7,5* / 10');
    expect(text).toContain('7,8 / 10) : *\u22120,3*');
    expect(post.text).toBe('Résultats du pulse : 4 réponses, note de confiance moyenne 7,5 / 10.');
  });

  it('shows a rise with a plus sign', () => {
    const post = buildPulseResults(
      en,
      shownResults({ change: { previous: pulse, previousAverage: 6.9, delta: 0.6 } }),
    );
    expect(sectionTexts(post.blocks).join('\n')).toContain('6.9 / 10): *+0.6*');
  });

  it('never lets a broadcast mention out of an answer', () => {
    const text = json(buildPulseResults(en, shownResults()).blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toMatch(/(^|[^\u2060])@here/);
    expect(text).toContain(`@${WJ}channel`);
  });

  it('names people only in a named pulse', () => {
    const named = shownResults({
      pulse: { ...pulse, anonymous: false, status: 'closed' },
      texts: { vision: [{ text: 'Customer first.', respondentId: 'UANA' }], motivation: [], human: [] },
    });
    expect(json(buildPulseResults(en, named).blocks)).toContain('<@UANA>');
    expect(json(buildPulseResults(en, shownResults()).blocks)).not.toContain('<@');
  });

  it('stays within Slack’s limits with hundreds of long answers, and says how many are left out', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      text: `${i} ${'long answer '.repeat(250)}`,
      respondentId: null,
    }));
    const post = buildPulseResults(
      en,
      shownResults({ count: 300, texts: { vision: many, motivation: many, human: many } }),
    );
    expect(validateMessageBlocks(post.blocks)).toEqual([]);
    expect(post.blocks.length).toBeLessThanOrEqual(50);
    for (const text of sectionTexts(post.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    const more = json(post.blocks).match(/and (\d+) more/g) ?? [];
    expect(more).toHaveLength(3);
    expect(json(post.blocks)).toContain('/pulse export');
  });

  it('below the threshold, gives the count and why nothing else is shown', () => {
    const post = buildPulseResults(fr, { shown: false, pulse, count: 2, threshold: 3 });
    expect(validateMessageBlocks(post.blocks)).toEqual([]);
    expect(json(post.blocks)).toContain('clos avec *2 réponses*');
    expect(json(post.blocks)).toContain('à partir de 3 réponses');
    expect(json(post.blocks)).toContain('protéger l’anonymat');
    expect(json(post.blocks)).not.toContain('moyenne');
  });

  it('packs answers into a few sections and counts the rest', () => {
    expect(packAnswers(['a', 'b', 'c'], 2, 4)).toEqual({ sections: ['a\n\nb', 'c'], omitted: 0 });
    expect(packAnswers(['aa', 'bb', 'cc', 'dd'], 2, 3)).toEqual({ sections: ['aa', 'bb'], omitted: 2 });
    expect(packAnswers(['x'.repeat(10)], 1, 5).sections[0]?.length).toBeLessThanOrEqual(5);
  });
});

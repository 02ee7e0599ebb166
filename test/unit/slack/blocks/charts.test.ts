import { describe, expect, it } from 'vitest';
import { messages } from '../../../../src/i18n/index.js';
import { validateMessageBlocks } from '../../../../src/sandbox/block-kit-rules.js';
import {
  bankAccountChart,
  chartImageBlock,
  standardsChart,
  trustDistributionChart,
  trustTrendChart,
} from '../../../../src/slack/blocks/charts.js';

const en = messages('en');
const fr = messages('fr');

describe('chart pictures', () => {
  it('states every figure of the trust score spread in the alt text, in both languages', () => {
    const data = { answers: '12 answers', average: 7.25, distribution: [0, 0, 1, 0, 2, 3, 0, 4, 1, 1] };
    const chart = trustDistributionChart(en, 'en', data);
    expect(chart.alt).toContain('from 12 answers, average 7.3');
    expect(chart.alt).toContain('1: 0, 2: 0, 3: 1, 4: 0, 5: 2, 6: 3, 7: 0, 8: 4, 9: 1, 10: 1');
    const french = trustDistributionChart(fr, 'fr', { ...data, answers: '12 réponses' });
    expect(french.alt).toContain('sur 12 réponses, moyenne 7,3');
    expect(french.alt).toContain('8: 4');
    expect(french.title).toBe('Note de confiance : répartition des réponses');
  });

  it('names each pulse of the trend once, even two on one day', () => {
    const chart = trustTrendChart(en, 'en', [
      { label: '2 Nov', average: 6.5 },
      { label: '2 Nov', average: 7 },
      { label: '9 Nov', average: 8.25 },
    ]);
    expect(chart.alt).toContain('latest 3 pulses');
    expect(chart.alt).toContain('2 Nov: 6.5, 2 Nov (2): 7.0, 9 Nov: 8.3');
    expect(JSON.stringify(chart.spec)).toContain('2 Nov (2)');
  });

  it('gives credits, debits and a signed balance for each week of the bank account', () => {
    const weeks = [
      { label: '2 Nov', credits: 5, debits: 2, balance: 3 },
      { label: '9 Nov', credits: 1, debits: 1200, balance: -1199 },
    ];
    expect(bankAccountChart(en, 'en', weeks).alt).toContain(
      'week of 2 Nov: credits 5, debits 2, balance 3; week of 9 Nov: credits 1, debits 1,200, balance \u22121,199',
    );
    expect(bankAccountChart(fr, 'fr', weeks).alt).toContain('débits 1\u202f200, solde \u22121\u202f199');
  });

  it('lists honoured and missed for each standard', () => {
    const rows = [
      { tag: 'same-day', honoured: 3, missed: 0 },
      { tag: 'follow-up', honoured: 1, missed: 2 },
    ];
    expect(standardsChart(en, 'en', rows).alt).toContain(
      '#same-day honoured 3, missed 0; #follow-up honoured 1, missed 2',
    );
    expect(standardsChart(fr, 'fr', rows).alt).toContain('#follow-up honoré 1, manqué 2');
  });

  it('shows an uploaded chart in an image block that passes Block Kit checks', () => {
    const chart = trustDistributionChart(en, 'en', {
      answers: '3 answers',
      average: 5,
      distribution: [0, 0, 0, 0, 3, 0, 0, 0, 0, 0],
    });
    const block = chartImageBlock('F0CHART', chart);
    expect(block).toMatchObject({ type: 'image', slack_file: { id: 'F0CHART' }, alt_text: chart.alt });
    expect(validateMessageBlocks([block])).toEqual([]);
    expect(validateMessageBlocks([{ ...block, image_url: 'https://example.com/a.png' }])).not.toEqual([]);
  });
});

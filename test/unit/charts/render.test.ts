import { describe, expect, it } from 'vitest';
import { drawChartSvg } from '../../../src/charts/draw.js';
import { renderChartPng } from '../../../src/charts/render.js';
import {
  bankAccountSpec,
  CHART_HEIGHT,
  CHART_WIDTH,
  distributionSpec,
  standardsSpec,
  trendSpec,
} from '../../../src/charts/specs.js';
import { decodePng } from '../../support/charts.js';

const distribution = (values: number[]) =>
  distributionSpec({
    locale: 'en',
    title: 'Trust',
    scoreAxis: 'Score',
    countAxis: 'Answers',
    distribution: values,
  });

const specs = {
  distribution: distribution([0, 0, 1, 0, 2, 3, 5, 4, 2, 1]),
  trend: trendSpec({
    locale: 'fr',
    title: 'Moyenne',
    valueAxis: 'Moyenne',
    domain: [1, 10],
    points: [
      { label: '2 nov.', value: 6.5 },
      { label: '9 nov.', value: 7.3 },
    ],
  }),
  bank: bankAccountSpec({
    locale: 'en',
    title: 'Bank',
    pointsAxis: 'Points',
    creditsLabel: 'Credits',
    debitsLabel: 'Debits',
    balanceLabel: 'Balance',
    weeks: [
      { label: '2 Nov', credits: 5, debits: 2, balance: 3 },
      { label: '9 Nov', credits: 1, debits: 4, balance: -3 },
    ],
  }),
  standards: standardsSpec({
    locale: 'en',
    title: 'Standards',
    countAxis: 'Stories',
    honouredLabel: 'Honoured',
    missedLabel: 'Missed',
    rows: [{ tag: 'same-day', honoured: 3, missed: 1 }],
  }),
};

describe('chart rendering', () => {
  it.each(Object.entries(specs))('draws the %s chart as a whole PNG of 800 × 400', async (_name, spec) => {
    const png = decodePng(await renderChartPng(spec));
    expect({ width: png.width, height: png.height }).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    // Not a blank card: more than one colour was drawn.
    expect(new Set(png.pixels).size).toBeGreaterThan(2);
  });

  it('draws the same data the same way, and different data differently', async () => {
    const a = await renderChartPng(distribution([0, 0, 0, 0, 0, 1, 1, 1, 1, 0]));
    const again = await renderChartPng(distribution([0, 0, 0, 0, 0, 1, 1, 1, 1, 0]));
    const b = await renderChartPng(distribution([0, 0, 0, 0, 0, 1, 1, 1, 2, 0]));
    expect(a.equals(again)).toBe(true);
    expect(decodePng(a).pixels.equals(decodePng(b).pixels)).toBe(false);
  });

  it('writes numbers the language’s way and its words as given', async () => {
    const svg = await drawChartSvg(specs.trend);
    expect(svg).toContain('6,5');
    expect(svg).toContain('7,3');
    expect(svg).toContain('9 nov.');
    expect(await drawChartSvg(specs.standards)).toContain('#same-day');
  });
});

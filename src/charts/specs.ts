/**
 * Chart descriptions: plain data in, a Vega-Lite spec out. Pure, so each chart is tested without
 * drawing it. Words (titles, axis names, legend entries) come in from the caller in the reader's
 * language; numbers are formatted by Vega with the language's locale (7.5 / 7,5).
 */
import type { TopLevelSpec } from 'vega-lite';

export type ChartLocale = 'en' | 'fr';

/** Slack shows an image up to about 800 pixels wide in a message; 2:1 leaves the text readable on a phone. */
export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;

/**
 * Okabe–Ito colours: told apart by readers with any of the common colour-vision deficiencies,
 * and paired with position or a line (never colour alone) in every chart below.
 */
export const CHART_COLOURS = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  orange: '#E69F00',
  ink: '#1D1C1D',
  muted: '#616061',
  grid: '#DDDDDD',
  background: '#FFFFFF',
} as const;

/** The font file shipped with the renderer; the spec names it so the SVG and the rasteriser agree. */
export const CHART_FONT = 'DejaVu Sans';

interface NumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
}

const NUMBER_LOCALES: Record<ChartLocale, NumberLocale> = {
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['', ''] },
  // French writes 7,5 and groups thousands with a narrow no-break space.
  fr: { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', ''] },
};

/**
 * One look for every chart. The background is an opaque white card: the picture then reads the
 * same in Slack's light and dark themes (a transparent one would put dark text on a dark sidebar).
 */
function frame(locale: ChartLocale, title: string) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 16,
    background: CHART_COLOURS.background,
    title: { text: title, anchor: 'start', fontSize: 18, color: CHART_COLOURS.ink, offset: 12 },
    config: {
      locale: { number: NUMBER_LOCALES[locale] },
      font: CHART_FONT,
      view: { stroke: null },
      axis: {
        labelColor: CHART_COLOURS.ink,
        titleColor: CHART_COLOURS.muted,
        labelFontSize: 13,
        titleFontSize: 13,
        gridColor: CHART_COLOURS.grid,
        domainColor: CHART_COLOURS.muted,
        tickColor: CHART_COLOURS.muted,
      },
      legend: {
        labelColor: CHART_COLOURS.ink,
        titleColor: CHART_COLOURS.muted,
        labelFontSize: 13,
        orient: 'top',
        direction: 'horizontal',
      },
    },
  } as const;
}

export interface DistributionChart {
  locale: ChartLocale;
  title: string;
  scoreAxis: string;
  countAxis: string;
  /** Answers per score, index 0 = score 1 … index 9 = score 10. */
  distribution: readonly number[];
}

/** The 1–10 trust scores as bars, each labelled with its count. */
export function distributionSpec(chart: DistributionChart): TopLevelSpec {
  const values = chart.distribution.map((count, i) => ({ score: i + 1, count }));
  const x = {
    field: 'score',
    type: 'ordinal',
    title: chart.scoreAxis,
    scale: { domain: values.map((v) => v.score) },
    axis: { labelAngle: 0 },
  } as const;
  return {
    ...frame(chart.locale, chart.title),
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: CHART_COLOURS.blue, cornerRadiusEnd: 3 },
        encoding: {
          x,
          y: {
            field: 'count',
            type: 'quantitative',
            title: chart.countAxis,
            axis: { format: 'd', tickMinStep: 1 },
          },
        },
      },
      {
        mark: { type: 'text', dy: -8, color: CHART_COLOURS.ink, fontSize: 13 },
        encoding: {
          x,
          y: { field: 'count', type: 'quantitative' },
          text: { field: 'count', type: 'quantitative', format: 'd' },
        },
      },
    ],
  } as TopLevelSpec;
}

export interface TrendChart {
  locale: ChartLocale;
  title: string;
  valueAxis: string;
  /** Oldest first; `label` is how the reader names the point (a date in their language). */
  points: readonly { label: string; value: number }[];
  /** The axis' fixed range (the trust score is 1–10), so two charts compare at a glance. */
  domain: readonly [number, number];
}

/**
 * Averages over time as a line with a labelled point each (one decimal, the language's way).
 * Point labels must be distinct: the axis has one place per label.
 */
export function trendSpec(chart: TrendChart): TopLevelSpec {
  const values = chart.points.map((p) => ({ label: p.label, value: p.value }));
  const x = {
    field: 'label',
    type: 'ordinal',
    title: null,
    scale: { domain: values.map((v) => v.label) },
    axis: { labelAngle: 0 },
  } as const;
  const y = {
    field: 'value',
    type: 'quantitative',
    title: chart.valueAxis,
    scale: { domain: [...chart.domain] },
  } as const;
  return {
    ...frame(chart.locale, chart.title),
    data: { values },
    encoding: { x, y },
    layer: [
      { mark: { type: 'line', color: CHART_COLOURS.blue, strokeWidth: 3 } },
      { mark: { type: 'point', filled: true, size: 90, color: CHART_COLOURS.blue } },
      {
        mark: { type: 'text', dy: -14, color: CHART_COLOURS.ink, fontSize: 13 },
        encoding: { text: { field: 'value', type: 'quantitative', format: '.1f' } },
      },
    ],
  } as TopLevelSpec;
}

export interface BankAccountChart {
  locale: ChartLocale;
  title: string;
  pointsAxis: string;
  creditsLabel: string;
  debitsLabel: string;
  balanceLabel: string;
  /** Oldest first. Debits are positive numbers; the chart draws them below zero. */
  weeks: readonly { label: string; credits: number; debits: number; balance: number }[];
}

/**
 * The emotional bank account week by week: credits rise above zero, debits hang below it, and
 * the balance is a line across them. Credits and debits differ by colour *and* side of the axis.
 */
export function bankAccountSpec(chart: BankAccountChart): TopLevelSpec {
  const bars = chart.weeks.flatMap((w) => [
    { week: w.label, series: chart.creditsLabel, points: w.credits },
    { week: w.label, series: chart.debitsLabel, points: -w.debits },
  ]);
  const line = chart.weeks.map((w) => ({ week: w.label, series: chart.balanceLabel, points: w.balance }));
  const x = {
    field: 'week',
    type: 'ordinal',
    title: null,
    scale: { domain: chart.weeks.map((w) => w.label) },
    axis: { labelAngle: 0 },
  } as const;
  const y = {
    field: 'points',
    type: 'quantitative',
    title: chart.pointsAxis,
    axis: { format: 'd', tickMinStep: 1 },
  } as const;
  const colour = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: {
      domain: [chart.creditsLabel, chart.debitsLabel, chart.balanceLabel],
      range: [CHART_COLOURS.blue, CHART_COLOURS.vermillion, CHART_COLOURS.ink],
    },
  } as const;
  return {
    ...frame(chart.locale, chart.title),
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar', opacity: 0.9 },
        encoding: { x, y, color: colour },
      },
      {
        data: { values: line },
        mark: { type: 'line', strokeWidth: 3, point: { filled: true, size: 70 } },
        encoding: { x, y, color: colour },
      },
      {
        data: { values: line },
        mark: { type: 'text', dy: -14, fontSize: 13, color: CHART_COLOURS.ink },
        encoding: { x, y, text: { field: 'points', type: 'quantitative', format: 'd' } },
      },
    ],
  } as TopLevelSpec;
}

export interface StandardsChart {
  locale: ChartLocale;
  title: string;
  countAxis: string;
  honouredLabel: string;
  missedLabel: string;
  rows: readonly { tag: string; honoured: number; missed: number }[];
}

/** Honoured against missed for each standard cited this week, side by side per standard. */
export function standardsSpec(chart: StandardsChart): TopLevelSpec {
  const values = chart.rows.flatMap((row) => [
    { tag: `#${row.tag}`, series: chart.honouredLabel, count: row.honoured },
    { tag: `#${row.tag}`, series: chart.missedLabel, count: row.missed },
  ]);
  return {
    ...frame(chart.locale, chart.title),
    data: { values },
    mark: { type: 'bar', cornerRadiusEnd: 3 },
    encoding: {
      y: {
        field: 'tag',
        type: 'nominal',
        title: null,
        scale: { domain: chart.rows.map((r) => `#${r.tag}`) },
      },
      yOffset: { field: 'series', sort: [chart.honouredLabel, chart.missedLabel] },
      x: {
        field: 'count',
        type: 'quantitative',
        title: chart.countAxis,
        axis: { format: 'd', tickMinStep: 1 },
      },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: {
          domain: [chart.honouredLabel, chart.missedLabel],
          range: [CHART_COLOURS.blue, CHART_COLOURS.orange],
        },
      },
    },
  } as TopLevelSpec;
}

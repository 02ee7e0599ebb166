/**
 * The pictures the bot shows, described in the reader's language: for each chart, its Vega-Lite
 * spec (drawn later by src/charts) and the alt text that states every figure it draws. Pure:
 * data in, descriptions out. A chart never shows more than the text beside it already does, so
 * callers build one only where the figures themselves are shown (pulse anonymity threshold).
 */
import type { types } from '@slack/bolt';
import type { TopLevelSpec } from 'vega-lite';
import { bankAccountSpec, distributionSpec, standardsSpec, trendSpec } from '../../charts/specs.js';
import { formatNumber, type Locale, type Messages } from '../../i18n/index.js';
import { truncate } from '../mrkdwn.js';

/** Slack's limit for an image block's alt text (and title). */
export const IMAGE_ALT_MAX = 2000;

export interface ChartPicture {
  spec: TopLevelSpec;
  /** Every figure of the chart in words, for screen readers and people with images off. */
  alt: string;
  title: string;
  filename: string;
}

function picture(spec: TopLevelSpec, alt: string, title: string, filename: string): ChartPicture {
  return { spec, alt: truncate(alt, IMAGE_ALT_MAX), title: truncate(title, IMAGE_ALT_MAX), filename };
}

function signedPoints(locale: Locale, value: number): string {
  const size = formatNumber(locale, Math.abs(value));
  return value < 0 ? `\u2212${size}` : size;
}

/** The 1–10 spread of one pulse's trust scores. */
export function trustDistributionChart(
  m: Messages,
  locale: Locale,
  data: { answers: string; average: number; distribution: readonly number[] },
): ChartPicture {
  const spread = data.distribution.map((n, i) => `${i + 1}: ${formatNumber(locale, n)}`).join(', ');
  return picture(
    distributionSpec({
      locale,
      title: m.chartTrustTitlePlain,
      scoreAxis: m.chartScoreAxisPlain,
      countAxis: m.chartAnswersAxisPlain,
      distribution: data.distribution,
    }),
    m.chartTrustAlt({ answers: data.answers, average: formatNumber(locale, data.average, 1), spread }),
    m.chartTrustTitlePlain,
    'trust-score.png',
  );
}

/**
 * The average trust score of a channel's latest pulses, oldest first. `label` names each pulse
 * (its day); two pulses on one day get a counter so each keeps its own place on the axis.
 */
export function trustTrendChart(
  m: Messages,
  locale: Locale,
  points: readonly { label: string; average: number }[],
): ChartPicture {
  const seen = new Map<string, number>();
  const distinct = points.map((p) => {
    const n = (seen.get(p.label) ?? 0) + 1;
    seen.set(p.label, n);
    return { label: n > 1 ? `${p.label} (${n})` : p.label, value: p.average };
  });
  const described = distinct.map((p) => `${p.label}: ${formatNumber(locale, p.value, 1)}`).join(', ');
  return picture(
    trendSpec({
      locale,
      title: m.chartTrendTitlePlain,
      valueAxis: m.chartAverageAxisPlain,
      points: distinct,
      domain: [1, 10],
    }),
    m.chartTrendAlt({ count: formatNumber(locale, points.length), points: described }),
    m.chartTrendTitlePlain,
    'trust-trend.png',
  );
}

/** Credits, debits and the balance of the emotional bank account, week by week, oldest first. */
export function bankAccountChart(
  m: Messages,
  locale: Locale,
  weeks: readonly { label: string; credits: number; debits: number; balance: number }[],
): ChartPicture {
  const described = weeks
    .map((w) =>
      m.chartBankWeek({
        week: w.label,
        credits: formatNumber(locale, w.credits),
        debits: formatNumber(locale, w.debits),
        balance: signedPoints(locale, w.balance),
      }),
    )
    .join('; ');
  return picture(
    bankAccountSpec({
      locale,
      title: m.chartBankTitlePlain,
      pointsAxis: m.chartPointsAxisPlain,
      creditsLabel: m.chartCreditsPlain,
      debitsLabel: m.chartDebitsPlain,
      balanceLabel: m.chartBalancePlain,
      weeks,
    }),
    m.chartBankAlt({ count: formatNumber(locale, weeks.length), weeks: described }),
    m.chartBankTitlePlain,
    'bank-account.png',
  );
}

/** Honoured against missed for each standard cited in a week. */
export function standardsChart(
  m: Messages,
  locale: Locale,
  rows: readonly { tag: string; honoured: number; missed: number }[],
): ChartPicture {
  const described = rows
    .map((r) =>
      m.chartStandardRow({
        tag: r.tag,
        honoured: formatNumber(locale, r.honoured),
        missed: formatNumber(locale, r.missed),
      }),
    )
    .join('; ');
  return picture(
    standardsSpec({
      locale,
      title: m.chartStandardsTitlePlain,
      countAxis: m.chartStoriesAxisPlain,
      honouredLabel: m.chartHonouredPlain,
      missedLabel: m.chartMissedPlain,
      rows,
    }),
    m.chartStandardsAlt({ rows: described }),
    m.chartStandardsTitlePlain,
    'standards.png',
  );
}

/** An uploaded chart shown in a message or a view: Slack draws it from the file we uploaded. */
export function chartImageBlock(
  fileId: string,
  chart: Pick<ChartPicture, 'alt' | 'title'>,
): types.ImageBlock {
  return {
    type: 'image',
    slack_file: { id: fileId },
    alt_text: chart.alt,
    title: { type: 'plain_text', text: chart.title },
  };
}

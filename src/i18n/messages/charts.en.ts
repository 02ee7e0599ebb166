/**
 * Charts: their titles, axis and legend words (plain: drawn into the picture) and their alt
 * text, which states the figures for screen readers and for people who turn images off.
 * Numbers arrive already written the way the language writes them.
 */
export const chartsEn = {
  chartTrustTitlePlain: 'Trust score: how the answers spread',
  chartScoreAxisPlain: 'Score',
  chartAnswersAxisPlain: 'Answers',
  chartTrustAlt: (p: { answers: string; average: string; spread: string }) =>
    `Bar chart of the trust score from ${p.answers}, average ${p.average}. Answers per score: ${p.spread}.`,
  chartTrendTitlePlain: 'Average trust score, latest pulses in this channel',
  chartAverageAxisPlain: 'Average',
  chartTrendAlt: (p: { count: string; points: string }) =>
    `Line chart of the average trust score of the latest ${p.count} pulses in this channel, oldest first: ${p.points}.`,
  chartBankTitlePlain: 'Emotional bank account, week by week',
  chartPointsAxisPlain: 'Points',
  chartCreditsPlain: 'Credits',
  chartDebitsPlain: 'Debits',
  chartBalancePlain: 'Balance',
  chartBankWeek: (p: { week: string; credits: string; debits: string; balance: string }) =>
    `week of ${p.week}: credits ${p.credits}, debits ${p.debits}, balance ${p.balance}`,
  chartBankAlt: (p: { count: string; weeks: string }) =>
    `Chart of the emotional bank account over the last ${p.count} weeks, oldest first: ${p.weeks}.`,
  chartStandardsTitlePlain: 'Service standards this week',
  chartStoriesAxisPlain: 'Stories',
  chartHonouredPlain: 'Honoured',
  chartMissedPlain: 'Missed',
  chartStandardRow: (p: { tag: string; honoured: string; missed: string }) =>
    `#${p.tag} honoured ${p.honoured}, missed ${p.missed}`,
  chartStandardsAlt: (p: { rows: string }) =>
    `Bar chart of the service standards cited this week: ${p.rows}.`,
};

import type { chartsEn } from './charts.en.js';

export const chartsFr: typeof chartsEn = {
  chartTrustTitlePlain: 'Note de confiance : répartition des réponses',
  chartScoreAxisPlain: 'Note',
  chartAnswersAxisPlain: 'Réponses',
  chartTrustAlt: (p) =>
    `Diagramme en barres de la note de confiance sur ${p.answers}, moyenne ${p.average}. Réponses par note : ${p.spread}.`,
  chartTrendTitlePlain: 'Note de confiance moyenne, derniers pulses de ce canal',
  chartAverageAxisPlain: 'Moyenne',
  chartTrendAlt: (p) =>
    `Courbe de la note de confiance moyenne des ${p.count} derniers pulses de ce canal, du plus ancien au plus récent : ${p.points}.`,
  chartBankTitlePlain: 'Compte bancaire émotionnel, semaine après semaine',
  chartPointsAxisPlain: 'Points',
  chartCreditsPlain: 'Crédits',
  chartDebitsPlain: 'Débits',
  chartBalancePlain: 'Solde',
  chartBankWeek: (p) => `semaine du ${p.week} : crédits ${p.credits}, débits ${p.debits}, solde ${p.balance}`,
  chartBankAlt: (p) =>
    `Graphique du compte bancaire émotionnel des ${p.count} dernières semaines, de la plus ancienne à la plus récente : ${p.weeks}.`,
  chartStandardsTitlePlain: 'Standards de service cette semaine',
  chartStoriesAxisPlain: 'Histoires',
  chartHonouredPlain: 'Honorés',
  chartMissedPlain: 'Manqués',
  chartStandardRow: (p) => `#${p.tag} honoré ${p.honoured}, manqué ${p.missed}`,
  chartStandardsAlt: (p) => `Diagramme en barres des standards de service cités cette semaine : ${p.rows}.`,
};

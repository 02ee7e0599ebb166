import type { digestEn } from './digest.en.js';

export const digestFr: typeof digestEn = {
  digestHelpPreview: '`/digest preview` : la semaine en cours, pour vous seul·e.',
  digestHelpPost: '`/digest post` : publier le bilan de la semaine dans ce canal.',
  digestUsage: 'Utilisation : `/digest preview` (vous seul·e le voyez) ou `/digest post` (dans ce canal).',
  digestTitle: (p) => `Bilan de la semaine · ${p.from} – ${p.to}`,
  digestPreviewNote: 'Aperçu de la semaine en cours : vous seul·e le voyez.',
  digestBank: (p) =>
    `*Compte émotionnel :* ${p.credits} de crédits, ${p.debits} de débits, solde *${p.balance}*`,
  digestBankChange: (p) => `${p.change} par rapport à la semaine dernière`,
  digestPulse: (p) =>
    `*Score de confiance* du pulse de la semaine : *${p.average}*/10 (${p.answers} réponses).`,
  digestRecognitionTitle: (p) =>
    `:star2: *Reconnaissance :* ${p.count} ${p.count === 1 ? 'éloge' : 'éloges'}`,
  digestRecognised: (p) => `Merci ${p.people} !`,
  digestMorePeople: (p) => `et ${p.count} de plus`,
  digestPraiseStory: (p) => `*${p.colleagues}*, noté par ${p.author} (${p.impact})`,
  digestMoreStories: (p) => `…et ${p.count} ${p.count === 1 ? 'autre histoire' : 'autres histoires'}.`,
  digestLearningTitle: (p) =>
    `:bulb: *Apprentissage :* ${p.count} ${p.count === 1 ? 'réclamation' : 'réclamations'}, ${p.resolved} ${p.resolved === 1 ? 'résolue' : 'résolues'}`,
  digestTouchpoint: (p) =>
    `*${p.touchpoint}* · ${p.count} (${p.resolved} ${p.resolved === 1 ? 'résolue' : 'résolues'})`,
  digestLesson: (p) => `_Ce que nous avons appris :_ ${p.lesson}`,
  digestNoLesson: (p) => `_Pas encore de leçon_ · suivi : ${p.owner}`,
  digestMissingLessons: (p) =>
    `${p.count} ${p.count === 1 ? 'réclamation attend' : 'réclamations attendent'} la leçon tirée. ` +
    'Responsables du suivi : ajoutez-la avec le bouton, pour que chacun apprenne.',
  digestAddLesson: 'Ajouter la leçon tirée',
  digestStandardsTitle: '*Standards de service*',
  digestStandardLine: (p) => `• *#${p.tag}* · respecté ${p.honoured} · manqué ${p.missed}`,
  digestTrainingFocus: (p) => `:dart: *Priorité de formation cette semaine : #${p.tag}* · ${p.line}`,
  digestFocusLessons: '_Ce que nous avons appris sur ces plaintes :_',
  digestFocusExample: (p) => `*L’exemple à suivre :* ${p.colleagues}, noté par ${p.author}`,
  digestFocusExampleAnonymous: (p) => `*L’exemple à suivre*, noté par ${p.author}`,
  digestEmpty:
    'Pas encore d’histoire client cette semaine. Qui a ravi un client ? Dites-le avec `/praise`. ' +
    'Un client déçu ? `/complaint` nous aide à apprendre ensemble, sans reproche.',
  digestInvite:
    'Chaque contact peut devenir un souvenir agréable. Notez la prochaine histoire avec `/praise` ou `/complaint`.',
  digestPosted: 'Le bilan est publié dans ce canal.',
};

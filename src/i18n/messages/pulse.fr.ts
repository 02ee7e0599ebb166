import type { pulseEn } from './pulse.en.js';

export const pulseFr: typeof pulseEn = {
  pulseScoreQuestionPlain:
    'Sur une échelle de 1 à 10 (1 le minimum, 10 le maximum), quel est le niveau de notre « compte‑confiance » ?',
  pulseVisionQuestionPlain:
    'Quelle est notre vision d’entreprise, notre déclaration de vision centrée sur la satisfaction du client ?',
  pulseMotivationQuestionPlain:
    'Comment inciter nos managers à motiver leurs collaborateurs pour que chaque contact client devienne un souvenir agréable ?',
  pulseHumanQuestionPlain:
    'Que pouvons-nous faire, individuellement et collectivement, pour faire de notre activité une expérience humaine ?',

  pulseDatePattern: 'le {date_short} à {time}',
  pulseDateFallback: (p) => `le ${p.date} à ${p.time}`,
  pulseAnswers: (p) => (p.count <= 1 ? `${p.n} réponse` : `${p.n} réponses`),

  pulseCardTitlePlain: 'Pulse des trois procédures',
  pulseCardIntro:
    'Quel est le niveau du *compte‑confiance* de nos clients, et que fera chacun de nous pour le remplir ? ' +
    'Deux minutes, quatre questions :',
  pulseCardAnonymous: (p) =>
    `:lock: *Anonyme* : votre nom n’est jamais enregistré avec votre réponse, et les résultats ne sont montrés qu’à partir de ${p.threshold} réponses.`,
  pulseCardNamed:
    ':bust_in_silhouette: *Nominatif* : votre nom apparaît avec votre réponse ; vous pouvez la modifier jusqu’à la clôture.',
  pulseCardCloses: (p) => `Clôture ${p.when}`,
  pulseCardSoFar: (p) => `${p.answers} pour l’instant`,
  pulseCardNoAnswers: 'Aucune réponse pour l’instant : soyez le premier',
  pulseCardStartedBy: (p) => `Lancé par <@${p.user}>`,
  pulseCardStartedByErased: 'Lancé par une personne dont les données ont été effacées',
  pulseCardRecurring: 'Pulse récurrent',
  pulseCardClosed: (p) => `*Clos* ${p.when} avec ${p.answers}. Les résultats sont dans le fil.`,
  pulseAnswerButtonPlain: 'Répondre',
  pulseCardText: (p) => `Pulse des trois procédures : répondez en deux minutes (clôture ${p.when}).`,
  pulseCardClosedText: 'Pulse des trois procédures : clos. Les résultats sont dans le fil.',

  pulseReminder: (p) =>
    `:hourglass_flowing_sand: *Rappel* : le pulse des trois procédures se termine ${p.when}, ${p.answers} pour l’instant. ` +
    'Si vous n’avez pas encore répondu, cela prend deux minutes.',
  pulseReminderText: 'Rappel : le pulse des trois procédures se termine bientôt.',

  pulseModalTitlePlain: 'Pulse de service',
  pulseModalSubmitPlain: 'Envoyer',
  pulseModalCancelPlain: 'Annuler',
  pulseModalClosePlain: 'Fermer',
  pulseModalAnonymous: (p) =>
    ':lock: *Anonyme* : votre réponse est enregistrée sans votre nom ni l’heure, ' +
    `et les résultats ne sont montrés qu’à partir de ${p.threshold} réponses. Seule la note est obligatoire.`,
  pulseModalNamed:
    ':bust_in_silhouette: *Nominatif* : votre nom apparaît avec votre réponse. Seule la note est obligatoire.',
  pulseModalPrefilled: 'Voici votre réponse : modifiez ce que vous voulez et renvoyez-la.',
  pulseScorePlaceholderPlain: 'Choisissez une note',
  pulseScoreLowestPlain: '1 : le minimum',
  pulseScoreHighestPlain: '10 : le maximum',
  pulseTextPlaceholderPlain: 'Facultatif : quelques mots suffisent',
  pulseErrorScore: 'Choisissez une note de 1 à 10.',
  pulseErrorTooLong: (p) => `Tenez-vous-en à ${p.max} caractères (celle-ci en compte ${p.length}).`,
  pulseThanksAnonymous: ':raised_hands: *Merci !* Votre réponse est enregistrée, sans votre nom.',
  pulseThanksNamed:
    ':raised_hands: *Merci !* Votre réponse est enregistrée. Vous pouvez la modifier jusqu’à la clôture.',
  pulseThanksUpdated: ':white_check_mark: Votre réponse est mise à jour.',
  pulseAlreadyAnswered: 'Vous avez déjà répondu à ce pulse : chacun répond une fois. Merci !',
  pulseModalClosed:
    'Ce pulse est clos : il ne prend plus de réponses. Les résultats sont dans le fil du message.',
  pulseModalNotFound: 'Ce pulse n’existe plus.',

  pulseUsage:
    'Utilisation : `/pulse start [named] [jours]` (anonyme et 3 jours sauf indication contraire), ' +
    '`/pulse status`, `/pulse close`, `/pulse export`.',
  pulseStartUsage:
    'Utilisation : `/pulse start [named] [jours]`, par exemple `/pulse start` (anonyme, 3 jours) ou ' +
    '`/pulse start named 5`. De 1 à 30 jours.',
  pulseStarted: (p) =>
    `Votre pulse est ouvert ; il se termine ${p.when}. Je le rappellerai au canal la veille, puis je publierai les résultats dans son fil.`,
  pulseStartedNoReminder: (p) =>
    `Votre pulse est ouvert ; il se termine ${p.when}. Je publierai alors les résultats dans son fil.`,
  pulseAlreadyOpen: (p) =>
    `Un pulse est déjà ouvert dans ce canal (<${p.link}|le voir>) ; il se termine ${p.when}. ` +
    'Clôturez-le d’abord avec `/pulse close` pour en lancer un autre.',
  pulseAlreadyOpenNoLink: (p) =>
    `Un pulse est déjà ouvert dans ce canal ; il se termine ${p.when}. Clôturez-le d’abord avec \`/pulse close\` pour en lancer un autre.`,
  pulseNotAChannel: 'Lancez `/pulse start` dans le canal dont vous voulez interroger les membres.',
  pulseNotInChannel:
    'Je ne suis pas membre de ce canal. Invitez-moi avec `/invite @culture`, puis réessayez.',
  pulseStatusOpen: (p) => `Le pulse de ce canal a *${p.answers}* pour l’instant et se termine ${p.when}.`,
  pulseStatusHidden: (p) =>
    `Les résultats restent masqués tant qu’il n’y a pas au moins ${p.threshold} réponses, pour protéger l’anonymat.`,
  pulseStatusShownAtClose:
    'Les résultats seront publiés dans son fil à la clôture. Les notes restent masquées tant qu’il est ouvert : ' +
    'les voir bouger réponse après réponse dirait qui a répondu quoi.',
  pulseStatusNone: 'Aucun pulse n’est ouvert dans ce canal. Lancez-en un avec `/pulse start`.',
  pulseCloseNone: 'Aucun pulse n’est ouvert dans ce canal.',
  pulseClosedByYou: 'Le pulse est clos. Les résultats sont dans son fil.',
  pulseClosedResultsLater:
    'Le pulse est clos et ne prend plus de réponses, mais ses résultats n’ont pas pu être publiés : Slack ' +
    'n’a pas accepté le message. Je réessaie dans quelques minutes ; les résultats seront alors dans son fil.',
  pulseExportNone:
    'Ce canal n’a pas encore de pulse clos à exporter. Lancez `/pulse export` dans le canal du pulse.',
  pulseExportBelowThreshold: (p) =>
    `Le dernier pulse a été clos avec ${p.answers}, moins de ${p.threshold} : ses réponses restent masquées ` +
    'pour protéger l’anonymat, export compris.',
  pulseExportSent:
    'Je vous ai envoyé les réponses du dernier pulse clos dans un fichier CSV, en message direct.',
  pulseExportComment: (p) =>
    `Les réponses du pulse de <#${p.channel}> clos ${p.when} (${p.answers}), dans un ordre aléatoire.`,
  pulseCsvRespondentPlain: 'répondant',
  pulseCsvScorePlain: 'note de confiance (1-10)',
  pulseCsvVisionPlain: 'Q1 vision',
  pulseCsvMotivationPlain: 'Q2 managers et souvenirs agréables',
  pulseCsvHumanPlain: 'Q3 expérience humaine',

  pulseResultsTitlePlain: 'Résultats du pulse',
  pulseResultsSummary: (p) => `*${p.answers}* · note de confiance moyenne *${p.average}* / 10`,
  pulseResultsChange: (p) =>
    `Évolution depuis le pulse précédent (${p.when} : ${p.previous} / 10) : *${p.delta}*`,
  pulseResultsFirst: 'Premier pulse avec résultats dans ce canal : le prochain montrera l’évolution.',
  pulseResultsDistribution: '*Répartition des notes* (note : réponses)',
  pulseResultsSpirit:
    '*Et vous, que ferez-vous pour faire monter cette note ?* Partagez une action concrète dans ce fil.',
  pulseResultsNoText: '_Aucune réponse à cette question._',
  pulseResultsMore: (p) =>
    `…et ${p.n} de plus. Les managers obtiennent toutes les réponses avec \`/pulse export\`.`,
  pulseResultsHidden: (p) =>
    `Le pulse a été clos avec *${p.answers}*. Les résultats ne sont montrés qu’à partir de ${p.threshold} réponses : ` +
    'ils restent masqués pour protéger l’anonymat.',
  pulseResultsText: (p) => `Résultats du pulse : ${p.answers}, note de confiance moyenne ${p.average} / 10.`,
  pulseResultsHiddenText: (p) => `Pulse clos avec ${p.answers} : trop peu pour montrer les résultats.`,

  helpPulseStart:
    '`/pulse start [named] [jours]` : lancer le pulse des trois procédures dans ce canal (anonyme, 3 jours par défaut).',
  helpPulseFollow:
    '`/pulse status`, `/pulse close`, `/pulse export` : le suivre, le clore, obtenir les réponses en CSV.',
};

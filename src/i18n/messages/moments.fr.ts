import type { momentsEn } from './moments.en.js';

export const momentsFr: typeof momentsEn = {
  momentsHelpPraise: '`/praise @collègue [@collègue…] histoire` : un·e collègue a ravi un client.',
  momentsHelpComplaint:
    '`/complaint histoire` : un client a été déçu ; notez-le pour apprendre, sans reproche.',
  momentsHelpMoment: '`/moment` : le formulaire complet (point de contact, impact, leçon tirée…).',
  momentsHelpRecognition: '`/culture channel recognition #canal` : où publier aussi les éloges.',

  momentsKind: { praise: 'Éloge', complaint: 'Réclamation' },
  momentsTouchpoint: {
    phone: 'Téléphone',
    email: 'E-mail',
    chat: 'Chat',
    store: 'Magasin',
    social: 'Réseaux sociaux',
    other: 'Autre',
  },
  momentsCustomerType: {
    external: 'Client externe (un client, un prospect)',
    internal: 'Client interne (un collègue, un service, un fournisseur)',
  },
  momentsCustomerShort: { external: 'client externe', internal: 'client interne' },
  momentsImpactPraise: { small: 'Petit crédit', big: 'Grand crédit : un moment de vérité' },
  momentsImpactComplaint: { small: 'Petit débit', big: 'Grand débit' },
  momentsStatusOpen: 'ouverte',
  momentsStatusResolved: 'résolue',

  momentsPraiseLogged: (p) =>
    `:sparkles: Merci ! Votre éloge pour ${p.colleagues} est noté : un crédit sur le compte émotionnel de nos clients.`,
  momentsComplaintLogged: (p) =>
    ':memo: Merci de l’avoir partagé. La réclamation est notée pour que toute l’équipe en tire une leçon, sans reproche. ' +
    `Suivi : ${p.owner}.`,
  momentsAddDetails: 'Ajouter des détails',
  momentsUndo: 'Annuler',
  momentsAddLesson: 'Ajouter la leçon tirée',
  momentsMarkResolved: 'Marquer résolue',
  momentsEdit: 'Modifier',
  momentsDelete: 'Supprimer',
  momentsUndone: 'Annulé : le moment et son histoire sont supprimés.',
  momentsDeleted: 'Supprimé définitivement, histoire comprise.',
  momentsUpdated: 'Votre moment est mis à jour.',
  momentsResolved: ':white_check_mark: Marquée résolue. Merci d’avoir recontacté le client.',
  momentsLessonSaved: ':bulb: Leçon enregistrée. Elle sera partagée dans le bilan hebdomadaire.',

  momentsNoColleague:
    'Qui a ravi le client ? Mentionnez au moins un·e collègue, par exemple ' +
    '`/praise @alex est resté tard pour régler la commande d’un client`.',
  momentsStoryTooShort: (p) =>
    `Racontez l’histoire en au moins ${p.min} caractères pour que vos collègues puissent en tirer parti.`,
  momentsStoryTooLong: (p) =>
    `L’histoire fait ${p.length} caractères ; la limite est de ${p.max}. Raccourcissez-la et renvoyez-la.`,
  momentsTooMany: (p) => `Vous pouvez nommer au plus ${p.max} collègues dans un même moment.`,
  momentsUnknownColleague: (p) =>
    `Je ne trouve pas <@${p.user}> dans cet espace de travail. Tapez @ et choisissez la personne.`,
  momentsBotColleague: (p) => `<@${p.user}> est un bot. Nommez les personnes qui ont aidé le client.`,
  momentsNotFound: 'Ce moment n’existe plus : il a peut-être été supprimé.',
  momentsNotAllowedEdit: 'Seul l’auteur peut modifier ce moment.',
  momentsNotAllowedFollowUp: 'Seuls l’auteur, la personne chargée du suivi ou un admin peuvent faire cela.',
  momentsNotAllowedDelete: 'Seuls l’auteur ou un admin peuvent supprimer ce moment.',
  momentsNotAComplaint: 'Seules les réclamations ont une leçon tirée et un statut résolu.',

  momentsPraiseDm: (p) => `:tada: <@${p.author}> a noté un éloge à votre sujet : vous avez ravi un client !`,
  momentsComplaintDm: (p) =>
    `<@${p.author}> a noté une réclamation client et pense que vous pouvez aider au suivi. ` +
    'Il s’agit d’apprendre ensemble, jamais de chercher un coupable.',
  momentsRecognitionPost: (p) => `:star2: <@${p.author}> salue ${p.colleagues} pour avoir ravi un client.`,
  momentsInviteNext: 'Vous avez vu un·e collègue ravir un client ? Notez-le avec `/praise`.',
  momentsSource: 'Message d’origine',
  momentsRecognitionUsage:
    'Utilisation : `/culture channel recognition #canal` (ou `/culture channel recognition off`).',
  momentsRecognitionSet: (p) =>
    `Les éloges seront aussi publiés dans <#${p.channel}>. Invitez-moi avec \`/invite @culture\` s’il est privé.`,
  momentsRecognitionOff: 'Les éloges ne sont plus publiés dans un canal de reconnaissance.',

  momentsModalTitle: 'Moment client',
  momentsModalEditTitle: 'Modifier le moment',
  momentsModalSubmit: 'Enregistrer',
  momentsModalCancel: 'Annuler',
  momentsFieldKind: 'Que s’est-il passé ?',
  momentsKindPraiseOption: 'Éloge : un·e collègue a ravi un client',
  momentsKindComplaintOption: 'Réclamation : un client a été déçu',
  momentsFieldColleagues: 'Collègues',
  momentsFieldColleaguesHint:
    'Éloge : qui a ravi le client. Réclamation : qui peut aider au suivi (jamais pour blâmer).',
  momentsFieldCustomerType: 'Client',
  momentsFieldTouchpoint: 'Point de contact',
  momentsFieldImpact: 'Impact',
  momentsImpactSmallOption: 'Petit : une promesse tenue, ou une réponse arrivée en retard',
  momentsImpactBigOption: 'Grand : un moment de vérité, ou un client très déçu',
  momentsFieldStory: 'L’histoire',
  momentsFieldStoryPlaceholder: 'Ce qui s’est passé, en quelques phrases. Citez un standard avec #tag.',
  momentsFieldLesson: 'Ce que nous avons appris / changé',
  momentsFieldLessonHint: 'Pour les réclamations : partagé en réunion d’équipe pour que chacun apprenne.',
  momentsFieldFollowUp: 'Qui assure le suivi',
  momentsFieldFollowUpHint: 'Pour les réclamations : le client doit avoir un retour.',
  momentsLessonTitle: 'La leçon tirée',
  momentsLessonResolve: 'Le client a eu un retour : marquer résolue',
  momentsErrorNoColleague: 'Un éloge nomme au moins un·e collègue (pas vous-même).',
  momentsErrorNotFromShortcut: 'Indiquez s’il s’agit d’un éloge ou d’une réclamation.',
};

import type { reactionsEn } from './reactions.en.js';

export const reactionsFr: typeof reactionsEn = {
  reactionsHelpReact: (p) =>
    `Réagissez avec :${p.praise}: au message d'un collègue pour le féliciter, ou avec :${p.complaint}: pour ` +
    'noter une réclamation dont tirer une leçon. Je n’entends les réactions que dans les canaux où je suis : ' +
    'invitez-moi avec `/invite @culture`.',
  reactionsHelpSettings:
    '`/culture reactions praise <emoji> complaint <emoji>` : les deux emoji qui notent un moment par réaction.',

  reactionsLoggedNote: (p) =>
    `Noté grâce à votre réaction :${p.emoji}:. Retirez-la dans les 10 minutes pour annuler.`,
  reactionsTruncated: (p) =>
    `Le message dépasse ${p.max} caractères : l’histoire en garde le début, et le lien vers le message entier.`,
  reactionsSecondedPraise: (p) =>
    `:raised_hands: Vous appuyez cet éloge, noté d’abord par <@${p.author}>. Merci de le reconnaître vous aussi.`,
  reactionsSecondedComplaint: (p) =>
    `:raised_hands: Vous appuyez cette réclamation, notée d’abord par <@${p.author}> : l’équipe en tirera une leçon.`,
  reactionsUnseconded: 'Vous avez retiré votre réaction : vous n’appuyez plus cette histoire.',
  reactionsUndone: 'Vous avez retiré votre réaction : le moment et son histoire sont supprimés.',
  reactionsNoText: (p) =>
    `Ce message n’a pas de texte (un fichier ou une image seule) : votre :${p.emoji}: n’a rien noté. ` +
    'Racontez l’histoire dans le formulaire : le lien vers le message est conservé.',
  reactionsOpenForm: 'Raconter l’histoire',
  reactionsOwnMessage: (p) =>
    `Votre :${p.emoji}: n’a rien noté : c’est votre propre message et il ne nomme personne d’autre. ` +
    'Un éloge reconnaît un collègue : réagissez à son message, ou mentionnez-le dans le vôtre.',
  reactionsReadFailed: (p) =>
    `Je n’ai pas pu lire ce message dans Slack : votre :${p.emoji}: n’a rien noté. ` +
    'Retirez la réaction et remettez-la dans un instant.',

  reactionsDigestSeconded: (p) =>
    ` · :raised_hands: appuyé par ${p.count} ${p.count === 1 ? 'collègue' : 'collègues'}`,

  reactionsCurrent: (p) =>
    `Réagir avec :${p.praise}: (\`${p.praise}\`) note un éloge, avec :${p.complaint}: (\`${p.complaint}\`) une réclamation dont tirer une leçon.`,
  reactionsUsage:
    'Utilisation : `/culture reactions praise <emoji> complaint <emoji>`, par exemple ' +
    '`/culture reactions praise :clap: complaint :bulb:` (l’un des deux suffit).',
  reactionsInvalidEmoji:
    'Ce n’est pas un nom d’emoji. Tapez-le comme Slack l’affiche, par exemple `:clap:` ou `clap`.',
  reactionsSameEmoji: 'Les éloges et les réclamations ont besoin de deux emoji différents.',
  reactionsSet: (p) =>
    `C’est fait. Désormais :${p.praise}: note un éloge et :${p.complaint}: une réclamation. ` +
    'Choisissez des emoji que tout le monde a, et n’oubliez pas que je n’entends les réactions que dans les canaux où je suis.',
};

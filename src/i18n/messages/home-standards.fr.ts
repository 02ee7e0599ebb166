import type { homeStandardsEn } from './home-standards.en.js';

export const homeStandardsFr: typeof homeStandardsEn = {
  homeStandardsTitle: (p) => `*Standards de service* (${p.total} sur ${p.max})`,
  homeStandardsNone: 'Aucun standard actif : les récits n’ont rien à citer. Ajoutez-en un.',
  homeStandardAdd: 'Ajouter un standard',
  homeStandardMove: 'Déplacer',
  homeStandardArchive: 'Archiver',
  homeStandardRestorePlaceholder: 'Rétablir un standard archivé…',

  homeStandardAddTitle: 'Nouveau standard',
  homeStandardEditTitle: 'Modifier un standard',
  homeStandardMoveTitle: 'Déplacer un standard',
  homeStandardTagField: 'Tag (les récits le citent avec #tag)',
  homeStandardTagHint:
    'De 2 à 24 lettres minuscules (sans accents), chiffres et tirets, par exemple rappel-client.',
  homeStandardDescriptionField: 'Le standard, en une ligne',
  homeStandardPositionField: (p) => `Place de #${p.tag} dans la liste`,

  homeStandardTagTooShort: (p) => `Un tag a au moins ${p.min} caractères, par exemple same-day.`,
  homeStandardTagTooLong: (p) => `Un tag a au plus ${p.max} caractères. Raccourcissez-le.`,
  homeStandardTagCharacters:
    'Seulement des lettres minuscules (a–z, sans accents), des chiffres et des tirets, par exemple rappel-client.',
  homeStandardTagDigitsOnly:
    'Un tag ne peut pas être fait que de chiffres : #42 se lit comme un numéro de commande. Ajoutez un mot.',
  homeStandardDescriptionEmpty: 'Écrivez le standard, en une ligne.',
  homeStandardDescriptionTooLong: (p) =>
    `Le texte fait ${p.length} caractères ; un standard tient en une ligne de ${p.max}. Raccourcissez-le.`,
  homeStandardDuplicate: (p) =>
    `#${p.tag} est déjà un standard. Fermez ce formulaire et choisissez Modifier sur lui pour changer ses mots.`,
  homeStandardArchivedTag: (p) =>
    `#${p.tag} est un standard archivé. Rétablissez-le plutôt depuis l’accueil, pour que les moments qui le citaient restent ensemble.`,
  homeStandardTooMany: (p) =>
    `L’espace de travail a déjà ${p.max} standards, le plus que chacun peut garder en tête. Archivez-en un d’abord.`,

  homeStandardMoved: (p) => `*#${p.tag}* est maintenant le standard ${p.position}.`,
  homeStandardArchived: (p) =>
    `*#${p.tag}* est archivé : on ne peut plus le citer, et les moments qui le citaient gardent leur citation. ` +
    'Rétablissez-le depuis la liste des standards archivés.',

  homeReactionsLine: (p) =>
    `*Emoji de réaction :* :${p.praise}: note un éloge · :${p.complaint}: une réclamation dont tirer une leçon`,
  homeReactionsChange: 'Changer les emoji',
  homeReactionsModalTitle: 'Emoji de réaction',
  homeReactionPraiseField: 'Emoji qui note un éloge',
  homeReactionComplaintField: 'Emoji qui note une réclamation',
  homeReactionHint:
    'Son nom tel que Slack l’affiche, par exemple clap ou :clap:. Choisissez-en un que tout le monde a.',
  homeReactionInvalid:
    'Ce n’est pas un nom d’emoji. Tapez-le comme Slack l’affiche, par exemple clap ou :clap:.',
};

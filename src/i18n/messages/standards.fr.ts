import type { standardsEn } from './standards.en.js';

export const standardsFr: typeof standardsEn = {
  standardsHelpCite: (p) =>
    'Citez un standard de service dans un récit ou une leçon avec `#tag` : un éloge montre qu’il a été respecté, une plainte où nous l’avons manqué. ' +
    `Les nôtres : ${p.tags}.`,
  standardsHelpNone: 'L’espace de travail n’a encore aucun standard de service actif.',
  standardsHelpList:
    '`/culture standards` : nos standards de service, respectés et manqués ces quatre dernières semaines.',
  standardsHelpManage:
    '`/culture standard add <tag> <description>`, `edit <tag> <description>`, `move <tag> <position>`, ' +
    '`remove <tag>`, `restore <tag>` : tenir les standards de service (12 au plus).',

  standardsListTitle: 'Nos standards de service',
  standardsListLine: (p) =>
    `${p.position}. *#${p.tag}* · ${p.description}\n      _respecté ${p.honoured} · manqué ${p.missed}_`,
  standardsListWindow:
    'Respectés par les éloges, manqués par les plaintes, sur les quatre dernières semaines.',
  standardsListEmpty:
    'Aucun standard actif. Les admins en ajoutent un avec `/culture standard add <tag> <description>`.',
  standardsListArchived: (p) => `Archivés : ${p.tags}. Les moments qui les citaient gardent leur citation.`,
  standardsListAdminHint:
    'Admins : `/culture standard add <tag> <description>`, `edit <tag> <description>`, `move <tag> <position>`, `remove <tag>`, `restore <tag>`.',

  standardUsage:
    'Usage : `/culture standard add <tag> <description>` · `/culture standard edit <tag> <description>` · ' +
    '`/culture standard move <tag> <position>` · `/culture standard remove <tag>` · `/culture standard restore <tag>`. ' +
    'Par exemple `/culture standard add rappel Nous rappelons dans l’heure promise.`',
  standardAdded: (p) =>
    `Standard ${p.position} ajouté : *#${p.tag}* · ${p.description}\nTout le monde peut le citer avec \`#${p.tag}\`.`,
  standardEdited: (p) => `*#${p.tag}* dit maintenant : ${p.description}`,
  standardMoved: (p) =>
    `*#${p.tag}* est maintenant le standard ${p.position}. Voir la liste : \`/culture standards\`.`,
  standardArchived: (p) =>
    `*#${p.tag}* est archivé : on ne peut plus le citer, et les moments qui le citaient gardent leur citation. ` +
    `Pour le rétablir : \`/culture standard restore ${p.tag}\`.`,
  standardRestored: (p) => `*#${p.tag}* est de retour, comme standard ${p.position}.`,
  standardRestoreButton: 'Le rétablir',

  standardTagTooShort: (p) => `Un tag a au moins ${p.min} caractères, par exemple \`same-day\`.`,
  standardTagTooLong: (p) => `Un tag a au plus ${p.max} caractères. Raccourcissez-le.`,
  standardTagCharacters:
    'Un tag n’utilise que des lettres minuscules (a–z, sans accents), des chiffres et des tirets, par exemple `rappel-client`.',
  standardTagDigitsOnly:
    'Un tag ne peut pas être fait que de chiffres : `#42` se lit comme un numéro de commande. Ajoutez un mot.',
  standardDescriptionEmpty: 'Écrivez le standard après le tag, en une ligne.',
  standardDescriptionTooLong: (p) =>
    `La description fait ${p.length} caractères ; un standard tient en une ligne de ${p.max}. Raccourcissez-la.`,
  standardDuplicate: (p) =>
    `*#${p.tag}* est déjà un standard. Changez ses mots avec \`/culture standard edit ${p.tag} <description>\`.`,
  standardArchivedAsk: (p) =>
    `*#${p.tag}* était un standard et il est archivé (« ${p.description} »). Le rétablir plutôt, pour que les moments qui le citaient restent ensemble ?`,
  standardTooMany: (p) =>
    `L’espace de travail a déjà ${p.max} standards, le plus que chacun peut garder en tête. Retirez-en un d’abord (\`/culture standard remove <tag>\`).`,
  standardUnknownTag: (p) => `Il n’y a pas de standard actif \`${p.tag}\`. Les standards sont : ${p.valid}.`,
  standardNotArchived: (p) => `*#${p.tag}* n’est pas archivé : il est déjà dans la liste.`,
  standardBadPosition: (p) => `Donnez une position entre 1 et ${p.max}.`,
  standardNone: 'aucun',

  standardsUnknownInStory: (p) =>
    `Je ne connais pas ${p.unknown} : rien n’a été enregistré. Les standards que vous pouvez citer sont ${p.valid}. ` +
    'Corrigez le tag et renvoyez-le, ou choisissez les standards dans le formulaire.',
  standardsUnknownField: (p) => `Standard inconnu ${p.unknown}. Standards valides : ${p.valid}.`,
  standardsChoose: 'Choisir les standards',
  standardsHonours: (p) => `Respecte ${p.tags}`,
  standardsMissed: (p) => `A manqué ${p.tags}`,
  standardsField: 'Standards de service',
  standardsFieldHint:
    'Éloge : les standards respectés. Plainte : ceux que nous avons manqués. Les #tags du texte comptent aussi.',
  standardsFieldPlaceholder: 'Choisir des standards',
};

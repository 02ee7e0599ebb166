import type { mantraEn } from './mantra.en.js';

export const mantraFr: typeof mantraEn = {
  mantraDefaultLine: 'Le client d’abord.',

  mantraHelpShow: '`/mantra` : notre vision.',
  mantraHelpPost: '`/mantra post` : publier la vision ici, illustrée par un récent compliment.',
  mantraHelpManage:
    '`/mantra add <phrase>`, `/mantra list`, `/mantra remove <numéro>` : gérer les phrases de la vision.',
  scheduleHelpSchedule:
    '`/culture schedule mantra #canal "0 9 * * 1" Europe/Paris` : publier selon un calendrier (cron entre guillemets, fuseau facultatif).',
  scheduleHelpList:
    '`/culture schedules` : les publications planifiées, la prochaine et le dernier résultat.',
  scheduleHelpUnschedule: '`/culture unschedule <id>` : supprimer une planification.',
  scheduleHelpTimezone:
    '`/culture timezone Europe/Paris` : le fuseau horaire de l’espace de travail (par défaut des nouvelles planifications).',

  mantraUsage:
    'Utilisation : `/mantra` affiche notre vision. Admins : `/mantra add <phrase>`, `/mantra list`, ' +
    '`/mantra remove <numéro>`. Managers et admins : `/mantra post` la publie maintenant dans ce canal.',
  mantraShowTitle: 'Notre vision',
  mantraDefaultMark: '_(phrase par défaut, jusqu’à ce qu’un admin ajoute celle de l’espace de travail)_',
  mantraShowAdminHint: 'Les admins la modifient avec `/mantra add <phrase>` et `/mantra remove <numéro>`.',
  mantraListTitle: 'Phrases de la vision, dans l’ordre de publication',
  mantraListHint:
    'Supprimez-en une avec `/mantra remove <numéro>` ; ajoutez-en une avec `/mantra add <phrase>`.',
  mantraAddEmpty:
    'Écrivez la phrase après la commande, par exemple `/mantra add Chaque client repart plus heureux.`',
  mantraAddTooLong: (p) =>
    `Une phrase de vision doit se retenir : ${p.max} caractères au plus. Raccourcissez-la et réessayez.`,
  mantraAdded: (p) => `Ajouté à notre vision : *${p.line}*`,
  mantraAddedReplacedDefault:
    'La phrase par défaut a disparu : les publications utilisent désormais les mots de l’espace de travail.',
  mantraRemoveUsage: 'Utilisation : `/mantra remove <numéro>`, avec le numéro affiché par `/mantra list`.',
  mantraRemoveUnknown: (p) =>
    `Il n’y a pas de phrase ${p.position} : la liste en compte ${p.count}. Voir \`/mantra list\`.`,
  mantraRemoveLast:
    'C’est la seule phrase de la vision, et l’espace de travail en garde toujours une. Ajoutez d’abord la nouvelle ' +
    '(`/mantra add <phrase>`), puis supprimez celle-ci.',
  mantraRemoved: (p) => `Retiré de notre vision : ${p.line}`,
  mantraPosted: (p) => `Notre vision est publiée dans <#${p.channel}>.`,
  mantraPostNoAccess:
    'Je ne peux pas publier dans cette conversation : je n’en suis pas membre et ne peux pas la rejoindre seul ' +
    '(canaux privés et messages directs). Invitez-moi avec `/invite @culture`, puis réessayez.',

  mantraPostLabel: 'Notre vision',
  mantraPostFallback: (p) => `Notre vision : ${p.line}`,
  mantraPostStoryIntro: (p) =>
    `*Ce que cela donne :* ${p.names} ${p.count > 1 ? 'ont ravi ensemble' : 'a ravi'} un client.`,
  mantraPostStoryIntroAnonymous: '*Ce que cela donne :* un collègue a ravi un client.',
  mantraPostTrainingFocus: (p) =>
    `:dart: *Priorité de formation cette semaine : #${p.tag}*${p.line ? ` · ${p.line}` : ''}`,
  mantraPostInvite:
    'Vous avez vu un collègue ravir un client ? Racontez-le à l’équipe avec `/praise @collègue ce qui s’est passé`.',
  mantraPostFirstStory:
    'Aucun compliment ces 30 derniers jours. Soyez le premier : quand un collègue ravit un client, ' +
    'partagez-le avec `/praise @collègue ce qui s’est passé`.',

  scheduleKindMantra: 'mantra',
  scheduleKindDigest: 'digest hebdomadaire',
  scheduleKindPulse: 'pulse',
  scheduleUsage: (p) =>
    'Utilisation : `/culture schedule mantra #canal "0 9 * * 1-5" Europe/Paris` : quoi publier, le canal (choisi avec #), ' +
    'une expression cron entre guillemets (minute heure jour-du-mois mois jour-de-la-semaine) et, si besoin, un fuseau ' +
    `horaire (par défaut celui de l’espace de travail, ${p.zone}). Pour le bilan d’une équipe, ajoutez \`scope=channel\` : ` +
    'seulement les moments notés dans ce canal, par ses membres ou à leur sujet.',
  scheduleScopeDigestOnly: '`scope=channel` ne vaut que pour les bilans.',
  scheduleUnknownKind: (p) => `Je peux planifier \`mantra\`, \`digest\` ou \`pulse\`, pas \`${p.kind}\`.`,
  scheduleKindUnavailable: (p) =>
    `Les publications planifiées du ${p.kind} ne sont pas encore disponibles : cette partie du bot est en construction. ` +
    'Rien n’a été planifié. Vous pouvez planifier `mantra` dès aujourd’hui.',
  scheduleInvalidCron: (p) =>
    `Je ne comprends pas le calendrier \`${p.cron}\` : ${p.problems}. Utilisez cinq champs entre guillemets, ` +
    'minute heure jour-du-mois mois jour-de-la-semaine, par exemple `"0 9 * * 1-5"` (9 h en semaine) ' +
    'ou `"30 8 * * 1"` (le lundi à 8 h 30).',
  scheduleCronFieldCount: (p) => `il a ${p.count} champ(s) au lieu de cinq`,
  scheduleCronField: (p) => `le champ ${p.field} \`${p.value}\` n’est pas valide`,
  scheduleCronSyntax: 'il contient des caractères impossibles dans une expression cron',
  scheduleCronNeverFires: 'aucune date ne lui correspond jamais (comme le 31 février)',
  scheduleFieldMinute: 'minute',
  scheduleFieldHour: 'heure',
  scheduleFieldDayOfMonth: 'jour du mois',
  scheduleFieldMonth: 'mois',
  scheduleFieldDayOfWeek: 'jour de la semaine',
  scheduleInvalidZone: (p) =>
    `Je ne connais pas le fuseau horaire \`${p.zone}\`. Utilisez un nom IANA comme \`Europe/Paris\`, ` +
    '`America/New_York` ou `UTC`.',
  scheduleCreated: (p) =>
    `Planification *#${p.id}* : le ${p.kind} dans <#${p.channel}>, \`${p.cron}\` (${p.zone}).`,
  scheduleNextRuns: 'Les trois prochaines publications :',
  scheduleTooOften:
    ':warning: Cela publie plus d’une fois par heure. C’est accepté, mais le canal risque de trouver cela envahissant.',
  scheduleBothDays:
    ':warning: Le jour du mois et le jour de la semaine sont tous deux fixés : cela publie seulement les jours qui correspondent aux *deux* (`0 9 13 * 5` : uniquement les vendredis 13), et non à l’un ou l’autre comme dans le cron classique. Vérifiez les dates ci-dessus ; pour publier l’un ou l’autre jour, créez deux planifications.',
  schedulePrivateChannelHint:
    'Si le canal est privé, invitez-moi d’abord avec `/invite @culture` : je peux rejoindre seul les canaux publics, pas les privés.',
  scheduleListTitle: 'Publications planifiées',
  scheduleListEmpty:
    'Rien n’est planifié pour l’instant. Admins : `/culture schedule mantra #canal "0 9 * * 1" Europe/Paris`.',
  scheduleListItem: (p) => `*#${p.id}* ${p.kind} dans <#${p.channel}> : \`${p.cron}\` (${p.zone})`,
  scheduleListNext: (p) => `Prochaine : ${p.when}`,
  scheduleListNoNext: 'Prochaine : aucune dans les années à venir',
  scheduleListFailing: ':warning: en échec : la dernière publication n’a pas pu être livrée',
  scheduleListMore: (p) => `…et ${p.count} de plus.`,
  scheduleListHint: 'Supprimez-en une avec `/culture unschedule <id>`.',
  scheduleLastNever: 'Dernière : pas encore lancée',
  scheduleLastPosted: (p) => `Dernière : publiée (${p.when})`,
  scheduleLastFailed: (p) => `Dernière : échec (${p.when}, \`${p.error}\`)`,
  scheduleLastRetrying: (p) => `Dernière : nouvel essai prévu (${p.when}, ${p.attempts} tentative(s) déjà)`,
  scheduleLastSkipped: (p) => `Dernière : sautée, manquée pendant un arrêt du bot (${p.when})`,
  scheduleLastClaimed: (p) => `Dernière : publication en cours (${p.when})`,
  scheduleUnscheduleUsage:
    'Utilisation : `/culture unschedule <id>`, avec l’identifiant affiché par `/culture schedules`.',
  scheduleUnknownId: (p) => `Il n’y a pas de planification #${p.id} ici. Voir \`/culture schedules\`.`,
  scheduleRemoved: (p) => `Planification #${p.id} supprimée (le ${p.kind} dans <#${p.channel}>).`,
  scheduleTimezoneUsage: (p) =>
    `Le fuseau horaire de l’espace de travail est \`${p.zone}\`. Changez-le avec \`/culture timezone Europe/Paris\` (un nom IANA).`,
  scheduleTimezoneSet: (p) =>
    `Le fuseau horaire de l’espace de travail est désormais \`${p.zone}\`. Les nouvelles planifications l’utilisent ` +
    'sauf si elles en indiquent un autre ; les planifications existantes gardent le leur.',
  scheduleFailedDm: (p) =>
    `Je n’ai pas pu publier le ${p.kind} planifié (planification #${p.id}) dans <#${p.channel}> : ${p.reason} ` +
    `Je réessaierai à la prochaine échéance. Pour l’arrêter : \`/culture unschedule ${p.id}\`.`,
  scheduleFailReasonNoAccess:
    'je ne suis pas membre de ce canal et ne peux pas le rejoindre seul. Invitez-moi avec `/invite @culture`.',
  scheduleFailReasonChannelGone: 'le canal n’existe plus ou a été archivé.',
  scheduleFailReasonOther: (p) => `Slack a répondu \`${p.code}\`.`,
};

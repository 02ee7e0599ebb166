import type { privacyEn } from './privacy.en.js';

export const privacyFr: typeof privacyEn = {
  privacyHelpForget:
    '`/culture forget @vous` : efface définitivement tout ce que le bot garde sur vous (admins : sur n’importe qui).',
  privacyHelpExport:
    '`/culture export` : les données de l’espace en fichiers CSV, en message privé. `/culture export me` : vos propres données (tout le monde).',
  privacyHelpRetention:
    '`/culture retention 24` · `/culture retention grace 30` : mois de conservation des histoires et des pulses ; jours de conservation des données après une désinstallation.',
  privacyHelpAudit: '`/culture audit` : les dernières actions des admins.',

  privacyForgetUsage:
    'Utilisation : `/culture forget @personne` : efface les histoires qu’elle a écrites, son nom sur les histoires des autres, ' +
    'ses rôles, sa participation aux pulses et ses réponses nominatives. Tapez @ et choisissez la personne. ' +
    'Chacun peut effacer ainsi ses propres données.',
  privacyErased: (p) =>
    `Les données de <@${p.user}> sont effacées : ${p.stories} ${p.stories > 1 ? 'histoires supprimées' : 'histoire supprimée'}, ` +
    `son nom retiré de ${p.names} ${p.names > 1 ? 'histoires' : 'histoire'}, ${p.roles} ${p.roles > 1 ? 'rôles' : 'rôle'}, ` +
    `${p.pulses} ${p.pulses > 1 ? 'participations' : 'participation'} aux pulses et ${p.answers} ` +
    `${p.answers > 1 ? 'réponses nominatives supprimées' : 'réponse nominative supprimée'}. ` +
    'Les réponses anonymes restent : rien ne les relie à personne.',
  privacySelfErased: (p) =>
    `Vos données sont effacées : ${p.stories} ${p.stories > 1 ? 'histoires supprimées' : 'histoire supprimée'}, ` +
    `votre nom retiré de ${p.names} ${p.names > 1 ? 'histoires' : 'histoire'}, ${p.pulses} ` +
    `${p.pulses > 1 ? 'participations' : 'participation'} aux pulses et ${p.answers} ` +
    `${p.answers > 1 ? 'réponses nominatives supprimées' : 'réponse nominative supprimée'}. ` +
    'Les réponses anonymes restent : rien ne les relie à vous.',

  privacyExportUsage:
    'Utilisation : `/culture export` (admins : tout l’espace) ou `/culture export me` (vos propres données).',
  privacyExportSent: 'Je vous ai envoyé les données de l’espace en fichiers CSV, en message privé.',
  privacyExportComment: (p) =>
    `Les données de l’espace au ${p.when} : moments, pulses (les réponses anonymes ne portent aucun nom ; un pulse ` +
    'encore ouvert ou sous le seuil d’anonymat n’a pas de réponses ici), planifications et réglages.',
  privacyMyExportSent: 'Je vous ai envoyé vos données en fichiers CSV, en message privé.',
  privacyMyExportComment: (p) =>
    `Vos données au ${p.when} : les moments que vous avez écrits, ceux qui vous nomment, les pulses auxquels vous avez ` +
    'participé (vos réponses seulement pour les pulses nominatifs : une réponse anonyme ne peut pas être reliée à vous) et votre rôle.',
  privacyFailed:
    'Je n’ai pas pu aller au bout de notre côté. Rien n’a été modifié ni envoyé ; réessayez dans un instant.',

  privacyRetentionShow: (p) =>
    `Les histoires et les pulses sont gardés *${p.months} mois*, puis supprimés par une tâche quotidienne. Si l’app est ` +
    `désinstallée, les données de l’espace sont supprimées après *${p.days} jours*, sauf réinstallation.`,
  privacyRetentionUsage: (p) =>
    `Utilisation : \`/culture retention <mois>\` (de ${p.minMonths} à ${p.maxMonths}, par exemple \`/culture retention 24\`) ou ` +
    `\`/culture retention grace <jours>\` (de ${p.minDays} à ${p.maxDays}, par exemple \`/culture retention grace 30\`).`,
  privacyRetentionSet: (p) =>
    `Les histoires et les pulses sont désormais gardés ${p.months} mois ; les plus anciens partent à la prochaine purge quotidienne.`,
  privacyGraceSet: (p) =>
    `Après une désinstallation, les données de l’espace sont désormais gardées ${p.days} jours avant d’être supprimées.`,

  privacyAuditTitle: 'Dernières actions des admins',
  privacyAuditEmpty: 'Aucune action d’admin enregistrée pour l’instant.',
  privacyAuditErasedPerson: 'une personne effacée',
  privacyAuditSystem: 'le bot',
  privacyAuditLine: (p) => `${p.when} · ${p.actor} ${p.action}${p.target ? ` · ${p.target}` : ''}`,
  privacyAuditActions: {
    role_changed: 'a changé un rôle',
    moment_deleted: 'a supprimé le moment de quelqu’un',
    person_erased: 'a effacé les données d’une personne',
    workspace_exported: 'a exporté les données de l’espace',
    person_exported: 'a exporté ses propres données',
    setting_changed: 'a changé un réglage',
    schedule_added: 'a ajouté une planification',
    schedule_removed: 'a retiré une planification',
    vision_line_added: 'a ajouté une ligne de vision',
    vision_line_edited: 'a modifié une ligne de vision',
    vision_line_removed: 'a retiré une ligne de vision',
    app_uninstalled: 'a noté la désinstallation de l’app',
    app_reinstalled: 'a noté le retour de l’app',
    retention_purged: 'a supprimé les données au-delà de la durée de conservation',
  },
  privacyHomeTitle: 'Vos données',
  privacyHomeIntro:
    'Ce que le bot garde sur vous : les moments que vous avez écrits, votre nom sur les moments des autres, votre ' +
    'participation aux pulses et vos réponses nominatives, votre rôle. Prenez-en une copie en CSV, ou effacez-les définitivement.',
  privacyHomeExport: 'Exporter mes données',
  privacyHomeErase: 'Effacer mes données',
  privacyHomeAdminTitle: 'Confidentialité',
  privacyHomeChange: 'Modifier',
  privacyHomeDeactivatedIntro:
    'Slack signale ces personnes comme désactivées. Leurs données restent jusqu’à la décision d’un admin :',
  privacyHomeEraseThem: 'Effacer ses données',
  privacyHomeDeactivatedMore: (p) => `et ${p.count} de plus (\`/culture forget @personne\`)`,
  privacyEraseModalTitle: 'Effacer les données',
  privacyEraseModalSubmit: 'Effacer définitivement',
  privacyEraseModalSelf:
    '*Ceci efface définitivement* les moments que vous avez écrits, votre nom sur les moments des autres, vos rôles, ' +
    'votre participation aux pulses et vos réponses nominatives. C’est irréversible.',
  privacyEraseModalOther: (p) =>
    `*Ceci efface définitivement* les moments écrits par <@${p.user}>, son nom sur les moments des autres, ses rôles, ` +
    'sa participation aux pulses et ses réponses nominatives. C’est irréversible.',
  privacyEraseModalKept:
    'Les réponses anonymes restent : rien ne les relie à personne. Les messages déjà dans Slack, hors publications ' +
    'de reconnaissance, restent dans Slack.',
  privacyRetentionModalTitle: 'Conservation',
  privacyRetentionModalSubmit: 'Enregistrer',
  privacyRetentionMonthsLabel: 'Garder histoires et pulses (mois)',
  privacyRetentionMonthsHint: (p) =>
    `Un nombre entier de ${p.min} à ${p.max}. Les plus anciens sont supprimés par la purge quotidienne.`,
  privacyGraceDaysLabel: 'Après une désinstallation, garder les données (jours)',
  privacyGraceDaysHint: (p) =>
    `Un nombre entier de ${p.min} à ${p.max}. Si l’app revient avant, rien n’est supprimé.`,
  privacyFieldInvalid: (p) => `Tapez un nombre entier de ${p.min} à ${p.max}.`,
  privacyHomeEraseSomeoneIntro:
    'Effacer tout ce que le bot garde sur une personne, par exemple quelqu’un qui est parti.',
  privacyHomeEraseSomeone: 'Effacer une personne',
  privacyErasePickTitle: 'Effacer une personne',
  privacyErasePickLabel: 'Les données de qui ?',
  privacyErasePickNext: 'Suivant',
  privacyErasePickMissing: 'Choisissez la personne dont effacer les données.',
};

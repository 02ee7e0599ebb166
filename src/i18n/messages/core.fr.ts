import type { coreEn } from './core.en.js';

export const coreFr: typeof coreEn = {
  and: 'et',
  languageName: 'Français',
  genericError: 'Un problème est survenu de notre côté. Rien n’est perdu ; réessayez dans un instant.',
  formTooLate: (p) =>
    `Le formulaire ne s’est pas ouvert : Slack lui laisse 3 secondes et il a mis plus longtemps. Rien n’a été enregistré. Relancez \`${p.command}\` ; voici ce que vous aviez tapé.`,
  notAllowed: (p) => `Désolé, seuls les ${p.needed} peuvent faire cela.`,
  roleNameAdmin: 'admins',
  roleNameManager: 'managers et admins',

  helpTitle: 'Bot de culture de service : ce que vous pouvez faire',
  helpIntro: 'Chaque contact client devient un souvenir agréable. Voici ce que vous pouvez utiliser :',
  helpSectionEveryone: 'Pour tout le monde',
  helpSectionManagers: 'Pour les managers',
  helpSectionAdmins: 'Pour les admins',
  helpCultureHelp: '`/culture help` : cette liste.',
  helpCultureRole: '`/culture role manager|admin|member @personne` : donner ou retirer un rôle.',
  helpCultureLanguage: '`/culture language en|fr` : la langue du bot dans cet espace de travail.',
  helpYourRole: (p) => `Votre rôle : *${p.role}*.`,
  roleLabelAdmin: 'admin',
  roleLabelManager: 'manager',
  roleLabelMember: 'membre',

  cultureUnknown: (p) =>
    `Je ne connais pas \`/culture ${p.text}\`. Essayez \`/culture help\` pour la liste des commandes.`,
  roleUsage:
    'Utilisation : `/culture role manager|admin|member @personne`, par exemple `/culture role manager @alex`. ' +
    'Tapez @ et choisissez la personne pour que Slack envoie une vraie mention.',
  roleUnknownUser: (p) =>
    `Je ne trouve pas <@${p.user}> dans cet espace de travail. Choisissez la personne avec @.`,
  roleBotUser: 'Un bot ne peut pas avoir de rôle. Choisissez une personne.',
  roleGranted: (p) => `<@${p.user}> est maintenant ${p.role}.`,
  roleRemoved: (p) => `<@${p.user}> est maintenant membre (sans rôle particulier).`,
  roleSlackAdmin: (p) =>
    `<@${p.user}> est admin ou propriétaire de l’espace Slack, et reste donc admin du bot.`,
  languageUsage: 'Utilisation : `/culture language en` ou `/culture language fr`.',
  languageSet: 'Désormais, je parle français dans cet espace de travail.',
  yourText: 'Voici ce que vous avez tapé, pour que rien ne soit perdu :',
};

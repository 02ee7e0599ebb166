/** Shared texts and /culture. Keys are prefixed by feature in the other catalogs. */
export const coreEn = {
  and: 'and',
  languageName: 'English',
  genericError: 'Something went wrong on our side. Nothing was lost; please try again in a moment.',
  formTooLate: (p: { command: string }) =>
    `The form did not open: Slack gives it 3 seconds and it took longer. Nothing was saved. Run \`${p.command}\` again; here is what you typed.`,
  notAllowed: (p: { needed: string }) => `Sorry, only ${p.needed} can do that.`,
  roleNameAdmin: 'admins',
  roleNameManager: 'managers and admins',

  helpTitle: 'Service culture bot: what you can do',
  helpIntro: 'Every customer contact becomes a pleasant memory. Here is what you can use:',
  helpSectionEveryone: 'For everyone',
  helpSectionManagers: 'For managers',
  helpSectionAdmins: 'For admins',
  helpCultureHelp: '`/culture help`: this list.',
  helpCultureRole: '`/culture role manager|admin|member @user`: give or remove a role.',
  helpCultureLanguage: '`/culture language en|fr`: the language the bot uses for this workspace.',
  helpYourRole: (p: { role: string }) => `Your role: *${p.role}*.`,
  roleLabelAdmin: 'admin',
  roleLabelManager: 'manager',
  roleLabelMember: 'member',

  cultureUnknown: (p: { text: string }) =>
    `I don't know \`/culture ${p.text}\`. Try \`/culture help\` for the list of commands.`,
  roleUsage:
    'Usage: `/culture role manager|admin|member @user`, for example `/culture role manager @alex`. ' +
    'Type @ and pick the person so Slack sends a real mention.',
  roleUnknownUser: (p: { user: string }) =>
    `I can't find <@${p.user}> in this workspace. Pick the person with @.`,
  roleBotUser: 'Bots cannot hold roles. Pick a person.',
  roleGranted: (p: { user: string; role: string }) => `<@${p.user}> is now a ${p.role}.`,
  roleRemoved: (p: { user: string }) => `<@${p.user}> is now a member (no extra role).`,
  roleSlackAdmin: (p: { user: string }) =>
    `<@${p.user}> is a Slack workspace admin or owner, and so stays an admin of the bot.`,
  languageUsage: 'Usage: `/culture language en` or `/culture language fr`.',
  languageSet: 'From now on I speak English in this workspace.',
  yourText: 'Here is what you typed, so nothing is lost:',
};

/** Erasure, export, retention, the audit log. */
export const privacyEn = {
  privacyHelpForget:
    '`/culture forget @yourself`: erase everything the bot holds about you, for good (admins: about anyone).',
  privacyHelpExport:
    '`/culture export`: the workspace’s data as CSV files, in a DM to you. `/culture export me`: your own data (anyone).',
  privacyHelpRetention:
    '`/culture retention 24` · `/culture retention grace 30`: months stories and pulses are kept; days an uninstalled workspace’s data is kept.',
  privacyHelpAudit: '`/culture audit`: the latest admin actions.',

  privacyForgetUsage:
    'Usage: `/culture forget @person`: erases the stories they wrote, their name on other people’s stories, their roles, ' +
    'their pulse participation and named answers. Type @ and pick the person. Anyone may erase their own data this way.',
  privacyErased: (p: {
    user: string;
    stories: number;
    names: number;
    roles: number;
    pulses: number;
    answers: number;
  }) =>
    `The data of <@${p.user}> is erased: ${p.stories} ${p.stories === 1 ? 'story' : 'stories'} deleted, ` +
    `their name taken off ${p.names} ${p.names === 1 ? 'story' : 'stories'}, ${p.roles} ${p.roles === 1 ? 'role' : 'roles'}, ` +
    `${p.pulses} pulse ${p.pulses === 1 ? 'participation' : 'participations'} and ${p.answers} named ` +
    `${p.answers === 1 ? 'answer' : 'answers'} removed. Anonymous pulse answers stay: nothing links them to anyone.`,
  privacySelfErased: (p: { stories: number; names: number; pulses: number; answers: number }) =>
    `Your data is erased: ${p.stories} ${p.stories === 1 ? 'story' : 'stories'} deleted, your name taken off ` +
    `${p.names} ${p.names === 1 ? 'story' : 'stories'}, ${p.pulses} pulse ${p.pulses === 1 ? 'participation' : 'participations'} ` +
    `and ${p.answers} named ${p.answers === 1 ? 'answer' : 'answers'} removed. Anonymous pulse answers stay: nothing links them to you.`,

  privacyExportUsage:
    'Usage: `/culture export` (admins: the whole workspace) or `/culture export me` (your own data).',
  privacyExportSent: 'I sent you the workspace’s data as CSV files, in a direct message.',
  privacyExportComment: (p: { when: string }) =>
    `The workspace’s data on ${p.when}: moments, pulses (anonymous answers carry no name; a pulse still open or ` +
    'below the anonymity threshold has no answers here), schedules and settings.',
  privacyMyExportSent: 'I sent you your data as CSV files, in a direct message.',
  privacyMyExportComment: (p: { when: string }) =>
    `Your data on ${p.when}: the moments you wrote, the moments that name you, the pulses you took part in ` +
    '(your answers only where the pulse was named: anonymous answers cannot be traced to you) and your role.',
  privacyFailed:
    'I could not finish that on our side. Nothing was changed or sent; please try again in a moment.',

  privacyRetentionShow: (p: { months: number; days: number }) =>
    `Stories and pulses are kept *${p.months} months*, then deleted by a daily job. If the app is uninstalled, ` +
    `the workspace’s data is deleted after *${p.days} days* unless it is reinstalled.`,
  privacyRetentionUsage: (p: { minMonths: number; maxMonths: number; minDays: number; maxDays: number }) =>
    `Usage: \`/culture retention <months>\` (${p.minMonths} to ${p.maxMonths}, for example \`/culture retention 24\`) or ` +
    `\`/culture retention grace <days>\` (${p.minDays} to ${p.maxDays}, for example \`/culture retention grace 30\`).`,
  privacyRetentionSet: (p: { months: number }) =>
    `Stories and pulses are now kept ${p.months} months; older ones are deleted at the next daily purge.`,
  privacyGraceSet: (p: { days: number }) =>
    `After an uninstall, the workspace’s data is now kept ${p.days} days before it is deleted.`,

  privacyAuditTitle: 'Latest admin actions',
  privacyAuditEmpty: 'No admin action recorded yet.',
  privacyAuditErasedPerson: 'an erased person',
  privacyAuditSystem: 'the bot',
  privacyAuditLine: (p: { when: string; actor: string; action: string; target: string }) =>
    `${p.when} · ${p.actor} ${p.action}${p.target ? ` · ${p.target}` : ''}`,
  privacyAuditActions: {
    role_changed: 'changed a role',
    moment_deleted: 'deleted someone’s moment',
    person_erased: 'erased a person’s data',
    workspace_exported: 'exported the workspace’s data',
    person_exported: 'exported their own data',
    setting_changed: 'changed a setting',
    schedule_added: 'added a schedule',
    schedule_removed: 'removed a schedule',
    vision_line_added: 'added a vision line',
    vision_line_edited: 'edited a vision line',
    vision_line_removed: 'removed a vision line',
    app_uninstalled: 'recorded the app’s uninstall',
    app_reinstalled: 'recorded the app’s return',
    retention_purged: 'deleted data past the retention period',
  },
  privacyHomeTitle: 'Your data',
  privacyHomeIntro:
    'What the bot keeps about you: the moments you wrote, your name on other people’s moments, your pulse ' +
    'participation and named answers, your role. Take a copy as CSV files, or erase it for good.',
  privacyHomeExport: 'Export my data',
  privacyHomeErase: 'Delete my data',
  privacyHomeAdminTitle: 'Privacy',
  privacyHomeChange: 'Change',
  privacyHomeDeactivatedIntro:
    'Slack reports these people deactivated. Their data stays until an admin decides:',
  privacyHomeEraseThem: 'Erase their data',
  privacyHomeDeactivatedMore: (p: { count: number }) => `and ${p.count} more (\`/culture forget @person\`)`,
  privacyEraseModalTitle: 'Delete data',
  privacyEraseModalSubmit: 'Erase for good',
  privacyEraseModalSelf:
    '*This erases, for good,* the moments you wrote, your name on other people’s moments, your roles, your pulse ' +
    'participation and your named answers. It cannot be undone.',
  privacyEraseModalOther: (p: { user: string }) =>
    `*This erases, for good,* the moments <@${p.user}> wrote, their name on other people’s moments, their roles, ` +
    'their pulse participation and their named answers. It cannot be undone.',
  privacyEraseModalKept:
    'Anonymous pulse answers stay: nothing links them to anyone. Messages already in Slack, other than the ' +
    'recognition posts, stay in Slack.',
  privacyRetentionModalTitle: 'Data retention',
  privacyRetentionModalSubmit: 'Save',
  privacyRetentionMonthsLabel: 'Keep stories and pulses (months)',
  privacyRetentionMonthsHint: (p: { min: number; max: number }) =>
    `A whole number from ${p.min} to ${p.max}. Older ones are deleted by the daily purge.`,
  privacyGraceDaysLabel: 'After an uninstall, keep the data (days)',
  privacyGraceDaysHint: (p: { min: number; max: number }) =>
    `A whole number from ${p.min} to ${p.max}. If the app comes back before, nothing is deleted.`,
  privacyFieldInvalid: (p: { min: number; max: number }) => `Type a whole number from ${p.min} to ${p.max}.`,
  privacyHomeEraseSomeoneIntro:
    'Erase everything the bot holds about one person, for example someone who left.',
  privacyHomeEraseSomeone: 'Erase a person’s data',
  privacyErasePickTitle: 'Erase a person’s data',
  privacyErasePickLabel: 'Whose data?',
  privacyErasePickNext: 'Next',
  privacyErasePickMissing: 'Pick the person whose data to erase.',
};

/**
 * The App Home's standards and reaction-emoji settings (admins). Field errors are plain text
 * (Slack shows them under the field as typed), so they carry no mrkdwn.
 */
export const homeStandardsEn = {
  homeStandardsTitle: (p: { total: number; max: number }) => `*Service standards* (${p.total} of ${p.max})`,
  homeStandardsNone: 'No active standard: stories have nothing to cite. Add one.',
  homeStandardAdd: 'Add a standard',
  homeStandardMove: 'Move',
  homeStandardArchive: 'Archive',
  homeStandardRestorePlaceholder: 'Restore an archived one…',

  homeStandardAddTitle: 'New standard',
  homeStandardEditTitle: 'Edit a standard',
  homeStandardMoveTitle: 'Move a standard',
  homeStandardTagField: 'Tag (stories cite it as #tag)',
  homeStandardTagHint: '2 to 24 lowercase letters (no accents), digits and hyphens, for example call-back.',
  homeStandardDescriptionField: 'The standard, in one line',
  homeStandardPositionField: (p: { tag: string }) => `Place of #${p.tag} in the list`,

  homeStandardTagTooShort: (p: { min: number }) =>
    `A tag has at least ${p.min} characters, such as same-day.`,
  homeStandardTagTooLong: (p: { max: number }) => `A tag has at most ${p.max} characters. Shorten it.`,
  homeStandardTagCharacters:
    'Use only lowercase letters (a–z, no accents), digits and hyphens, such as call-back.',
  homeStandardTagDigitsOnly: 'A tag cannot be digits only: #42 reads as an order number. Add a word.',
  homeStandardDescriptionEmpty: 'Write the standard, in one line.',
  homeStandardDescriptionTooLong: (p: { max: number; length: number }) =>
    `This is ${p.length} characters long; a standard fits in one line of ${p.max}. Shorten it.`,
  homeStandardDuplicate: (p: { tag: string }) =>
    `#${p.tag} is already a standard. Close this and pick Edit on it to change its words.`,
  homeStandardArchivedTag: (p: { tag: string }) =>
    `#${p.tag} is an archived standard. Restore it from the Home instead, so the moments that cited it stay together.`,
  homeStandardTooMany: (p: { max: number }) =>
    `The workspace already has ${p.max} standards, the most everyone can keep in mind. Archive one first.`,

  homeStandardMoved: (p: { tag: string; position: number }) => `*#${p.tag}* is now standard ${p.position}.`,
  homeStandardArchived: (p: { tag: string }) =>
    `*#${p.tag}* is archived: it can no longer be cited, and the moments that cited it keep their citation. ` +
    'Restore it from the list of archived standards.',

  homeReactionsLine: (p: { praise: string; complaint: string }) =>
    `*Reaction emoji:* :${p.praise}: logs a praise · :${p.complaint}: a complaint to learn from`,
  homeReactionsChange: 'Change emoji',
  homeReactionsModalTitle: 'Reaction emoji',
  homeReactionPraiseField: 'Emoji that logs a praise',
  homeReactionComplaintField: 'Emoji that logs a complaint',
  homeReactionHint: 'Its name as Slack shows it, such as clap or :clap:. Pick one everyone has.',
  homeReactionInvalid: 'That is not an emoji name. Type it as Slack shows it, such as clap or :clap:.',
};

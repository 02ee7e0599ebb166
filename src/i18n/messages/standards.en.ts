/** Service standards: /culture standards, /culture standard …, citing with #tag. */
export const standardsEn = {
  standardsHelpCite: (p: { tags: string }) =>
    'Cite a service standard in any story or lesson with `#tag`: praise honours it, a complaint shows where we missed it. ' +
    `Ours: ${p.tags}.`,
  standardsHelpNone: 'The workspace has no active service standard yet.',
  standardsHelpList:
    '`/culture standards`: our service standards, honoured and missed these last four weeks.',
  standardsHelpManage:
    '`/culture standard add <tag> <description>`, `edit <tag> <description>`, `move <tag> <position>`, ' +
    '`remove <tag>`, `restore <tag>`: keep the service standards (12 at most).',

  standardsListTitle: 'Our service standards',
  standardsListLine: (p: {
    position: number;
    tag: string;
    description: string;
    honoured: number;
    missed: number;
  }) => `${p.position}. *#${p.tag}* · ${p.description}\n      _honoured ${p.honoured} · missed ${p.missed}_`,
  standardsListWindow: 'Honoured by praise, missed by complaints, over the last four weeks.',
  standardsListEmpty:
    'There is no active standard. Admins add one with `/culture standard add <tag> <description>`.',
  standardsListArchived: (p: { tags: string }) =>
    `Archived: ${p.tags}. Moments that cited them keep the citation.`,
  standardsListAdminHint:
    'Admins: `/culture standard add <tag> <description>`, `edit <tag> <description>`, `move <tag> <position>`, `remove <tag>`, `restore <tag>`.',

  standardUsage:
    'Usage: `/culture standard add <tag> <description>` · `/culture standard edit <tag> <description>` · ' +
    '`/culture standard move <tag> <position>` · `/culture standard remove <tag>` · `/culture standard restore <tag>`. ' +
    'For example `/culture standard add call-back We call back within the hour we promised.`',
  standardAdded: (p: { tag: string; description: string; position: number }) =>
    `Added standard ${p.position}: *#${p.tag}* · ${p.description}\nEveryone can cite it now with \`#${p.tag}\`.`,
  standardEdited: (p: { tag: string; description: string }) => `*#${p.tag}* now reads: ${p.description}`,
  standardMoved: (p: { tag: string; position: number }) =>
    `*#${p.tag}* is now standard ${p.position}. See the list with \`/culture standards\`.`,
  standardArchived: (p: { tag: string }) =>
    `*#${p.tag}* is archived: it can no longer be cited, and the moments that cited it keep their citation. ` +
    `Bring it back with \`/culture standard restore ${p.tag}\`.`,
  standardRestored: (p: { tag: string; position: number }) =>
    `*#${p.tag}* is back, as standard ${p.position}.`,
  standardRestoreButton: 'Restore it',

  standardTagTooShort: (p: { min: number }) =>
    `A tag has at least ${p.min} characters, for example \`same-day\`.`,
  standardTagTooLong: (p: { max: number }) => `A tag has at most ${p.max} characters. Shorten it.`,
  standardTagCharacters:
    'A tag uses only lowercase letters (a–z, no accents), digits and hyphens, for example `call-back`.',
  standardTagDigitsOnly: 'A tag cannot be digits only: `#42` reads as an order number. Add a word.',
  standardDescriptionEmpty: 'Write the standard after the tag, in one line.',
  standardDescriptionTooLong: (p: { max: number; length: number }) =>
    `The description is ${p.length} characters long; a standard fits in one line of ${p.max}. Shorten it.`,
  standardDuplicate: (p: { tag: string }) =>
    `*#${p.tag}* is already a standard. Change its words with \`/culture standard edit ${p.tag} <description>\`.`,
  standardArchivedAsk: (p: { tag: string; description: string }) =>
    `*#${p.tag}* was a standard and is archived (“${p.description}”). Restore it instead, so the moments that cited it stay together?`,
  standardTooMany: (p: { max: number }) =>
    `The workspace already has ${p.max} standards, the most everyone can keep in mind. Remove one first (\`/culture standard remove <tag>\`).`,
  standardUnknownTag: (p: { tag: string; valid: string }) =>
    `There is no active standard \`${p.tag}\`. The standards are: ${p.valid}.`,
  standardNotArchived: (p: { tag: string }) => `*#${p.tag}* is not archived: it is in the list already.`,
  standardBadPosition: (p: { max: number }) => `Give a position between 1 and ${p.max}.`,
  standardNone: 'none',

  standardsUnknownInStory: (p: { unknown: string; valid: string }) =>
    `I don’t know ${p.unknown}: nothing was logged. The standards you can cite are ${p.valid}. ` +
    'Fix the tag and send it again, or choose the standards in the form.',
  standardsUnknownField: (p: { unknown: string; valid: string }) =>
    `Unknown standard ${p.unknown}. Valid ones: ${p.valid}.`,
  standardsChoose: 'Choose standards',
  standardsHonours: (p: { tags: string }) => `Honours ${p.tags}`,
  standardsMissed: (p: { tags: string }) => `Missed ${p.tags}`,
  standardsField: 'Service standards',
  standardsFieldHint:
    'Praise: the standards it honours. Complaint: the ones we missed. #tags in the text count too.',
  standardsFieldPlaceholder: 'Pick standards',
};

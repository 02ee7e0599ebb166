import type { CustomerType, Impact, MomentKind, Touchpoint } from '../../domain/moments/moment.js';

/** Customer moments: /praise, /complaint, /moment, the modal, the shortcut, DMs, recognition posts. */
export const momentsEn = {
  momentsHelpPraise: '`/praise @colleague [@colleague…] story`: a colleague delighted a customer.',
  momentsHelpComplaint: '`/complaint story`: a customer was let down; log it to learn, without blame.',
  momentsHelpMoment: '`/moment`: the full form (touchpoint, impact, lesson learned…).',
  momentsHelpRecognition: '`/culture channel recognition #channel`: where praise is also posted.',

  momentsKind: { praise: 'Praise', complaint: 'Complaint' } satisfies Record<MomentKind, string>,
  momentsTouchpoint: {
    phone: 'Phone',
    email: 'E-mail',
    chat: 'Chat',
    store: 'Store',
    social: 'Social media',
    other: 'Other',
  } satisfies Record<Touchpoint, string>,
  momentsCustomerType: {
    external: 'External customer (a client, a prospect)',
    internal: 'Internal customer (a colleague, a department, a supplier)',
  } satisfies Record<CustomerType, string>,
  momentsCustomerShort: { external: 'external customer', internal: 'internal customer' } satisfies Record<
    CustomerType,
    string
  >,
  momentsImpactPraise: { small: 'Small credit', big: 'Big credit: a moment of truth' } satisfies Record<
    Impact,
    string
  >,
  momentsImpactComplaint: { small: 'Small debit', big: 'Big debit' } satisfies Record<Impact, string>,
  momentsStatusOpen: 'open',
  momentsStatusResolved: 'resolved',

  momentsPraiseLogged: (p: { colleagues: string }) =>
    `:sparkles: Thanks! Your praise for ${p.colleagues} is logged: a credit to our customers’ emotional bank account.`,
  momentsComplaintLogged: (p: { owner: string }) =>
    ':memo: Thanks for sharing this. The complaint is logged so the whole team can learn from it, without blame. ' +
    `Follow-up: ${p.owner}.`,
  momentsAddDetails: 'Add details',
  momentsUndo: 'Undo',
  momentsAddLesson: 'Add what we learned',
  momentsMarkResolved: 'Mark resolved',
  momentsEdit: 'Edit',
  momentsDelete: 'Delete',
  momentsUndone: 'Undone: the moment and its story are deleted.',
  momentsDeleted: 'Deleted for good, story included.',
  momentsUpdated: 'Your moment is updated.',
  momentsResolved: ':white_check_mark: Marked resolved. Thank you for following up with the customer.',
  momentsLessonSaved: ':bulb: Lesson saved. It will be shared in the weekly learning digest.',

  momentsNoColleague:
    'Who delighted the customer? Mention at least one colleague, for example ' +
    '`/praise @alex stayed late to fix a customer’s order`.',
  momentsStoryTooShort: (p: { min: number }) =>
    `Tell the story in at least ${p.min} characters so colleagues can learn from it.`,
  momentsStoryTooLong: (p: { max: number; length: number }) =>
    `The story is ${p.length} characters long; the limit is ${p.max}. Shorten it and send it again.`,
  momentsTooMany: (p: { max: number }) => `You can name at most ${p.max} colleagues in one moment.`,
  momentsUnknownColleague: (p: { user: string }) =>
    `I can’t find <@${p.user}> in this workspace. Type @ and pick the person.`,
  momentsBotColleague: (p: { user: string }) =>
    `<@${p.user}> is a bot. Name the people who helped the customer.`,
  momentsNotFound: 'This moment no longer exists: it may have been deleted.',
  momentsNotAllowedEdit: 'Only the author can edit this moment.',
  momentsNotAllowedFollowUp: 'Only the author, the follow-up owner or an admin can do that.',
  momentsNotAllowedDelete: 'Only the author or an admin can delete this moment.',
  momentsNotAComplaint: 'Only complaints have a lesson learned and a resolved status.',

  momentsPraiseDm: (p: { author: string }) =>
    `:tada: <@${p.author}> logged a praise story about you: you delighted a customer!`,
  momentsComplaintDm: (p: { author: string }) =>
    `<@${p.author}> logged a customer complaint and thinks you can help follow up. ` +
    'It is about learning together, never about blame.',
  momentsRecognitionPost: (p: { author: string; colleagues: string }) =>
    `:star2: <@${p.author}> recognises ${p.colleagues} for delighting a customer.`,
  momentsInviteNext: 'Seen a colleague delight a customer? Log it with `/praise`.',
  momentsSource: 'Source message',
  momentsRecognitionUsage:
    'Usage: `/culture channel recognition #channel` (or `/culture channel recognition off`).',
  momentsRecognitionSet: (p: { channel: string }) =>
    `Praise will also be posted in <#${p.channel}>. Invite me there with \`/invite @culture\` if it is private.`,
  momentsRecognitionOff: 'Praise is no longer posted in a recognition channel.',

  momentsModalTitle: 'Customer moment',
  momentsModalEditTitle: 'Edit moment',
  momentsModalSubmit: 'Save',
  momentsModalCancel: 'Cancel',
  momentsFieldKind: 'What happened?',
  momentsKindPraiseOption: 'Praise: a colleague delighted a customer',
  momentsKindComplaintOption: 'Complaint: a customer was let down',
  momentsFieldColleagues: 'Colleagues',
  momentsFieldColleaguesHint:
    'Praise: who delighted the customer. Complaint: who can help follow up (never to blame).',
  momentsFieldCustomerType: 'Customer',
  momentsFieldTouchpoint: 'Touchpoint',
  momentsFieldImpact: 'Impact',
  momentsImpactSmallOption: 'Small: a promise kept, or a reply that came late',
  momentsImpactBigOption: 'Big: a moment of truth, or a customer badly let down',
  momentsFieldStory: 'The story',
  momentsFieldStoryPlaceholder: 'What happened, in a few sentences. Cite a standard with #tag.',
  momentsFieldLesson: 'What we learned / what we changed',
  momentsFieldLessonHint: 'For complaints: shared at the team meeting so everyone learns.',
  momentsFieldFollowUp: 'Who follows up',
  momentsFieldFollowUpHint: 'For complaints: the customer should hear back.',
  momentsLessonTitle: 'What we learned',
  momentsLessonResolve: 'The customer heard back: mark it resolved',
  momentsErrorNoColleague: 'Praise needs at least one colleague (not yourself).',
  momentsErrorNotFromShortcut: 'Pick whether this is praise or a complaint.',
};

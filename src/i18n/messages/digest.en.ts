/** The weekly recognition and learning digest, and the service standards it reports on. */
export const digestEn = {
  digestHelpPreview: '`/digest preview`: this week so far, only for you.',
  digestHelpPost: '`/digest post`: post this week’s digest in this channel.',
  digestUsage: 'Usage: `/digest preview` (only you see it) or `/digest post` (in this channel).',
  digestTitle: (p: { from: string; to: string }) => `Weekly digest · ${p.from} – ${p.to}`,
  digestPreviewNote: 'Preview of the week so far: only you can see this.',
  digestBank: (p: { credits: number; debits: number; balance: string }) =>
    `*Emotional bank account:* ${p.credits} in credits, ${p.debits} in debits, balance *${p.balance}*`,
  digestBankChange: (p: { change: string }) => `${p.change} against last week`,
  digestPulse: (p: { average: string; answers: number }) =>
    `*Trust score* from this week’s pulse: *${p.average}*/10 (${p.answers} answers).`,
  digestRecognitionTitle: (p: { count: number }) =>
    `:star2: *Recognition:* ${p.count} ${p.count === 1 ? 'praise story' : 'praise stories'}`,
  digestRecognised: (p: { people: string }) => `Thank you ${p.people}!`,
  digestMorePeople: (p: { count: number }) => `and ${p.count} more`,
  digestPraiseStory: (p: { author: string; colleagues: string; impact: string }) =>
    `*${p.colleagues}*, logged by ${p.author} (${p.impact})`,
  digestMoreStories: (p: { count: number }) => `…and ${p.count} more ${p.count === 1 ? 'story' : 'stories'}.`,
  digestLearningTitle: (p: { count: number; resolved: number }) =>
    `:bulb: *Learning:* ${p.count} ${p.count === 1 ? 'complaint' : 'complaints'}, ${p.resolved} resolved`,
  digestTouchpoint: (p: { touchpoint: string; count: number; resolved: number }) =>
    `*${p.touchpoint}* · ${p.count} (${p.resolved} resolved)`,
  digestLesson: (p: { lesson: string }) => `_What we learned:_ ${p.lesson}`,
  digestNoLesson: (p: { owner: string }) => `_No lesson yet_ · follow-up: ${p.owner}`,
  digestMissingLessons: (p: { count: number }) =>
    `${p.count} ${p.count === 1 ? 'complaint is' : 'complaints are'} waiting for what we learned. ` +
    'Follow-up owners: add it with the button, so everyone learns.',
  digestAddLesson: 'Add what we learned',
  digestStandardsTitle: '*Service standards*',
  digestStandardLine: (p: { tag: string; honoured: number; missed: number }) =>
    `• *#${p.tag}* · honoured ${p.honoured} · missed ${p.missed}`,
  digestTrainingFocus: (p: { tag: string; line: string }) =>
    `:dart: *Training focus this week: #${p.tag}* · ${p.line}`,
  digestFocusLessons: '_What we learned on those complaints:_',
  digestFocusExample: (p: { colleagues: string; author: string }) =>
    `*The example to follow:* ${p.colleagues}, logged by ${p.author}`,
  digestFocusExampleAnonymous: (p: { author: string }) => `*The example to follow*, logged by ${p.author}`,
  digestEmpty:
    'No customer stories yet this week. Who delighted a customer? Say it with `/praise`. ' +
    'A customer let down? `/complaint` helps us learn together, without blame.',
  digestInvite:
    'Every contact can become a pleasant memory. Log the next story with `/praise` or `/complaint`.',
  digestPosted: 'The digest is posted in this channel.',
};

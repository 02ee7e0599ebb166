/**
 * The three-procedure pulse (`/pulse`, its card, modal, reminder and results). Numbers arrive
 * already written the way the language writes them (`n`, `average`…); `count` only picks the
 * plural. Texts ending in Plain are plain_text (labels, buttons, titles), the rest mrkdwn.
 */
export const pulseEn = {
  // The four items of the survey, word for word as the team wrote them (plain: they are also modal labels).
  pulseScoreQuestionPlain:
    'On a scale of 1 to 10 (1 lowest, 10 highest), how full is our customer trust account?',
  pulseVisionQuestionPlain:
    'What is our company vision, our vision statement centred on customer satisfaction?',
  pulseMotivationQuestionPlain:
    'How can we get our managers to motivate their teams so that every customer contact becomes a pleasant memory?',
  pulseHumanQuestionPlain: 'What can we do, individually and together, to make our work a human experience?',

  /**
   * Slack renders `<!date^…>` in each reader's own time zone; these are the patterns inside it,
   * and the fallback (older clients, notifications) written in the workspace's time zone.
   */
  pulseDatePattern: '{date_short} at {time}',
  pulseDateFallback: (p: { date: string; time: string }) => `${p.date} at ${p.time}`,
  pulseAnswers: (p: { count: number; n: string }) => (p.count === 1 ? `${p.n} answer` : `${p.n} answers`),

  pulseCardTitlePlain: 'Three-procedure pulse',
  pulseCardIntro:
    'How full is our customers’ *trust account*, and what will each of us do to fill it? ' +
    'Two minutes, four questions:',
  pulseCardAnonymous: (p: { threshold: number }) =>
    `:lock: *Anonymous*: your name is never stored with your answer, and results are shown only from ${p.threshold} answers.`,
  pulseCardNamed:
    ':bust_in_silhouette: *Named*: your name is shown with your answer; you can change it until the pulse closes.',
  pulseCardCloses: (p: { when: string }) => `Closes ${p.when}`,
  pulseCardSoFar: (p: { answers: string }) => `${p.answers} so far`,
  pulseCardNoAnswers: 'No answers yet: be the first',
  pulseCardStartedBy: (p: { user: string }) => `Started by <@${p.user}>`,
  pulseCardStartedByErased: 'Started by someone whose data was erased',
  pulseCardRecurring: 'Recurring pulse',
  pulseCardClosed: (p: { when: string; answers: string }) =>
    `*Closed* ${p.when} with ${p.answers}. The results are in the thread.`,
  pulseAnswerButtonPlain: 'Answer',
  pulseCardText: (p: { when: string }) => `Three-procedure pulse: answer in two minutes (closes ${p.when}).`,
  pulseCardClosedText: 'Three-procedure pulse: closed. The results are in the thread.',

  pulseReminder: (p: { when: string; answers: string }) =>
    `:hourglass_flowing_sand: *Reminder*: the three-procedure pulse closes ${p.when}, ${p.answers} so far. ` +
    'If you have not answered yet, it takes two minutes.',
  pulseReminderText: 'Reminder: the three-procedure pulse closes soon.',

  pulseModalTitlePlain: 'Service pulse',
  pulseModalSubmitPlain: 'Send',
  pulseModalCancelPlain: 'Cancel',
  pulseModalClosePlain: 'Close',
  pulseModalAnonymous: (p: { threshold: number }) =>
    ':lock: *Anonymous*: your answer is stored without your name and without the time, ' +
    `and results are shown only from ${p.threshold} answers. Only the score is required.`,
  pulseModalNamed:
    ':bust_in_silhouette: *Named*: your name is shown with your answer. Only the score is required.',
  pulseModalPrefilled: 'Here is your answer: change what you like and send it again.',
  pulseScorePlaceholderPlain: 'Pick a score',
  pulseScoreLowestPlain: '1: lowest',
  pulseScoreHighestPlain: '10: highest',
  pulseTextPlaceholderPlain: 'Optional: a few words are enough',
  pulseErrorScore: 'Pick a score from 1 to 10.',
  pulseErrorTooLong: (p: { max: string; length: string }) =>
    `Please keep it to ${p.max} characters (this one has ${p.length}).`,
  pulseThanksAnonymous: ':raised_hands: *Thank you!* Your answer is in, stored without your name.',
  pulseThanksNamed:
    ':raised_hands: *Thank you!* Your answer is in. You can change it until the pulse closes.',
  pulseThanksUpdated: ':white_check_mark: Your answer is updated.',
  pulseAlreadyAnswered: 'You have already answered this pulse: each person answers once. Thank you!',
  pulseModalClosed:
    'This pulse is closed: it no longer takes answers. The results are in the thread under it.',
  pulseModalNotFound: 'This pulse no longer exists.',

  pulseUsage:
    'Usage: `/pulse start [named] [days]` (anonymous and 3 days unless you say otherwise), ' +
    '`/pulse status`, `/pulse close`, `/pulse export`.',
  pulseStartUsage:
    'Usage: `/pulse start [named] [days]`, for example `/pulse start` (anonymous, 3 days) or ' +
    '`/pulse start named 5`. Days go from 1 to 30.',
  pulseStarted: (p: { when: string }) =>
    `Your pulse is open; it closes ${p.when}. I will remind the channel a day before, then post the results in its thread.`,
  pulseStartedNoReminder: (p: { when: string }) =>
    `Your pulse is open; it closes ${p.when}. I will post the results in its thread then.`,
  pulseAlreadyOpen: (p: { link: string; when: string }) =>
    `A pulse is already open in this channel (<${p.link}|see it>); it closes ${p.when}. ` +
    'Close it first with `/pulse close` to start another.',
  pulseAlreadyOpenNoLink: (p: { when: string }) =>
    `A pulse is already open in this channel; it closes ${p.when}. Close it first with \`/pulse close\` to start another.`,
  pulseNotAChannel: 'Run `/pulse start` in the channel whose members you want to survey.',
  pulseNotInChannel: 'I am not a member of this channel. Invite me with `/invite @culture`, then try again.',
  pulseStatusOpen: (p: { answers: string; when: string }) =>
    `The pulse in this channel has *${p.answers}* so far and closes ${p.when}.`,
  pulseStatusHidden: (p: { threshold: number }) =>
    `Results stay hidden until there are at least ${p.threshold} answers, to protect anonymity.`,
  pulseStatusShownAtClose:
    'The results will be posted in its thread when it closes. Scores stay hidden while it is open: ' +
    'watching them move answer by answer would tell who answered what.',
  pulseStatusNone: 'No pulse is open in this channel. Start one with `/pulse start`.',
  pulseCloseNone: 'No pulse is open in this channel.',
  pulseClosedByYou: 'The pulse is closed. The results are in the thread under it.',
  pulseClosedResultsLater:
    'The pulse is closed and takes no more answers, but its results could not be posted: Slack did not ' +
    'accept the message. I will try again in a few minutes; the results will then be in the thread under it.',
  pulseExportNone:
    'This channel has no closed pulse to export yet. Run `/pulse export` in the pulse’s channel.',
  pulseExportBelowThreshold: (p: { answers: string; threshold: number }) =>
    `The last pulse closed with ${p.answers}, fewer than ${p.threshold}: its answers stay hidden to ` +
    'protect anonymity, in an export too.',
  pulseExportSent: 'I sent you the answers of the last closed pulse as a CSV file, in a direct message.',
  pulseExportComment: (p: { channel: string; when: string; answers: string }) =>
    `The answers of the pulse in <#${p.channel}> that closed ${p.when} (${p.answers}), in random order.`,
  pulseCsvRespondentPlain: 'respondent',
  pulseCsvScorePlain: 'trust score (1-10)',
  pulseCsvVisionPlain: 'Q1 vision',
  pulseCsvMotivationPlain: 'Q2 managers and pleasant memories',
  pulseCsvHumanPlain: 'Q3 human experience',

  pulseResultsTitlePlain: 'Pulse results',
  pulseResultsSummary: (p: { answers: string; average: string }) =>
    `*${p.answers}* · average trust score *${p.average}* / 10`,
  pulseResultsChange: (p: { delta: string; previous: string; when: string }) =>
    `Change since the previous pulse (${p.when}: ${p.previous} / 10): *${p.delta}*`,
  pulseResultsFirst: 'The first pulse with results in this channel: the next one will show the change.',
  pulseResultsDistribution: '*How the scores spread* (score: answers)',
  pulseResultsSpirit: '*And what will you do to raise that score?* Share one concrete step in this thread.',
  pulseResultsNoText: '_No answer to this question._',
  pulseResultsMore: (p: { n: string }) =>
    `…and ${p.n} more. Managers can get every answer with \`/pulse export\`.`,
  pulseResultsHidden: (p: { answers: string; threshold: number }) =>
    `The pulse closed with *${p.answers}*. Results are shown from ${p.threshold} answers, ` +
    'so they stay hidden to protect anonymity.',
  pulseResultsText: (p: { answers: string; average: string }) =>
    `Pulse results: ${p.answers}, average trust score ${p.average} / 10.`,
  pulseResultsHiddenText: (p: { answers: string }) =>
    `Pulse closed with ${p.answers}: too few to show results.`,

  helpPulseStart:
    '`/pulse start [named] [days]`: run the three-procedure pulse in this channel (anonymous, 3 days by default).',
  helpPulseFollow:
    '`/pulse status`, `/pulse close`, `/pulse export`: follow it, close it, get the answers as CSV.',
};

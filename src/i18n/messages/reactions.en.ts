/** Moments by emoji reaction: confirmations to the reactor, /culture reactions, the help lines. */
export const reactionsEn = {
  reactionsHelpReact: (p: { praise: string; complaint: string }) =>
    `React with :${p.praise}: to a colleague's message to praise them, or with :${p.complaint}: to log a ` +
    'complaint to learn from. I only hear reactions in channels I am in: invite me with `/invite @culture`.',
  reactionsHelpSettings:
    '`/culture reactions praise <emoji> complaint <emoji>`: the two emoji that log a moment by reaction.',

  reactionsLoggedNote: (p: { emoji: string }) =>
    `Logged from your :${p.emoji}: reaction. Remove it within 10 minutes to undo.`,
  reactionsTruncated: (p: { max: number }) =>
    `The message is longer than ${p.max} characters: the story keeps its beginning, and the link to the whole message.`,
  reactionsSecondedPraise: (p: { author: string }) =>
    `:raised_hands: You second this praise, first logged by <@${p.author}>. Thank you for recognising it too.`,
  reactionsSecondedComplaint: (p: { author: string }) =>
    `:raised_hands: You second this complaint, first logged by <@${p.author}>: the team will learn from it.`,
  reactionsUnseconded: 'You removed your reaction: you no longer second this story.',
  reactionsUndone: 'You removed your reaction: the moment and its story are deleted.',
  reactionsNoText: (p: { emoji: string }) =>
    `That message has no text (a file or an image alone), so your :${p.emoji}: logged nothing. ` +
    'Tell the story in the form: the link to the message is kept.',
  reactionsOpenForm: 'Tell the story',
  reactionsOwnMessage: (p: { emoji: string }) =>
    `Your :${p.emoji}: logged nothing: that is your own message and it names no one else. ` +
    'Praise recognises a colleague: react to their message, or mention them in yours.',
  reactionsReadFailed: (p: { emoji: string }) =>
    `I could not read that message from Slack, so your :${p.emoji}: logged nothing. ` +
    'Remove the reaction and add it again in a moment.',

  reactionsDigestSeconded: (p: { count: number }) =>
    ` · :raised_hands: seconded by ${p.count} ${p.count === 1 ? 'colleague' : 'colleagues'}`,

  reactionsCurrent: (p: { praise: string; complaint: string }) =>
    `Reacting with :${p.praise}: (\`${p.praise}\`) logs a praise, with :${p.complaint}: (\`${p.complaint}\`) a complaint to learn from.`,
  reactionsUsage:
    'Usage: `/culture reactions praise <emoji> complaint <emoji>`, for example ' +
    '`/culture reactions praise :clap: complaint :bulb:` (one of the two is enough).',
  reactionsInvalidEmoji: 'That is not an emoji name. Type it as Slack shows it, such as `:clap:` or `clap`.',
  reactionsSameEmoji: 'Praise and complaints need two different emoji.',
  reactionsSet: (p: { praise: string; complaint: string }) =>
    `Done. From now on :${p.praise}: logs a praise and :${p.complaint}: a complaint. ` +
    'Use emoji everyone has, and remember I only hear reactions in channels I am in.',
};

/** The vision mantra (/mantra) and scheduled posts (/culture schedule…). */
export const mantraEn = {
  mantraDefaultLine: 'Customer first.',

  mantraHelpShow: '`/mantra`: our vision line(s).',
  mantraHelpPost: '`/mantra post`: post the vision here now, illustrated with a recent praise story.',
  mantraHelpManage: '`/mantra add <line>`, `/mantra list`, `/mantra remove <number>`: keep the vision lines.',
  scheduleHelpSchedule:
    '`/culture schedule mantra #channel "0 9 * * 1" Europe/Paris`: post on a schedule (cron in quotes, zone optional).',
  scheduleHelpList: '`/culture schedules`: the schedules, their next post and last outcome.',
  scheduleHelpUnschedule: '`/culture unschedule <id>`: remove a schedule.',
  scheduleHelpTimezone:
    '`/culture timezone Europe/Paris`: the workspace time zone (default for new schedules).',

  mantraUsage:
    'Usage: `/mantra` shows our vision. Admins: `/mantra add <line>`, `/mantra list`, `/mantra remove <number>`. ' +
    'Managers and admins: `/mantra post` posts it in this channel now.',
  mantraShowTitle: 'Our vision',
  mantraDefaultMark: '_(default line, until an admin adds the workspace’s own)_',
  mantraShowAdminHint: 'Admins change it with `/mantra add <line>` and `/mantra remove <number>`.',
  mantraListTitle: 'Vision lines, in the order they are posted',
  mantraListHint: 'Remove one with `/mantra remove <number>`; add one with `/mantra add <line>`.',
  mantraAddEmpty:
    'Write the line after the command, for example `/mantra add Every customer leaves happier.`',
  mantraAddTooLong: (p: { max: number }) =>
    `A vision line is short enough to remember: ${p.max} characters at most. Shorten it and try again.`,
  mantraAdded: (p: { line: string }) => `Added to our vision: *${p.line}*`,
  mantraAddedReplacedDefault:
    'The default line is gone: from now on the posts use the workspace’s own words.',
  mantraRemoveUsage: 'Usage: `/mantra remove <number>`, with the number shown by `/mantra list`.',
  mantraRemoveUnknown: (p: { position: number; count: number }) =>
    `There is no line ${p.position}: the list has ${p.count}. See \`/mantra list\`.`,
  mantraRemoveLast:
    'This is the only vision line, and the workspace keeps at least one. Add the new one first (`/mantra add <line>`), then remove this one.',
  mantraRemoved: (p: { line: string }) => `Removed from our vision: ${p.line}`,
  mantraPosted: (p: { channel: string }) => `Posted our vision in <#${p.channel}>.`,
  mantraPostNoAccess:
    'I can’t post in this conversation: I’m not a member and can’t join it myself (private channels and DMs). ' +
    'Invite me with `/invite @culture`, then try again.',

  mantraPostLabel: 'Our vision',
  mantraPostFallback: (p: { line: string }) => `Our vision: ${p.line}`,
  mantraPostStoryIntro: (p: { names: string; count: number }) =>
    `*What it looks like:* ${p.names} delighted a customer${p.count > 1 ? ' together' : ''}.`,
  mantraPostStoryIntroAnonymous: '*What it looks like:* a colleague delighted a customer.',
  mantraPostTrainingFocus: (p: { tag: string; line: string }) =>
    `:dart: *Training focus this week: #${p.tag}*${p.line ? ` · ${p.line}` : ''}`,
  mantraPostInvite:
    'Seen a colleague delight a customer? Tell the team with `/praise @colleague what happened`.',
  mantraPostFirstStory:
    'No praise story in the last 30 days yet. Be the first: when a colleague delights a customer, ' +
    'share it with `/praise @colleague what happened`.',

  scheduleKindMantra: 'mantra',
  scheduleKindDigest: 'weekly digest',
  scheduleKindPulse: 'pulse',
  scheduleUsage: (p: { zone: string }) =>
    'Usage: `/culture schedule mantra #channel "0 9 * * 1-5" Europe/Paris`: what to post, the channel (pick it with #), ' +
    'a cron expression in quotes (minute hour day-of-month month day-of-week) and, optionally, a time zone ' +
    `(default: the workspace’s, ${p.zone}). For a team’s own digest add \`scope=channel\`: ` +
    'only the moments logged in that channel or by or about its members.',
  scheduleScopeDigestOnly: '`scope=channel` is for digests only.',
  scheduleUnknownKind: (p: { kind: string }) =>
    `I can schedule \`mantra\`, \`digest\` or \`pulse\`, not \`${p.kind}\`.`,
  scheduleKindUnavailable: (p: { kind: string }) =>
    `Scheduled ${p.kind} posts are not available yet: that part of the bot is still being built. ` +
    'Nothing was scheduled. You can schedule `mantra` posts today.',
  scheduleInvalidCron: (p: { cron: string; problems: string }) =>
    `\`${p.cron}\` is not a schedule I understand: ${p.problems}. Use five fields in quotes, ` +
    'minute hour day-of-month month day-of-week, for example `"0 9 * * 1-5"` (09:00 on weekdays) ' +
    'or `"30 8 * * 1"` (Mondays at 08:30).',
  scheduleCronFieldCount: (p: { count: number }) => `it has ${p.count} field(s) instead of five`,
  scheduleCronField: (p: { field: string; value: string }) => `the ${p.field} \`${p.value}\` is not valid`,
  scheduleCronSyntax: 'it contains characters a cron expression cannot have',
  scheduleCronNeverFires: 'no date ever matches it (such as 31 February)',
  scheduleFieldMinute: 'minute',
  scheduleFieldHour: 'hour',
  scheduleFieldDayOfMonth: 'day of the month',
  scheduleFieldMonth: 'month',
  scheduleFieldDayOfWeek: 'day of the week',
  scheduleInvalidZone: (p: { zone: string }) =>
    `I don’t know the time zone \`${p.zone}\`. Use an IANA name such as \`Europe/Paris\`, \`America/New_York\` or \`UTC\`.`,
  scheduleCreated: (p: { id: number; kind: string; channel: string; cron: string; zone: string }) =>
    `Scheduled *#${p.id}*: the ${p.kind} in <#${p.channel}>, \`${p.cron}\` (${p.zone}).`,
  scheduleNextRuns: 'Next three posts:',
  scheduleTooOften:
    ':warning: This fires more often than once an hour. It is accepted, but the channel may find it noisy.',
  scheduleBothDays:
    ':warning: Both the day of the month and the day of the week are set: this posts only on days that match *both* (`0 9 13 * 5` is Friday the 13th only), not on either as in classic cron. Check the dates above; to post on either, make two schedules.',
  schedulePrivateChannelHint:
    'If the channel is private, invite me first with `/invite @culture`: I can join public channels myself, not private ones.',
  scheduleListTitle: 'Scheduled posts',
  scheduleListEmpty:
    'Nothing is scheduled yet. Admins: `/culture schedule mantra #channel "0 9 * * 1" Europe/Paris`.',
  scheduleListItem: (p: { id: number; kind: string; channel: string; cron: string; zone: string }) =>
    `*#${p.id}* ${p.kind} in <#${p.channel}>: \`${p.cron}\` (${p.zone})`,
  scheduleListNext: (p: { when: string }) => `Next: ${p.when}`,
  scheduleListNoNext: 'Next: none within the coming years',
  scheduleListFailing: ':warning: failing: the last post could not be delivered',
  scheduleListMore: (p: { count: number }) => `…and ${p.count} more.`,
  scheduleListHint: 'Remove one with `/culture unschedule <id>`.',
  scheduleLastNever: 'Last: not run yet',
  scheduleLastPosted: (p: { when: string }) => `Last: posted (${p.when})`,
  scheduleLastFailed: (p: { when: string; error: string }) => `Last: failed (${p.when}, \`${p.error}\`)`,
  scheduleLastRetrying: (p: { when: string; attempts: number }) =>
    `Last: retrying (${p.when}, ${p.attempts} attempt(s) so far)`,
  scheduleLastSkipped: (p: { when: string }) => `Last: skipped, missed while the bot was down (${p.when})`,
  scheduleLastClaimed: (p: { when: string }) => `Last: posting now (${p.when})`,
  scheduleUnscheduleUsage: 'Usage: `/culture unschedule <id>`, with the id shown by `/culture schedules`.',
  scheduleUnknownId: (p: { id: number }) => `There is no schedule #${p.id} here. See \`/culture schedules\`.`,
  scheduleRemoved: (p: { id: number; kind: string; channel: string }) =>
    `Removed schedule #${p.id} (the ${p.kind} in <#${p.channel}>).`,
  scheduleTimezoneUsage: (p: { zone: string }) =>
    `The workspace time zone is \`${p.zone}\`. Change it with \`/culture timezone Europe/Paris\` (an IANA name).`,
  scheduleTimezoneSet: (p: { zone: string }) =>
    `The workspace time zone is now \`${p.zone}\`. New schedules use it unless they name another; ` +
    'existing schedules keep their own.',
  scheduleFailedDm: (p: { id: number; kind: string; channel: string; reason: string }) =>
    `I could not post the scheduled ${p.kind} (schedule #${p.id}) in <#${p.channel}>: ${p.reason} ` +
    `I will try again at the next scheduled time. To stop it: \`/culture unschedule ${p.id}\`.`,
  scheduleFailReasonNoAccess:
    'I’m not a member of that channel and can’t join it myself. Invite me with `/invite @culture`.',
  scheduleFailReasonChannelGone: 'the channel no longer exists or was archived.',
  scheduleFailReasonOther: (p: { code: string }) => `Slack answered \`${p.code}\`.`,
};

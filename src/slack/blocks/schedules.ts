import type { Schedule, ScheduleKind, ScheduleRun } from '../../domain/schedules/schedule.js';
import type { ScheduleEntry } from '../../domain/schedules/schedule-service.js';
import { formatDate, type Locale, type Messages } from '../../i18n/index.js';
import { type Block, context, section } from './common.js';

/** A fire time as the people of that zone read it: `Mon, 23 Nov 2026, 09:00` / `lun. 23 nov. 2026, 09:00`. */
export function formatFireTime(locale: Locale, date: Date, timeZone: string): string {
  return formatDate(locale, date, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

export function kindLabel(m: Messages, kind: ScheduleKind): string {
  return { mantra: m.scheduleKindMantra, digest: m.scheduleKindDigest, pulse: m.scheduleKindPulse }[kind];
}

/** The answer to `/culture schedule`: what was scheduled and the next three fire times. */
export function buildScheduleCreated(
  m: Messages,
  locale: Locale,
  created: { schedule: Schedule; next: Date[]; moreOftenThanHourly: boolean; bothDaysRestricted: boolean },
): { text: string; blocks: Block[] } {
  const { schedule } = created;
  const summary = m.scheduleCreated({
    id: schedule.id,
    kind: kindLabel(m, schedule.kind),
    channel: schedule.channelId,
    cron: schedule.cron,
    zone: schedule.timezone,
  });
  const times = created.next.map((date) => `• ${formatFireTime(locale, date, schedule.timezone)}`).join('\n');
  const blocks: Block[] = [section(summary), section(`${m.scheduleNextRuns}\n${times}`)];
  if (created.moreOftenThanHourly) blocks.push(section(m.scheduleTooOften));
  if (created.bothDaysRestricted) blocks.push(section(m.scheduleBothDays));
  blocks.push(context(m.schedulePrivateChannelHint));
  return { text: summary, blocks };
}

export function lastRunLine(
  m: Messages,
  locale: Locale,
  run: ScheduleRun | undefined,
  timeZone: string,
): string {
  if (!run) return m.scheduleLastNever;
  const when = formatFireTime(locale, run.fireAt, timeZone);
  switch (run.status) {
    case 'posted':
      return m.scheduleLastPosted({ when });
    case 'failed':
      return m.scheduleLastFailed({ when, error: run.error ?? 'unknown' });
    case 'retrying':
      return m.scheduleLastRetrying({ when, attempts: run.attempts });
    case 'skipped':
      return m.scheduleLastSkipped({ when });
    case 'claimed':
      return m.scheduleLastClaimed({ when });
  }
}

/** Slack allows 50 blocks in a message; past this many schedules the list says how many more. */
const LIST_MAX = 40;

/** `/culture schedules`: id, what and where, next fire time, last outcome. */
export function buildScheduleList(
  m: Messages,
  locale: Locale,
  entries: ScheduleEntry[],
): { text: string; blocks: Block[] } {
  if (entries.length === 0) return { text: m.scheduleListEmpty, blocks: [section(m.scheduleListEmpty)] };
  const blocks: Block[] = [section(`*${m.scheduleListTitle}*`)];
  for (const { schedule, next, lastRun } of entries.slice(0, LIST_MAX)) {
    const lines = [
      m.scheduleListItem({
        id: schedule.id,
        kind: kindLabel(m, schedule.kind),
        channel: schedule.channelId,
        cron: schedule.cron,
        zone: schedule.timezone,
      }),
      next
        ? m.scheduleListNext({ when: formatFireTime(locale, next, schedule.timezone) })
        : m.scheduleListNoNext,
      lastRunLine(m, locale, lastRun, schedule.timezone),
    ];
    if (schedule.failing) lines.push(m.scheduleListFailing);
    blocks.push(section(lines.join('\n')));
  }
  if (entries.length > LIST_MAX)
    blocks.push(context(m.scheduleListMore({ count: entries.length - LIST_MAX })));
  blocks.push(context(m.scheduleListHint));
  return { text: m.scheduleListTitle, blocks };
}

/** The DM to a schedule's creator when its post could not be delivered. */
export function buildScheduleFailedDm(
  m: Messages,
  failure: { schedule: Schedule; code: string },
): { text: string; blocks: Block[] } {
  const { schedule, code } = failure;
  const reason =
    code === 'not_in_channel'
      ? m.scheduleFailReasonNoAccess
      : code === 'channel_not_found' || code === 'is_archived'
        ? m.scheduleFailReasonChannelGone
        : m.scheduleFailReasonOther({ code });
  const text = m.scheduleFailedDm({
    id: schedule.id,
    kind: kindLabel(m, schedule.kind),
    channel: schedule.channelId,
    reason,
  });
  return { text, blocks: [section(text)] };
}

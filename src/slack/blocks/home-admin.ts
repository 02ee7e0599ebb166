import type { HomeData } from '../../domain/home/home-service.js';
import type { Workspace } from '../../domain/workspace/workspace-service.js';
import type { Locale, Messages } from '../../i18n/index.js';
import { HOME_ACTIONS } from '../ids.js';
import { escapeUserText } from '../mrkdwn.js';
import { type Block, context, header, section } from './common.js';
import { confirmOf, homeButton, type Ids, item, overflow, paging } from './home-common.js';
import { formatFireTime, kindLabel, lastRunLine } from './schedules.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cron expression in words for the common shapes (weekdays, every day, given days at a time);
 * anything else is shown as it was written.
 */
export function describeCron(m: Messages, cron: string): string {
  const [minute, hour, dayOfMonth, month, dayOfWeek, ...rest] = cron.trim().split(/\s+/);
  const simple = /^\d{1,2}$/;
  if (
    rest.length > 0 ||
    !minute ||
    !hour ||
    !simple.test(minute) ||
    !simple.test(hour) ||
    dayOfMonth !== '*' ||
    month !== '*'
  ) {
    return m.homeCronRaw({ cron });
  }
  const time = `${pad(Number(hour))}:${pad(Number(minute))}`;
  if (dayOfWeek === '*') return m.homeCronDaily({ time });
  if (dayOfWeek === '1-5') return m.homeCronWeekdays({ time });
  if (dayOfWeek && /^[0-7](,[0-7])*$/.test(dayOfWeek)) {
    const days = dayOfWeek.split(',').map((d) => m.homeDayPlural[Number(d) % 7] ?? d);
    return m.homeCronDays({ days: days.join(', '), time });
  }
  return m.homeCronRaw({ cron });
}

function workspaceLines(m: Messages, workspace: Workspace): string {
  const { settings } = workspace;
  const delay = settings.followUpDelayDays;
  return [
    m.homeSettingLanguage({ value: workspace.locale === 'fr' ? 'Français' : 'English' }),
    m.homeSettingZone({ value: workspace.timezone }),
    m.homeSettingRecognition({
      value: settings.recognitionChannelId ? `<#${settings.recognitionChannelId}>` : m.homeOff,
    }),
    m.homeSettingThreshold({ value: settings.anonymityThreshold }),
    m.homeSettingWeights(settings.weights),
    m.homeSettingDelay({ value: delay === null ? m.homeOff : m.homeDelayDays({ days: delay }) }),
  ].join('\n');
}

/** For admins: every setting `/culture` and `/mantra` change, with pickers instead of syntax. */
export function buildAdminSection(
  m: Messages,
  locale: Locale,
  admin: NonNullable<HomeData['admin']>,
  workspace: Workspace,
  ids: Ids,
): Block[] {
  const blocks: Block[] = [header(m.homeAdminTitle)];

  blocks.push(
    item(m.homeWorkspaceTitle, homeButton(m.homeChangeSettings, HOME_ACTIONS.settings, 'settings')),
    section(workspaceLines(m, workspace)),
  );

  blocks.push(
    item(
      m.homeLinesTitle({ total: admin.lines.total }),
      homeButton(m.homeLineAdd, HOME_ACTIONS.lineAdd, 'add'),
    ),
  );
  for (const line of admin.lines.items) {
    const text = line.isDefault
      ? `>${m.mantraDefaultLine}\n${m.homeLineDefault}`
      : `>${escapeUserText(line.text)}`;
    blocks.push(
      item(
        text,
        overflow(ids.next(HOME_ACTIONS.line), [
          { text: m.homeEdit, value: `edit:${line.id}` },
          { text: m.homeRemove, value: `remove:${line.id}` },
        ]),
      ),
    );
  }
  blocks.push(...paging(m, ids, 'lines', admin.lines));

  blocks.push(
    item(
      m.homeSchedulesTitle({ total: admin.schedules.total }),
      homeButton(m.homeScheduleAdd, HOME_ACTIONS.scheduleAdd, 'add'),
    ),
  );
  if (admin.schedules.total === 0) blocks.push(context(m.homeSchedulesNone));
  for (const { schedule, next, lastRun } of admin.schedules.items) {
    const when = (date: Date) => formatFireTime(locale, date, schedule.timezone);
    const lines = [
      m.homeScheduleLine({
        kind: kindLabel(m, schedule.kind),
        channel: schedule.channelId,
        when: describeCron(m, schedule.cron),
        zone: schedule.timezone,
      }),
      next ? m.scheduleListNext({ when: when(next) }) : m.scheduleListNoNext,
      lastRunLine(m, locale, lastRun, schedule.timezone),
    ];
    if (schedule.failing) lines.push(m.scheduleListFailing);
    blocks.push(
      item(
        lines.join('\n'),
        homeButton(m.homeRemove, ids.next(HOME_ACTIONS.scheduleRemove), String(schedule.id), {
          style: 'danger',
          confirm: confirmOf(m, m.homeScheduleRemoveConfirm),
        }),
      ),
    );
  }
  blocks.push(...paging(m, ids, 'schedules', admin.schedules));

  blocks.push(
    item(
      m.homeRolesTitle({ total: admin.roles.total }),
      homeButton(m.homeRoleGrant, HOME_ACTIONS.roleGrant, 'grant'),
    ),
  );
  if (admin.roles.total === 0) blocks.push(context(m.homeRolesNone));
  for (const grant of admin.roles.items) {
    blocks.push(
      item(
        m.homeRoleLine({
          user: grant.userId,
          role: grant.role === 'admin' ? m.roleLabelAdmin : m.roleLabelManager,
        }),
        homeButton(m.homeRevoke, ids.next(HOME_ACTIONS.roleRevoke), grant.userId, {
          confirm: confirmOf(m, m.homeRevokeConfirm),
        }),
      ),
    );
  }
  blocks.push(...paging(m, ids, 'roles', admin.roles));
  return blocks;
}

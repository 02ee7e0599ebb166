import type { Deps } from '../../../deps.js';
import { type CronProblem, canonicalTimeZone } from '../../../domain/schedules/cron-calendar.js';
import type { Messages } from '../../../i18n/index.js';
import { buildNotAllowed, buildRefusalWithText, buildTextMessage } from '../../blocks/common.js';
import { buildScheduleCreated, buildScheduleList, kindLabel } from '../../blocks/schedules.js';
import { escapeUserText } from '../../mrkdwn.js';
import { parseScheduleArgs, parseTimezoneArgs, parseUnscheduleArgs } from '../../parsers/schedule-command.js';
import type { CultureSubcommands } from './culture.js';

type ScheduleDeps = Pick<Deps, 'schedules' | 'workspaces' | 'clock'>;

/** User text shown inside `code`: escaped, and no backtick can close the span early. */
function typedCode(text: string): string {
  return escapeUserText(text).replace(/`/g, "'");
}

export function describeProblem(m: Messages, problem: CronProblem): string {
  switch (problem.kind) {
    case 'field_count':
      return m.scheduleCronFieldCount({ count: problem.count });
    case 'syntax':
      return m.scheduleCronSyntax;
    case 'never_fires':
      return m.scheduleCronNeverFires;
    case 'field': {
      const field = {
        minute: m.scheduleFieldMinute,
        hour: m.scheduleFieldHour,
        dayOfMonth: m.scheduleFieldDayOfMonth,
        month: m.scheduleFieldMonth,
        dayOfWeek: m.scheduleFieldDayOfWeek,
      }[problem.field];
      return m.scheduleCronField({ field, value: typedCode(problem.value) });
    }
  }
}

/**
 * `/culture schedule|schedules|unschedule|timezone`: scheduled posts. Creating, removing and
 * the workspace zone are for admins; managers may look at the list.
 */
export function scheduleCultureSubcommands(deps: ScheduleDeps): CultureSubcommands {
  return {
    schedule: async ({ teamId, userId, rest, m, locale, reply }) => {
      const workspace = await deps.workspaces.get(teamId);
      const typed = `/culture schedule ${rest}`;
      const parsed = parseScheduleArgs(rest);
      if (!parsed.ok) {
        const usage = m.scheduleUsage({ zone: workspace.timezone });
        const problem =
          parsed.reason === 'unknown_kind'
            ? `${m.scheduleUnknownKind({ kind: typedCode(parsed.kind) })} ${usage}`
            : parsed.reason === 'scope_not_for_kind'
              ? `${m.scheduleScopeDigestOnly} ${usage}`
              : usage;
        return reply(buildRefusalWithText(m, problem, typed));
      }
      const { kind, channelId, cron, scope } = parsed.value;
      const zone = parsed.value.timezone ?? workspace.timezone;
      const result = await deps.schedules.create({
        teamId,
        kind,
        channelId,
        cron,
        timezone: zone,
        createdBy: userId,
        now: deps.clock(),
        options: kind === 'digest' ? { scope } : {},
      });
      if (result.ok) return reply(buildScheduleCreated(m, locale, result.value));
      switch (result.reason) {
        case 'not_allowed':
          return reply(buildNotAllowed(m, result));
        case 'kind_unavailable':
          return reply(buildTextMessage(m.scheduleKindUnavailable({ kind: kindLabel(m, kind) })));
        case 'invalid_timezone':
          return reply(buildRefusalWithText(m, m.scheduleInvalidZone({ zone: typedCode(zone) }), typed));
        case 'invalid_cron': {
          const problems = result.problems.map((p) => describeProblem(m, p)).join('; ');
          return reply(
            buildRefusalWithText(m, m.scheduleInvalidCron({ cron: typedCode(cron), problems }), typed),
          );
        }
      }
    },

    schedules: async ({ teamId, userId, m, locale, reply }) => {
      const listed = await deps.schedules.list(teamId, userId, deps.clock());
      if (!listed.ok) return reply(buildNotAllowed(m, listed));
      await reply(buildScheduleList(m, locale, listed.value));
    },

    unschedule: async ({ teamId, userId, args, m, reply }) => {
      const id = parseUnscheduleArgs(args);
      // Only an id asks the service; the refusal comes from it (a member learns the usage first).
      if (id === undefined) return reply(buildTextMessage(m.scheduleUnscheduleUsage));
      const removed = await deps.schedules.remove(teamId, id, userId);
      if (!removed.ok) {
        return reply(
          removed.reason === 'not_allowed'
            ? buildNotAllowed(m, removed)
            : buildTextMessage(m.scheduleUnknownId({ id })),
        );
      }
      const { kind, channelId } = removed.value;
      await reply(buildTextMessage(m.scheduleRemoved({ id, kind: kindLabel(m, kind), channel: channelId })));
    },

    timezone: async ({ teamId, userId, args, rest, m, reply }) => {
      const typed = parseTimezoneArgs(args);
      if (typed === undefined) {
        const workspace = await deps.workspaces.get(teamId);
        return reply(buildTextMessage(m.scheduleTimezoneUsage({ zone: workspace.timezone })));
      }
      const zone = canonicalTimeZone(typed);
      if (!zone) {
        return reply(
          buildRefusalWithText(
            m,
            m.scheduleInvalidZone({ zone: typedCode(typed) }),
            `/culture timezone ${rest}`,
          ),
        );
      }
      const set = await deps.workspaces.setTimezone(teamId, zone, userId);
      if (!set.ok) return reply(buildNotAllowed(m, set));
      await reply(buildTextMessage(m.scheduleTimezoneSet({ zone })));
    },
  };
}

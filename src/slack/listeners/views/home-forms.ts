import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Deps } from '../../../deps.js';
import { MANTRA_LINE_MAX } from '../../../domain/mantra/mantra-service.js';
import type { GrantedRole } from '../../../domain/roles/permissions.js';
import {
  MAX_ANONYMITY_THRESHOLD,
  MAX_WEIGHT,
  type SettingsProblem,
} from '../../../domain/settings/settings-service.js';
import { MIN_ANONYMITY_THRESHOLD } from '../../../domain/workspace/workspace-service.js';
import { type Messages, messages } from '../../../i18n/index.js';
import { notAllowedNotice } from '../../blocks/common.js';
import { formatFireTime } from '../../blocks/schedules.js';
import { republishHome } from '../../home-publisher.js';
import { BLOCKS } from '../../ids.js';
import {
  parseHomeModalMetadata,
  parseLineModal,
  parseRoleModal,
  parseScheduleModal,
  parseSettingsModal,
} from '../../parsers/home.js';
import { describeProblem } from '../commands/culture-schedule.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * A form submitted from the Home: `submit` checks it and saves through the settings service. It
 * answers field errors (Slack keeps what was typed and shows each error under its field) or a
 * notice; after a notice the modal closes and the Home is republished with it on top.
 */
export type Submit = (input: {
  deps: Deps;
  teamId: string;
  userId: string;
  m: Messages;
  args: Args;
}) => Promise<{ errors: Record<string, string> } | { notice: string }>;

export function handleHomeForm(submit: Submit) {
  return (deps: Deps) => async (args: Args) => {
    const { ack, body, view } = args;
    const teamId = view.team_id;
    const userId = body.user.id;
    const m = messages(await deps.languages.forUser(teamId, userId));
    let outcome: Awaited<ReturnType<Submit>>;
    try {
      outcome = await submit({ deps, teamId, userId, m, args });
    } catch (err) {
      deps.logger.error({ err, teamId, userId, callbackId: view.callback_id }, 'a Home form failed');
      outcome = { notice: m.homeNoticeFailed };
    }
    if ('errors' in outcome) return ack({ response_action: 'errors', errors: outcome.errors });
    await ack();
    await republishHome(deps, { teamId, userId }, { notice: outcome.notice });
  };
}

/** A refused submission: the modal closes and the Home says what role it takes. */
export const notAllowed = (m: Messages, refusal: { needed: GrantedRole }) => ({
  notice: notAllowedNotice(m, refusal),
});
const fieldErrors = (errors: Record<string, string>, text: (block: string) => string) =>
  Object.fromEntries(Object.entries(errors).map(([block]) => [block, text(block)]));

export const handleHomeLine = handleHomeForm(async ({ deps, teamId, userId, m, args }) => {
  const parsed = parseLineModal(args.view.state.values);
  if (!parsed.ok) return { errors: { [BLOCKS.homeLineText]: m.homeLineEmpty } };
  const lineId = parseHomeModalMetadata(args.view.private_metadata)?.lineId;
  const defaultLine = messages(await deps.languages.forWorkspace(teamId)).mantraDefaultLine;
  const result =
    lineId === undefined
      ? await deps.settings.addLine(teamId, userId, parsed.text, defaultLine)
      : await deps.settings.editLine(teamId, userId, lineId, parsed.text);
  if (result.ok) return { notice: m.homeNoticeSaved };
  switch (result.reason) {
    case 'not_allowed':
      return notAllowed(m, result);
    case 'empty':
      return { errors: { [BLOCKS.homeLineText]: m.homeLineEmpty } };
    case 'too_long':
      return { errors: { [BLOCKS.homeLineText]: m.homeLineTooLong({ max: MANTRA_LINE_MAX }) } };
    case 'not_found':
      return { notice: m.homeNoticeGone };
  }
});

export const handleHomeSchedule = handleHomeForm(async ({ deps, teamId, userId, m, args }) => {
  const parsed = parseScheduleModal(args.view.state.values);
  if (!parsed.ok) {
    return {
      errors: fieldErrors(parsed.errors, (block) =>
        block === BLOCKS.homeScheduleChannel
          ? m.homeScheduleChannelMissing
          : block === BLOCKS.homeScheduleCron
            ? m.homeScheduleCustomMissing
            : m.homePickOne,
      ),
    };
  }
  const now = deps.clock();
  const created = await deps.settings.createSchedule({ teamId, actorId: userId, now, ...parsed.value });
  if (created.ok) {
    const [next] = created.value.next;
    const when = next
      ? formatFireTime(await deps.languages.forUser(teamId, userId), next, created.value.schedule.timezone)
      : '';
    return { notice: m.homeScheduleAdded({ when }) };
  }
  switch (created.reason) {
    case 'not_allowed':
      return notAllowed(m, created);
    case 'kind_unavailable':
      return {
        errors: { [BLOCKS.homeScheduleKind]: m.scheduleKindUnavailable({ kind: parsed.value.kind }) },
      };
    case 'invalid_timezone':
      return {
        errors: { [BLOCKS.homeScheduleZone]: m.scheduleInvalidZone({ zone: parsed.value.timezone }) },
      };
    case 'invalid_cron':
      // Shown under the custom field, with what is wrong and an example; what was typed stays there.
      return {
        errors: {
          [BLOCKS.homeScheduleCron]: `${created.problems.map((p) => describeProblem(m, p)).join('; ')}. ${m.homeScheduleCustomHint}`,
        },
      };
  }
});

export const handleHomeRole = handleHomeForm(async ({ deps, teamId, userId, m, args }) => {
  const parsed = parseRoleModal(args.view.state.values);
  if (!parsed.ok) return { errors: fieldErrors(parsed.errors, () => m.homeRoleUnknownUser) };
  const result = await deps.settings.setRole(teamId, userId, parsed.userId, parsed.role);
  if (result.ok) {
    const role = parsed.role === 'admin' ? m.roleLabelAdmin : m.roleLabelManager;
    return { notice: m.roleGranted({ user: parsed.userId, role }) };
  }
  switch (result.reason) {
    case 'not_allowed':
      return notAllowed(m, result);
    case 'unknown_user':
      return { errors: { [BLOCKS.homeRoleUser]: m.homeRoleUnknownUser } };
    case 'bot_user':
      return { errors: { [BLOCKS.homeRoleUser]: m.homeRoleBot } };
  }
});

const settingsField: Record<string, string> = {
  timezone: BLOCKS.homeSettingZone,
  anonymityThreshold: BLOCKS.homeSettingThreshold,
  weights: BLOCKS.homeSettingWeightSmall,
  followUpDelayDays: BLOCKS.homeSettingDelay,
  locale: BLOCKS.homeSettingLocale,
  recognitionChannelId: BLOCKS.homeSettingRecognition,
};

function settingsProblem(m: Messages, problem: SettingsProblem): string {
  switch (problem) {
    case 'invalid_timezone':
      return m.scheduleInvalidZone({ zone: '?' });
    case 'threshold_too_low':
      return m.homeThresholdTooLow({ min: MIN_ANONYMITY_THRESHOLD });
    case 'threshold_too_high':
      return m.homeThresholdTooHigh({ max: MAX_ANONYMITY_THRESHOLD });
    case 'invalid_weight':
      return m.homeWeightInvalid({ max: MAX_WEIGHT });
    case 'invalid_delay':
      return m.homeNumberInvalid;
  }
}

export const handleHomeSettings = handleHomeForm(async ({ deps, teamId, userId, m, args }) => {
  const parsed = parseSettingsModal(args.view.state.values);
  if (!parsed.ok) {
    return {
      errors: fieldErrors(parsed.errors, (block) =>
        parsed.errors[block] === 'invalid' ? m.homeNumberInvalid : m.homePickOne,
      ),
    };
  }
  const result = await deps.settings.updateWorkspace(teamId, userId, parsed.value);
  if (result.ok) return { notice: m.homeNoticeSaved };
  if (result.reason === 'not_allowed') return notAllowed(m, result);
  const errors: Record<string, string> = {};
  for (const [key, problem] of Object.entries(result.problems)) {
    if (problem) errors[settingsField[key] ?? BLOCKS.homeSettingZone] = settingsProblem(m, problem);
  }
  return { errors };
});

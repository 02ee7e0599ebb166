import type { types } from '@slack/bolt';
import { FOLLOW_UP_DELAY_MAX_DAYS, FOLLOW_UP_DELAY_MIN_DAYS } from '../../domain/follow-up/follow-up.js';
import { MANTRA_LINE_MAX } from '../../domain/mantra/mantra-service.js';
import { SCHEDULE_KINDS } from '../../domain/schedules/schedule.js';
import { MAX_ANONYMITY_THRESHOLD, MAX_WEIGHT } from '../../domain/settings/settings-service.js';
import { MIN_ANONYMITY_THRESHOLD, type Workspace } from '../../domain/workspace/workspace-service.js';
import type { Messages } from '../../i18n/index.js';
import { BLOCKS, VIEWS } from '../ids.js';
import { truncate } from '../mrkdwn.js';
import { option, plain } from './moments.js';
import { kindLabel } from './schedules.js';

/** The presets of the schedule form, and the cron each stands for. */
export const SCHEDULE_PRESETS = {
  weekdays: '0 9 * * 1-5',
  mondays: '0 9 * * 1',
  fridays: '0 16 * * 5',
  daily: '0 9 * * *',
  custom: '',
} as const;
export type SchedulePreset = keyof typeof SCHEDULE_PRESETS;

/** Modals opened from the Home say so in their metadata; the submission then republishes the Home. */
export interface HomeModalMetadata {
  home: true;
  lineId?: number;
  /** The standards form: which change it makes, and to which tag. */
  standard?: { action: 'add' } | { action: 'edit' | 'move'; tag: string };
}

/** A modal of the Home: its title, submit button (Save unless told) and Cancel, cut to Slack's 24 characters. */
export function modal(
  m: Messages,
  callbackId: string,
  title: string,
  metadata: HomeModalMetadata | ({ home: true } & Record<string, unknown>),
  blocks: types.KnownBlock[],
  submit: string = m.homeSave,
): types.ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain24(title),
    submit: plain24(submit),
    close: plain24(m.homeCancel),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

const plain24 = (text: string): types.PlainTextElement => ({ type: 'plain_text', text: truncate(text, 24) });

export function input(
  label: string,
  blockId: string,
  element: types.InputBlock['element'],
  extra: { optional?: boolean; hint?: string } = {},
): types.InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: truncate(label, 2000) },
    element,
    ...(extra.optional ? { optional: true } : {}),
    ...(extra.hint ? { hint: { type: 'plain_text', text: truncate(extra.hint, 2000) } } : {}),
  };
}

export function buildLineModal(m: Messages, line?: { id: number; text: string }): types.ModalView {
  return modal(
    m,
    VIEWS.homeLine,
    m.homeLineModalTitle,
    { home: true, ...(line ? { lineId: line.id } : {}) },
    [
      input(m.homeLineField, BLOCKS.homeLineText, {
        type: 'plain_text_input',
        action_id: BLOCKS.homeLineText,
        max_length: MANTRA_LINE_MAX,
        ...(line ? { initial_value: line.text } : {}),
      }),
    ],
  );
}

/**
 * Every IANA zone, grouped by region: a static select takes 100 options per group, so a region
 * with more (America) is split in alphabetical halves.
 */
export function zoneOptionGroups(current: string): NonNullable<types.StaticSelect['option_groups']> {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  zones.add(current);
  const byRegion = new Map<string, string[]>();
  for (const zone of [...zones].sort()) {
    const region = zone.includes('/') ? (zone.split('/')[0] as string) : 'UTC';
    byRegion.set(region, [...(byRegion.get(region) ?? []), zone]);
  }
  const groups: NonNullable<types.StaticSelect['option_groups']> = [];
  for (const [region, list] of byRegion) {
    const chunks = Math.ceil(list.length / 100);
    const size = Math.ceil(list.length / chunks);
    for (let i = 0; i < list.length; i += size) {
      const chunk = list.slice(i, i + size);
      const label = chunks === 1 ? region : `${region} (${i / size + 1}/${chunks})`;
      groups.push({ label: plain(label), options: chunk.map((zone) => option(zone, zone)) });
    }
  }
  return groups;
}

function zoneSelect(actionId: string, current: string): types.StaticSelect {
  return {
    type: 'static_select',
    action_id: actionId,
    option_groups: zoneOptionGroups(current),
    initial_option: option(current, current),
  };
}

export function buildScheduleModal(m: Messages, workspaceZone: string): types.ModalView {
  const presets: Record<SchedulePreset, string> = {
    weekdays: m.homePresetWeekdays,
    mondays: m.homePresetMondays,
    fridays: m.homePresetFridays,
    daily: m.homePresetDaily,
    custom: m.homePresetCustom,
  };
  const presetOptions = Object.entries(presets).map(([value, text]) => option(text, value));
  const kindOptions = SCHEDULE_KINDS.map((kind) => option(kindLabel(m, kind), kind));
  return modal(m, VIEWS.homeSchedule, m.homeScheduleModalTitle, { home: true }, [
    input(m.homeScheduleKind, BLOCKS.homeScheduleKind, {
      type: 'static_select',
      action_id: BLOCKS.homeScheduleKind,
      options: kindOptions,
      initial_option: kindOptions[0],
    }),
    input(m.homeScheduleChannel, BLOCKS.homeScheduleChannel, {
      type: 'conversations_select',
      action_id: BLOCKS.homeScheduleChannel,
      filter: { include: ['public', 'private'], exclude_bot_users: true },
    }),
    input(m.homeScheduleWhen, BLOCKS.homeSchedulePreset, {
      type: 'static_select',
      action_id: BLOCKS.homeSchedulePreset,
      options: presetOptions,
      initial_option: presetOptions[0],
    }),
    input(
      m.homeScheduleCustom,
      BLOCKS.homeScheduleCron,
      { type: 'plain_text_input', action_id: BLOCKS.homeScheduleCron, max_length: 100 },
      { optional: true, hint: m.homeScheduleCustomHint },
    ),
    input(m.homeScheduleZone, BLOCKS.homeScheduleZone, zoneSelect(BLOCKS.homeScheduleZone, workspaceZone)),
  ]);
}

export function buildRoleModal(m: Messages): types.ModalView {
  const roles = [option(m.roleLabelManager, 'manager'), option(m.roleLabelAdmin, 'admin')];
  return modal(m, VIEWS.homeRole, m.homeRoleModalTitle, { home: true }, [
    input(m.homeRolePerson, BLOCKS.homeRoleUser, { type: 'users_select', action_id: BLOCKS.homeRoleUser }),
    input(m.homeRoleRole, BLOCKS.homeRoleRole, {
      type: 'static_select',
      action_id: BLOCKS.homeRoleRole,
      options: roles,
      initial_option: roles[0],
    }),
  ]);
}

function numberInput(actionId: string, value: number, min: number, max: number): types.NumberInput {
  return {
    type: 'number_input',
    action_id: actionId,
    is_decimal_allowed: false,
    initial_value: String(value),
    min_value: String(min),
    max_value: String(max),
  };
}

export function buildSettingsModal(m: Messages, workspace: Workspace): types.ModalView {
  const { settings } = workspace;
  const locales = [option('English', 'en'), option('Français', 'fr')];
  const delays = [
    option(m.homeOff, 'off'),
    ...Array.from({ length: FOLLOW_UP_DELAY_MAX_DAYS - FOLLOW_UP_DELAY_MIN_DAYS + 1 }, (_, i) => {
      const days = FOLLOW_UP_DELAY_MIN_DAYS + i;
      return option(m.homeDelayDays({ days }), String(days));
    }),
  ];
  const delay = settings.followUpDelayDays === null ? 'off' : String(settings.followUpDelayDays);
  return modal(m, VIEWS.homeSettings, m.homeSettingsModalTitle, { home: true }, [
    input(m.homeFieldLanguage, BLOCKS.homeSettingLocale, {
      type: 'static_select',
      action_id: BLOCKS.homeSettingLocale,
      options: locales,
      initial_option: locales.find((o) => o.value === workspace.locale),
    }),
    input(m.homeFieldZone, BLOCKS.homeSettingZone, zoneSelect(BLOCKS.homeSettingZone, workspace.timezone)),
    input(
      m.homeFieldRecognition,
      BLOCKS.homeSettingRecognition,
      {
        type: 'conversations_select',
        action_id: BLOCKS.homeSettingRecognition,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        ...(settings.recognitionChannelId ? { initial_conversation: settings.recognitionChannelId } : {}),
      },
      { optional: true, hint: m.homeFieldRecognitionHint },
    ),
    input(
      m.homeFieldThreshold,
      BLOCKS.homeSettingThreshold,
      numberInput(
        BLOCKS.homeSettingThreshold,
        settings.anonymityThreshold,
        MIN_ANONYMITY_THRESHOLD,
        MAX_ANONYMITY_THRESHOLD,
      ),
    ),
    input(
      m.homeFieldWeightSmall,
      BLOCKS.homeSettingWeightSmall,
      numberInput(BLOCKS.homeSettingWeightSmall, settings.weights.small, 1, MAX_WEIGHT),
    ),
    input(
      m.homeFieldWeightBig,
      BLOCKS.homeSettingWeightBig,
      numberInput(BLOCKS.homeSettingWeightBig, settings.weights.big, 1, MAX_WEIGHT),
    ),
    input(m.homeFieldDelay, BLOCKS.homeSettingDelay, {
      type: 'static_select',
      action_id: BLOCKS.homeSettingDelay,
      options: delays,
      initial_option: delays.find((o) => o.value === delay),
    }),
  ]);
}

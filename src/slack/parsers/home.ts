import { z } from 'zod';
import { HOME_LISTS } from '../../domain/home/home-service.js';
import { SCHEDULE_KINDS } from '../../domain/schedules/schedule.js';
import type { WorkspaceSettingsChange } from '../../domain/settings/settings-service.js';
import type { HomeViewState } from '../blocks/home.js';
import { SCHEDULE_PRESETS, type SchedulePreset } from '../blocks/home-modals.js';
import { BLOCKS } from '../ids.js';

/** Slack ids as Slack shapes them; anything else in a payload is forged and refused. */
export const userId = z.string().regex(/^[UW][A-Z0-9]{2,}$/);
export const channelId = z.string().regex(/^[CGD][A-Z0-9]{2,}$/);
const uuid = z.string().uuid();
const positiveInt = z.coerce.number().int().positive().max(2_147_483_647);

/** The value of each Home button or menu option, by verb (see HOME_ACTIONS). */
export const homeValues = {
  page: z
    .string()
    .regex(new RegExp(`^(${HOME_LISTS.join('|')}):\\d{1,4}$`))
    .transform((v) => {
      const [list, page] = v.split(':');
      return { list: list as (typeof HOME_LISTS)[number], page: Number(page) };
    }),
  moment: z
    .string()
    .regex(/^(edit|delete):/)
    .transform((v) => ({ verb: v.split(':')[0] as 'edit' | 'delete', id: v.slice(v.indexOf(':') + 1) }))
    .pipe(z.object({ verb: z.enum(['edit', 'delete']), id: uuid })),
  followUp: z
    .string()
    .regex(/^(lesson|resolve):/)
    .transform((v) => ({ verb: v.split(':')[0] as 'lesson' | 'resolve', id: v.slice(v.indexOf(':') + 1) }))
    .pipe(z.object({ verb: z.enum(['lesson', 'resolve']), id: uuid })),
  line: z
    .string()
    .regex(/^(edit|remove):\d+$/)
    .transform((v) => ({ verb: v.split(':')[0] as 'edit' | 'remove', id: Number(v.split(':')[1]) })),
  pulseId: uuid,
  scheduleId: positiveInt,
  userId,
};

const page = z.number().int().min(0).max(9999).optional();
const homeStateSchema = z.object({
  pages: z.object(Object.fromEntries(HOME_LISTS.map((list) => [list, page]))).catch({}),
});

/** The Home's paging state from its private_metadata; anything unreadable is the first pages. */
export function parseHomeState(raw: string | undefined): HomeViewState {
  try {
    return homeStateSchema.parse(raw ? JSON.parse(raw) : {}) as HomeViewState;
  } catch {
    return { pages: {} };
  }
}

const homeModalMetadata = z.object({ home: z.literal(true), lineId: positiveInt.optional() });
export function parseHomeModalMetadata(raw: string | undefined) {
  try {
    const parsed = homeModalMetadata.safeParse(raw ? JSON.parse(raw) : {});
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

// view.state.values: { [block_id]: { [action_id]: element state } }; block_id = action_id here.
const field = <T extends z.ZodTypeAny>(id: string, element: T) => z.object({ [id]: element });
const selected = z.object({ selected_option: z.object({ value: z.string() }).nullish() });
const text = z.object({ value: z.string().nullish() });
const conversation = z.object({ selected_conversation: z.string().nullish() });
const user = z.object({ selected_user: z.string().nullish() });
const fieldValue = (state: Record<string, Record<string, unknown>>, id: string) => state[id]?.[id];

type FieldErrors = Record<string, 'required' | 'invalid'>;

export function parseLineModal(
  values: unknown,
): { ok: true; text: string } | { ok: false; errors: FieldErrors } {
  const parsed = z.object({ [BLOCKS.homeLineText]: field(BLOCKS.homeLineText, text) }).safeParse(values);
  const typed = parsed.success ? (parsed.data[BLOCKS.homeLineText]?.[BLOCKS.homeLineText]?.value ?? '') : '';
  if (!typed.trim()) return { ok: false, errors: { [BLOCKS.homeLineText]: 'required' } };
  return { ok: true, text: typed };
}

export interface ScheduleForm {
  kind: (typeof SCHEDULE_KINDS)[number];
  channelId: string;
  cron: string;
  timezone: string;
}

export function parseScheduleModal(
  values: unknown,
): { ok: true; value: ScheduleForm } | { ok: false; errors: FieldErrors } {
  const state = z.record(z.string(), z.record(z.string(), z.unknown())).safeParse(values);
  const s = state.success ? state.data : {};
  const kind = z
    .enum(SCHEDULE_KINDS)
    .safeParse(selected.safeParse(fieldValue(s, BLOCKS.homeScheduleKind)).data?.selected_option?.value);
  const channel = channelId.safeParse(
    conversation.safeParse(fieldValue(s, BLOCKS.homeScheduleChannel)).data?.selected_conversation,
  );
  const preset = z
    .enum(Object.keys(SCHEDULE_PRESETS) as [SchedulePreset, ...SchedulePreset[]])
    .safeParse(selected.safeParse(fieldValue(s, BLOCKS.homeSchedulePreset)).data?.selected_option?.value);
  const custom = (text.safeParse(fieldValue(s, BLOCKS.homeScheduleCron)).data?.value ?? '').trim();
  const zone = z
    .string()
    .min(1)
    .safeParse(selected.safeParse(fieldValue(s, BLOCKS.homeScheduleZone)).data?.selected_option?.value);
  const errors: FieldErrors = {};
  if (!kind.success) errors[BLOCKS.homeScheduleKind] = 'required';
  if (!channel.success) errors[BLOCKS.homeScheduleChannel] = 'required';
  if (!preset.success) errors[BLOCKS.homeSchedulePreset] = 'required';
  // A custom expression wins over the preset; "Custom" needs one.
  const cron = custom || (preset.success ? SCHEDULE_PRESETS[preset.data] : '');
  if (preset.success && !cron) errors[BLOCKS.homeScheduleCron] = 'required';
  if (!zone.success) errors[BLOCKS.homeScheduleZone] = 'required';
  if (!kind.success || !channel.success || !zone.success || Object.keys(errors).length > 0)
    return { ok: false, errors };
  return { ok: true, value: { kind: kind.data, channelId: channel.data, cron, timezone: zone.data } };
}

export function parseRoleModal(
  values: unknown,
): { ok: true; userId: string; role: 'manager' | 'admin' } | { ok: false; errors: FieldErrors } {
  const state = z.record(z.string(), z.record(z.string(), z.unknown())).safeParse(values);
  const s = state.success ? state.data : {};
  const picked = userId.safeParse(user.safeParse(fieldValue(s, BLOCKS.homeRoleUser)).data?.selected_user);
  const role = z
    .enum(['manager', 'admin'])
    .safeParse(selected.safeParse(fieldValue(s, BLOCKS.homeRoleRole)).data?.selected_option?.value);
  const errors: FieldErrors = {};
  if (!picked.success) errors[BLOCKS.homeRoleUser] = 'required';
  if (!role.success) errors[BLOCKS.homeRoleRole] = 'required';
  if (!picked.success || !role.success) return { ok: false, errors };
  return { ok: true, userId: picked.data, role: role.data };
}

export function parseSettingsModal(
  values: unknown,
): { ok: true; value: WorkspaceSettingsChange } | { ok: false; errors: FieldErrors } {
  const state = z.record(z.string(), z.record(z.string(), z.unknown())).safeParse(values);
  const s = state.success ? state.data : {};
  const option = (id: string) => selected.safeParse(fieldValue(s, id)).data?.selected_option?.value;
  const integer = (id: string) => {
    const raw = (text.safeParse(fieldValue(s, id)).data?.value ?? '').trim();
    return /^-?\d{1,6}$/.test(raw) ? Number(raw) : undefined;
  };
  const locale = z.enum(['en', 'fr']).safeParse(option(BLOCKS.homeSettingLocale));
  const timezone = z.string().min(1).safeParse(option(BLOCKS.homeSettingZone));
  const recognition = conversation.safeParse(fieldValue(s, BLOCKS.homeSettingRecognition)).data
    ?.selected_conversation;
  const recognitionOk = recognition == null || channelId.safeParse(recognition).success;
  const threshold = integer(BLOCKS.homeSettingThreshold);
  const small = integer(BLOCKS.homeSettingWeightSmall);
  const big = integer(BLOCKS.homeSettingWeightBig);
  const delay = z
    .union([z.literal('off'), z.string().regex(/^\d{1,2}$/)])
    .safeParse(option(BLOCKS.homeSettingDelay));
  const errors: FieldErrors = {};
  if (!locale.success) errors[BLOCKS.homeSettingLocale] = 'required';
  if (!timezone.success) errors[BLOCKS.homeSettingZone] = 'required';
  if (!recognitionOk) errors[BLOCKS.homeSettingRecognition] = 'invalid';
  if (threshold === undefined) errors[BLOCKS.homeSettingThreshold] = 'invalid';
  if (small === undefined) errors[BLOCKS.homeSettingWeightSmall] = 'invalid';
  if (big === undefined) errors[BLOCKS.homeSettingWeightBig] = 'invalid';
  if (!delay.success) errors[BLOCKS.homeSettingDelay] = 'required';
  if (
    !locale.success ||
    !timezone.success ||
    threshold === undefined ||
    small === undefined ||
    big === undefined ||
    !delay.success ||
    Object.keys(errors).length > 0
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      locale: locale.data,
      timezone: timezone.data,
      recognitionChannelId: recognition ?? undefined,
      anonymityThreshold: threshold,
      weights: { small, big },
      followUpDelayDays: delay.data === 'off' ? null : Number(delay.data),
    },
  };
}

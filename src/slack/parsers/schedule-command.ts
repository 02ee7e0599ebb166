import { z } from 'zod';
import { SCHEDULE_KINDS, type ScheduleKind } from '../../domain/schedules/schedule.js';
import { channelMention, words } from './culture-command.js';

export interface ScheduleArgs {
  kind: ScheduleKind;
  channelId: string;
  /** The expression as typed between the quotes, white space collapsed (validated later). */
  cron: string;
  /** The zone as typed, when one was given (validated later). */
  timezone: string | undefined;
  /** `scope=channel` on a digest: only that channel's team (its moments and its members'). */
  scope: 'workspace' | 'channel';
}

export type ParsedScheduleArgs =
  | { ok: true; value: ScheduleArgs }
  | { ok: false; reason: 'usage' }
  | { ok: false; reason: 'unknown_kind'; kind: string }
  | { ok: false; reason: 'scope_not_for_kind' };

/** A trailing `scope=channel|workspace`, anywhere after the cron. */
const SCOPE = /\s+scope=(channel|workspace)\s*$/i;

/**
 * Quotes people type around the cron: straight ones, and the curly or French ones that Slack
 * clients and keyboards substitute (macOS turns "…" into “…”, French layouts type « … »).
 */
const OPEN_QUOTES = `"“”„«'‘’‚‹`;
const CLOSE_QUOTES = `"“”»'‘’›`;
const QUOTED = new RegExp(
  `^(\\S+)\\s+(\\S+)\\s+[${OPEN_QUOTES}]([^${OPEN_QUOTES}${CLOSE_QUOTES}]*)[${CLOSE_QUOTES}](?:\\s+(\\S+))?\\s*$`,
);

const scheduleArgs = z.object({
  kind: z.string().transform((kind) => kind.toLowerCase()),
  channelId: channelMention,
  cron: z
    .string()
    .transform((cron) => words(cron).join(' '))
    .pipe(z.string().min(1)),
  timezone: z.string().min(1).optional(),
});

/**
 * `schedule <mantra|digest|pulse> <#C123|name> "<cron>" [Area/City]`. The channel arrives
 * escaped by Slack (`<#C123|name>` or `<#C123>`); the cron is in quotes because it has spaces.
 * Without quotes, five fields and an optional zone are still understood.
 */
export function parseScheduleArgs(rest: string): ParsedScheduleArgs {
  const scopeMatch = SCOPE.exec(rest.trim());
  const scope = (scopeMatch?.[1]?.toLowerCase() ?? 'workspace') as 'workspace' | 'channel';
  const text = rest.trim().replace(SCOPE, '');
  let raw: { kind?: string; channelId?: string; cron?: string; timezone?: string | undefined };
  const quoted = QUOTED.exec(text);
  if (quoted) {
    raw = { kind: quoted[1], channelId: quoted[2], cron: quoted[3], timezone: quoted[4] };
  } else {
    const [kind, channelId, ...tail] = words(text);
    if (tail.length !== 5 && tail.length !== 6) return { ok: false, reason: 'usage' };
    raw = { kind, channelId, cron: tail.slice(0, 5).join(' '), timezone: tail[5] };
  }
  const parsed = scheduleArgs.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'usage' };
  const { kind, ...value } = parsed.data;
  if (!(SCHEDULE_KINDS as readonly string[]).includes(kind))
    return { ok: false, reason: 'unknown_kind', kind };
  if (scope === 'channel' && kind !== 'digest') return { ok: false, reason: 'scope_not_for_kind' };
  return { ok: true, value: { ...value, kind: kind as ScheduleKind, timezone: value.timezone, scope } };
}

const scheduleId = z
  .string()
  .regex(/^#?\d{1,9}$/)
  .transform((value) => Number(value.replace('#', '')));

/** `unschedule <id>` (the id as `/culture schedules` shows it, with or without #). */
export function parseUnscheduleArgs(args: string[]): number | undefined {
  const parsed = z.tuple([scheduleId]).safeParse(args);
  return parsed.success ? parsed.data[0] : undefined;
}

/** `timezone <Area/City>`: one word, validated as a zone by the caller. */
export function parseTimezoneArgs(args: string[]): string | undefined {
  const parsed = z.tuple([z.string().min(1)]).safeParse(args);
  return parsed.success ? parsed.data[0] : undefined;
}

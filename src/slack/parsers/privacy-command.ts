import { z } from 'zod';
import { RETENTION_MONTHS, UNINSTALL_GRACE_DAYS } from '../../domain/privacy/retention.js';
import type { Messages } from '../../i18n/index.js';
import type { EraseTarget } from '../blocks/home-privacy.js';
import { BLOCKS } from '../ids.js';
import { userMention } from './culture-command.js';
import { userIdSchema } from './slack-ids.js';

const erasureArgs = z.tuple([userMention]);

/** `forget @person`: the person's id, or undefined when it is not exactly one mention. */
export function parseErasureArgs(args: string[]): string | undefined {
  const parsed = erasureArgs.safeParse(args);
  return parsed.success ? parsed.data[0] : undefined;
}

const exportArgs = z.union([
  z.tuple([]).transform(() => 'workspace' as const),
  z.tuple([z.string().regex(/^(me|moi)$/i)]).transform(() => 'me' as const),
]);

/** `export` (the workspace) or `export me` (one's own data). */
export function parseExportArgs(args: string[]): 'workspace' | 'me' | undefined {
  const parsed = exportArgs.safeParse(args);
  return parsed.success ? parsed.data : undefined;
}

const wholeNumber = z
  .string()
  .regex(/^\d{1,4}$/)
  .transform(Number);
const retentionArgs = z.union([
  z.tuple([]).transform(() => ({ kind: 'show' as const })),
  z.tuple([wholeNumber]).transform(([value]) => ({ kind: 'months' as const, value })),
  z
    .tuple([z.string().regex(/^grace$/i), wholeNumber])
    .transform(([, value]) => ({ kind: 'grace' as const, value })),
]);

/** `retention` (show), `retention <months>`, `retention grace <days>`; bounds are the service's. */
export function parseRetentionArgs(args: string[]) {
  const parsed = retentionArgs.safeParse(args);
  return parsed.success ? parsed.data : undefined;
}

/** The retention modal's two fields: whole numbers within the settings' bounds, or an error under each. */
export function parseRetentionModal(
  view: { state: { values: Record<string, Record<string, { value?: string | null }>> } },
  m: Pick<Messages, 'privacyFieldInvalid'>,
): { ok: true; value: { months: number; days: number } } | { ok: false; errors: Record<string, string> } {
  const read = (blockId: string, bounds: { min: number; max: number }) => {
    const typed = view.state.values[blockId]?.[blockId]?.value?.trim() ?? '';
    const parsed = z.coerce
      .number()
      .int()
      .min(bounds.min)
      .max(bounds.max)
      .safeParse(/^\d+$/.test(typed) ? typed : 'x');
    return parsed.success ? parsed.data : undefined;
  };
  const months = read(BLOCKS.privacyRetentionMonths, RETENTION_MONTHS);
  const days = read(BLOCKS.privacyGraceDays, UNINSTALL_GRACE_DAYS);
  if (months !== undefined && days !== undefined) return { ok: true, value: { months, days } };
  const errors: Record<string, string> = {};
  if (months === undefined) errors[BLOCKS.privacyRetentionMonths] = m.privacyFieldInvalid(RETENTION_MONTHS);
  if (days === undefined) errors[BLOCKS.privacyGraceDays] = m.privacyFieldInvalid(UNINSTALL_GRACE_DAYS);
  return { ok: false, errors };
}

const eraseMetadata = z.object({
  home: z.literal(true),
  erase: userIdSchema,
  deactivated: z.literal(true).optional(),
});

/** Whose data the erasure modal is about (its private_metadata); undefined when unreadable. */
export function parseEraseMetadata(raw: string | undefined): EraseTarget | undefined {
  try {
    const parsed = eraseMetadata.safeParse(raw ? JSON.parse(raw) : {});
    if (!parsed.success) return undefined;
    return { userId: parsed.data.erase, ...(parsed.data.deactivated ? { deactivated: true } : {}) };
  } catch {
    return undefined;
  }
}

const pickedPerson = z.object({
  [BLOCKS.privacyErasePerson]: z.object({
    [BLOCKS.privacyErasePerson]: z.object({ selected_user: userIdSchema }),
  }),
});

/** The person picked in the admins' erasure picker, or undefined when none (or not a person id). */
export function parseErasePick(values: unknown): string | undefined {
  const parsed = pickedPerson.safeParse(values);
  return parsed.success
    ? parsed.data[BLOCKS.privacyErasePerson][BLOCKS.privacyErasePerson].selected_user
    : undefined;
}

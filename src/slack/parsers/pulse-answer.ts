import { z } from 'zod';
import {
  cleanAnswerText,
  MAX_ANSWER_LENGTH,
  MAX_SCORE,
  MIN_SCORE,
  type PulseAnswer,
} from '../../domain/pulse/pulse.js';
import { formatNumber, type Locale, messages } from '../../i18n/index.js';
import { BLOCKS } from '../ids.js';
import { parsePulseId } from './pulse-command.js';

/** What the modal keeps in private_metadata (3000 characters at most: an id is plenty). */
export function pulseMetadata(pulseIdValue: string): string {
  return JSON.stringify({ pulseId: pulseIdValue });
}

const metadataSchema = z.object({ pulseId: z.string() });

const stateSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

const selectSchema = z.object({ selected_option: z.object({ value: z.string() }).nullish() });
const inputSchema = z.object({ value: z.string().nullish() });

/** A score is a whole number from 1 to 10, whatever the client sent. */
const scoreSchema = z
  .string()
  .regex(/^\d{1,2}$/)
  .transform(Number)
  .pipe(z.number().int().min(MIN_SCORE).max(MAX_SCORE));

const TEXT_BLOCKS = [
  ['vision', BLOCKS.pulseVision],
  ['motivation', BLOCKS.pulseMotivation],
  ['human', BLOCKS.pulseHuman],
] as const;

export type PulseAnswerParse =
  | { ok: true; value: { pulseId: string; answer: PulseAnswer } }
  | { ok: false; errors: Record<string, string> }
  | { ok: false; errors?: undefined; reason: 'bad_metadata' };

/**
 * The submitted answer modal → the domain's answer. Field errors are keyed by block_id, as
 * `response_action: 'errors'` wants them, and written in the person's language.
 */
export function parsePulseAnswer(
  view: { private_metadata?: string; state?: { values?: unknown } },
  locale: Locale,
): PulseAnswerParse {
  let meta: unknown;
  try {
    meta = JSON.parse(view.private_metadata ?? '');
  } catch {
    meta = undefined;
  }
  const metadata = metadataSchema.safeParse(meta);
  const id = metadata.success ? parsePulseId(metadata.data.pulseId) : undefined;
  if (!id) return { ok: false, reason: 'bad_metadata' };

  const m = messages(locale);
  const state = stateSchema.safeParse(view.state?.values ?? {});
  const values = state.success ? state.data : {};
  const errors: Record<string, string> = {};

  const select = selectSchema.safeParse(values[BLOCKS.pulseScore]?.[BLOCKS.pulseScore] ?? {});
  const score = scoreSchema.safeParse(select.success ? select.data.selected_option?.value : undefined);
  if (!score.success) errors[BLOCKS.pulseScore] = m.pulseErrorScore;

  const texts: Record<string, string | null> = {};
  for (const [key, blockId] of TEXT_BLOCKS) {
    const input = inputSchema.safeParse(values[blockId]?.[blockId] ?? {});
    const text = cleanAnswerText(input.success ? input.data.value : undefined);
    if (text && text.length > MAX_ANSWER_LENGTH) {
      errors[blockId] = m.pulseErrorTooLong({
        max: formatNumber(locale, MAX_ANSWER_LENGTH),
        length: formatNumber(locale, text.length),
      });
    }
    texts[key] = text;
  }

  if (!score.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      pulseId: id,
      answer: {
        score: score.data,
        vision: texts.vision ?? null,
        motivation: texts.motivation ?? null,
        human: texts.human ?? null,
      },
    },
  };
}

import { z } from 'zod';
import { DEFAULT_PULSE_DAYS, MAX_PULSE_DAYS } from '../../domain/pulse/pulse.js';

/** The words that make a pulse named or anonymous (English and French). */
const NAMED = new Set(['named', 'nominatif', 'nominative', 'nominal']);
const ANONYMOUS = new Set(['anonymous', 'anon', 'anonyme']);

/** `5`, `5d`, `5j`, `5days`, `5jours` */
const days = z
  .string()
  .regex(/^\d{1,3}(d|j|days?|jours?)?$/i)
  .transform((s) => Number.parseInt(s, 10))
  .pipe(z.number().int().min(1).max(MAX_PULSE_DAYS));

/**
 * `/pulse start [named|anonymous] [days]`, in either order. Anonymous and three days unless
 * told otherwise; undefined when a word is not understood.
 */
export function parsePulseStartArgs(args: string[]): { anonymous: boolean; days: number } | undefined {
  let anonymous: boolean | undefined;
  let duration: number | undefined;
  for (const raw of args) {
    const word = raw.toLowerCase();
    if (NAMED.has(word) || ANONYMOUS.has(word)) {
      if (anonymous !== undefined) return undefined;
      anonymous = ANONYMOUS.has(word);
      continue;
    }
    const parsed = days.safeParse(word);
    if (!parsed.success || duration !== undefined) return undefined;
    duration = parsed.data;
  }
  return { anonymous: anonymous ?? true, days: duration ?? DEFAULT_PULSE_DAYS };
}

/** The pulse id carried by an Answer button or a modal's private_metadata. */
export const pulseId = z.uuid();

export function parsePulseId(value: unknown): string | undefined {
  const parsed = pulseId.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

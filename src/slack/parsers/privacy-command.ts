import { z } from 'zod';
import { userMention } from './culture-command.js';

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

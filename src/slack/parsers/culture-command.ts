import { z } from 'zod';
import type { Locale } from '../../i18n/index.js';

export type CultureCommand =
  | { type: 'help' }
  | { type: 'role'; role: 'admin' | 'manager' | 'member'; userId: string }
  | { type: 'language'; locale: Locale }
  | { type: 'usage'; topic: 'role' | 'language' }
  | { type: 'unknown'; text: string };

/** `<@U123>` or `<@U123|name>`: Slack escapes mentions either way depending on the client. */
export const userMention = z
  .string()
  .regex(/^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/)
  .transform((mention) => mention.slice(2, -1).split('|')[0] as string);

const roleArgs = z.tuple([z.enum(['admin', 'manager', 'member']), userMention]);
const languageArgs = z.tuple([z.enum(['en', 'fr'])]);

/** Splits command text on spaces, keeping nothing empty. */
export function words(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

export function parseCultureCommand(text: string): CultureCommand {
  const [sub = 'help', ...args] = words(text);
  switch (sub.toLowerCase()) {
    case 'help':
      return { type: 'help' };
    case 'role': {
      const parsed = roleArgs.safeParse([args[0]?.toLowerCase(), args[1]]);
      if (!parsed.success || args.length !== 2) return { type: 'usage', topic: 'role' };
      return { type: 'role', role: parsed.data[0], userId: parsed.data[1] };
    }
    case 'language': {
      const parsed = languageArgs.safeParse(args.map((a) => a.toLowerCase()));
      if (!parsed.success) return { type: 'usage', topic: 'language' };
      return { type: 'language', locale: parsed.data[0] };
    }
    default:
      return { type: 'unknown', text: text.trim() };
  }
}

import { z } from 'zod';
import { words } from './culture-command.js';

export type MantraCommand =
  | { action: 'show' }
  | { action: 'list' }
  | { action: 'post' }
  | { action: 'add'; text: string }
  | { action: 'remove'; position: number }
  | { action: 'remove_usage' }
  | { action: 'usage' };

const position = z
  .string()
  .regex(/^#?\d{1,4}$/)
  .transform((value) => Number(value.replace('#', '')))
  .pipe(z.number().int().min(1));

/**
 * `/mantra [list | post | add <line> | remove <n> | help]`. The line of `add` is kept as typed
 * (Slack already escaped &, < and >); its length is checked by the domain, which refuses it
 * with the text handed back.
 */
export function parseMantraCommand(text: string): MantraCommand {
  const trimmed = text.trim();
  const [first = '', ...rest] = words(trimmed);
  switch (first.toLowerCase()) {
    case '':
      return { action: 'show' };
    case 'list':
      return rest.length === 0 ? { action: 'list' } : { action: 'usage' };
    case 'post':
      return rest.length === 0 ? { action: 'post' } : { action: 'usage' };
    case 'add':
      return { action: 'add', text: trimmed.slice(first.length).trim() };
    case 'remove': {
      const parsed = z.tuple([position]).safeParse(rest);
      return parsed.success ? { action: 'remove', position: parsed.data[0] } : { action: 'remove_usage' };
    }
    default:
      return { action: 'usage' };
  }
}

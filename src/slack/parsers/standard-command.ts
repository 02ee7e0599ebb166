import { z } from 'zod';

export type StandardCommand =
  | { action: 'add' | 'edit'; tag: string; description: string }
  | { action: 'move'; tag: string; position: number }
  | { action: 'remove' | 'restore'; tag: string };

/**
 * A tag as typed: `call-back`, `#call-back`, or the channel link Slack makes of `#call-back`
 * when a channel has that name (`<#C123|call-back>`). The domain checks what it may contain.
 */
const tagWord = z
  .string()
  .min(1)
  .transform((word) => {
    const link = /^<#[A-Z0-9]+\|([^>]*)>$/.exec(word);
    return (link ? (link[1] as string) : word).replace(/^#/, '');
  });

const position = z.coerce.number().int();

/**
 * `/culture standard add|edit <tag> <description>`, `move <tag> <position>`,
 * `remove|restore <tag>`. Undefined means "show the usage". The description is kept as typed
 * (the domain trims it and checks its length).
 */
export function parseStandardCommand(rest: string): StandardCommand | undefined {
  const match = /^(\S+)(?:\s+(\S+))?(?:\s+([\s\S]*))?$/.exec(rest.trim());
  if (!match) return undefined;
  const action = (match[1] as string).toLowerCase();
  const tag = tagWord.safeParse(match[2] ?? '');
  if (!tag.success) return undefined;
  const tail = match[3] ?? '';
  switch (action) {
    case 'add':
    case 'edit':
      return { action, tag: tag.data, description: tail };
    case 'move': {
      const parsed = position.safeParse(tail.trim());
      return parsed.success && tail.trim() ? { action, tag: tag.data, position: parsed.data } : undefined;
    }
    case 'remove':
    case 'archive':
      return tail.trim() ? undefined : { action: 'remove', tag: tag.data };
    case 'restore':
      return tail.trim() ? undefined : { action, tag: tag.data };
    default:
      return undefined;
  }
}

import { z } from 'zod';
import type { Locale } from '../../i18n/index.js';

/** `<@U123>` or `<@U123|name>`: Slack escapes mentions either way depending on the client. */
export const userMention = z
  .string()
  .regex(/^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/)
  .transform((mention) => mention.slice(2, -1).split('|')[0] as string);

/** `<#C123|name>` or `<#C123>`: how Slack escapes a channel picked with #. */
export const channelMention = z
  .string()
  .regex(/^<#([CG][A-Z0-9]+)(\|[^>]*)?>$/)
  .transform((mention) => mention.slice(2, -1).split('|')[0] as string);

/** Splits command text on white space, keeping nothing empty. */
export function words(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

/** `/culture <sub> <args…>`: the subcommand (lower-cased, `help` when empty) and the rest. */
export function splitSubcommand(text: string): { sub: string; args: string[]; rest: string } {
  const trimmed = text.trim();
  const [sub = 'help'] = words(trimmed);
  return { sub: sub.toLowerCase(), args: words(trimmed).slice(1), rest: trimmed.slice(sub.length).trim() };
}

const roleArgs = z.tuple([
  z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(['admin', 'manager', 'member'])),
  userMention,
]);

/** `role manager|admin|member @user` */
export function parseRoleArgs(args: string[]) {
  const parsed = roleArgs.safeParse(args);
  return parsed.success ? { role: parsed.data[0], userId: parsed.data[1] } : undefined;
}

const languageArgs = z.tuple([
  z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(['en', 'fr'])),
]);

/** `language en|fr` */
export function parseLanguageArgs(args: string[]): Locale | undefined {
  const parsed = languageArgs.safeParse(args);
  return parsed.success ? parsed.data[0] : undefined;
}

const emojiWord = z
  .string()
  .regex(/^:?[^\s:]+:?$/)
  .transform((s) => s.replace(/^:|:$/g, ''));
const reactionPair = z.tuple([
  z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(['praise', 'complaint'])),
  emojiWord,
]);

/**
 * `reactions praise <emoji> complaint <emoji>`, either part alone or both in any order;
 * undefined when the words do not read that way. The names are checked by the domain.
 */
export function parseReactionArgs(args: string[]): { praise?: string; complaint?: string } | undefined {
  if (args.length !== 2 && args.length !== 4) return undefined;
  const change: { praise?: string; complaint?: string } = {};
  for (let i = 0; i < args.length; i += 2) {
    const pair = reactionPair.safeParse(args.slice(i, i + 2));
    if (!pair.success || change[pair.data[0]] !== undefined) return undefined;
    change[pair.data[0]] = pair.data[1];
  }
  return change;
}

import { z } from 'zod';
import type { Reaction } from '../../domain/reactions/reaction-service.js';
import type { OpenFormValue } from '../blocks/reactions.js';

const reactionEvent = z.object({
  user: z.string().regex(/^[UW][A-Z0-9]+$/),
  reaction: z.string().min(1).max(200),
  item: z.object({
    type: z.string(),
    channel: z
      .string()
      .regex(/^[CDG][A-Z0-9]+$/)
      .optional(),
    ts: z
      .string()
      .regex(/^\d+\.\d+$/)
      .optional(),
  }),
});

/**
 * `reaction_added` / `reaction_removed` → a Reaction; undefined for what is not a reaction on a
 * message (a file, a file comment) or does not look like Slack's ids.
 */
export function parseReactionEvent(teamId: string | undefined, event: unknown): Reaction | undefined {
  const parsed = reactionEvent.safeParse(event);
  if (!parsed.success || !teamId) return undefined;
  const { user, reaction, item } = parsed.data;
  return {
    teamId,
    userId: user,
    reaction,
    itemType: item.type,
    channelId: item.channel ?? '',
    ts: item.ts ?? '',
  };
}

const openFormValue = z.object({
  kind: z.enum(['praise', 'complaint']),
  channelId: z.string().regex(/^[CG][A-Z0-9]+$/),
  ts: z.string().regex(/^\d+\.\d+$/),
  authorId: z
    .string()
    .regex(/^[UW][A-Z0-9]+$/)
    .optional(),
});

/** The value of the "tell the story" button (forgeable like any payload: checked). */
export function parseOpenFormValue(raw: string | undefined): OpenFormValue | undefined {
  try {
    const parsed = openFormValue.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

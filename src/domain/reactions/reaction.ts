import { type MomentKind, STORY_MAX_LENGTH } from '../moments/moment.js';

/** The two emoji that log a moment by reaction: a workspace setting. */
export interface ReactionEmoji {
  praise: string;
  complaint: string;
}

/** `:star2:` logs praise, `:bulb:` a complaint (something learned) until an admin picks others. */
export const DEFAULT_REACTION_EMOJI: ReactionEmoji = { praise: 'star2', complaint: 'bulb' };

/**
 * Taking back the reaction undoes only while the moment is fresh: later it may already have
 * been shared in a digest, so a removal then changes nothing.
 */
export const REACTION_UNDO_WINDOW_MS = 10 * 60_000;

/** Slack's emoji names: lower-case letters, digits and `_ - + '`. */
export const EMOJI_NAME = /^[a-z0-9_+'-]{1,64}$/;

/**
 * An emoji name as Slack reports it in `reaction_added`: typed with or without colons, and
 * without a skin tone (`+1::skin-tone-3` is the same reaction as `+1`). Undefined when it is
 * not an emoji name at all.
 */
export function normaliseEmoji(input: string): string | undefined {
  const name = input
    .trim()
    .toLowerCase()
    .replace(/^:|:$/g, '')
    .replace(/::skin-tone-\d$/, '');
  return EMOJI_NAME.test(name) ? name : undefined;
}

/** Which moment a reaction logs in this workspace, if any. */
export function kindForReaction(reaction: string, emoji: ReactionEmoji): MomentKind | undefined {
  const name = normaliseEmoji(reaction);
  if (name === emoji.praise) return 'praise';
  if (name === emoji.complaint) return 'complaint';
  return undefined;
}

/**
 * The story a message makes: its text, cut at a word boundary with "…" when it passes the
 * story limit (the permalink keeps the whole message one click away).
 */
export function storyFromMessage(text: string): { story: string; truncated: boolean } {
  const trimmed = text.trim();
  if (trimmed.length <= STORY_MAX_LENGTH) return { story: trimmed, truncated: false };
  const cut = trimmed.slice(0, STORY_MAX_LENGTH - 1);
  const space = cut.search(/\s\S*$/);
  return {
    story: `${(space > STORY_MAX_LENGTH * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`,
    truncated: true,
  };
}

/** The people a message mentions (`<@U…>` or `<@U…|name>`), first mention first, once each. */
export function mentionedPeople(text: string): string[] {
  return [...new Set([...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1] as string))];
}

/**
 * Who a praise by reaction recognises: the people the message mentions, or else its author;
 * never the reactor (praising oneself is not recognition). Empty when nobody is left.
 */
export function praisedColleagues(text: string, authorId: string, reactorId: string): string[] {
  const mentioned = mentionedPeople(text).filter((id) => id !== reactorId);
  if (mentioned.length > 0) return mentioned;
  return authorId === reactorId ? [] : [authorId];
}

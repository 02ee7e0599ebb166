import type { Moment, MomentKind } from '../moments/moment.js';
import type { LogProblem, MomentNotice, MomentService, NoticesFor } from '../moments/moment-service.js';
import type { PeopleDirectory } from '../people.js';
import { kindForReaction, praisedColleagues, REACTION_UNDO_WINDOW_MS, storyFromMessage } from './reaction.js';
import type { ReactionSettings } from './reaction-settings.js';

/** The message a reaction was added to, as the Slack layer read it. */
export interface ReactedMessage {
  /** Who wrote it; undefined for messages no person wrote. */
  userId: string | undefined;
  /** Written by a bot or an integration. */
  isBot: boolean;
  text: string;
}

/** Reads the message a reaction points at, through Slack. */
export interface MessageReader {
  /** One message of a channel (or thread); undefined when it no longer exists. Throws when Slack fails. */
  read(teamId: string, channelId: string, ts: string): Promise<ReactedMessage | undefined>;
  /** The message's link; null when Slack cannot give one (the story stands without it). */
  permalink(teamId: string, channelId: string, ts: string): Promise<string | null>;
}

/** `reaction_added` / `reaction_removed`, reduced to what matters. */
export interface Reaction {
  teamId: string;
  userId: string;
  reaction: string;
  /** `message`, `file` or `file_comment`: only messages log moments. */
  itemType: string;
  channelId: string;
  ts: string;
}

/** Nothing to do, and nobody to tell (logged at debug by the listener). */
export type IgnoredReason =
  | 'not_a_message'
  | 'direct_message'
  | 'other_emoji'
  | 'unknown_reactor'
  | 'bot_reactor'
  | 'message_not_found'
  | 'bot_message'
  | 'own_moment'
  | 'already_seconded'
  | 'not_involved'
  | 'too_late';

export type ReactionAddedOutcome =
  | { result: 'ignored'; reason: IgnoredReason }
  /** `notices`: what the moment sends, stored with it, for the caller to deliver. */
  | { result: 'logged'; moment: Moment; notices: MomentNotice[]; truncated: boolean }
  | { result: 'seconded'; moment: Moment }
  /** A file or an image alone: the reactor is offered the form instead. */
  | { result: 'no_text'; kind: MomentKind }
  /** Praise on one's own message that names nobody else. */
  | { result: 'own_message' }
  | { result: 'colleague_problem'; problem: LogProblem }
  /** Slack could not give the message: the reactor is asked to try again. */
  | { result: 'read_failed'; error: unknown };

export type ReactionRemovedOutcome =
  | { result: 'ignored'; reason: IgnoredReason }
  | { result: 'undone'; moment: Moment }
  | { result: 'unseconded'; moment: Moment };

/**
 * Customer moments by emoji reaction. A reaction carries only a channel and a ts, so the
 * message is read through the MessageReader; the moment itself is logged through the moment
 * service, like /praise and /complaint. One message makes one moment of each kind: the first
 * reactor is its author, later ones second it (as do reactions on its recognition post).
 */
export function createReactionService(deps: {
  moments: MomentService;
  people: PeopleDirectory;
  settings: ReactionSettings;
  reader: MessageReader;
}) {
  const { moments } = deps;

  /** The moment this reaction points at: its recognition post, or the message it was logged from. */
  async function momentReactedTo(reaction: Reaction, kind: MomentKind): Promise<Moment | undefined> {
    const { teamId, channelId, ts } = reaction;
    if (kind === 'praise') {
      const posted = await moments.findByRecognitionPost(teamId, channelId, ts);
      if (posted) return posted;
    }
    return (await moments.findBySourceMessage(teamId, channelId, ts)).find((m) => m.kind === kind);
  }

  async function second(reaction: Reaction, moment: Moment, now: Date): Promise<ReactionAddedOutcome> {
    const seconded = await moments.second(reaction.teamId, moment, reaction.userId, now);
    if (!seconded.ok) return { result: 'ignored', reason: 'own_moment' };
    if (!seconded.value.added) return { result: 'ignored', reason: 'already_seconded' };
    return { result: 'seconded', moment };
  }

  /** What a reaction means, before anything is read or stored. */
  async function kindOf(reaction: Reaction): Promise<MomentKind | IgnoredReason> {
    if (reaction.itemType !== 'message') return 'not_a_message';
    // The bot is never asked to act on private conversations between people.
    if (reaction.channelId.startsWith('D')) return 'direct_message';
    return kindForReaction(reaction.reaction, await deps.settings.get(reaction.teamId)) ?? 'other_emoji';
  }

  return {
    /** A reaction was added: log a moment, second one, or explain why not. */
    async added(reaction: Reaction, now: Date, noticesFor?: NoticesFor): Promise<ReactionAddedOutcome> {
      const kind = await kindOf(reaction);
      if (kind !== 'praise' && kind !== 'complaint') return { result: 'ignored', reason: kind };
      const { teamId, userId, channelId, ts } = reaction;
      const [reactor, existing] = await Promise.all([
        deps.people.lookup(teamId, userId),
        momentReactedTo(reaction, kind),
      ]);
      if (!reactor || reactor.deleted) return { result: 'ignored', reason: 'unknown_reactor' };
      if (reactor.isBot) return { result: 'ignored', reason: 'bot_reactor' };
      if (existing) return second(reaction, existing, now);

      let message: ReactedMessage | undefined;
      try {
        message = await deps.reader.read(teamId, channelId, ts);
      } catch (error) {
        return { result: 'read_failed', error };
      }
      if (!message) return { result: 'ignored', reason: 'message_not_found' };
      if (message.isBot || !message.userId) return { result: 'ignored', reason: 'bot_message' };
      if (!message.text.trim()) return { result: 'no_text', kind };

      const colleagueIds = kind === 'praise' ? praisedColleagues(message.text, message.userId, userId) : [];
      if (kind === 'praise' && colleagueIds.length === 0) return { result: 'own_message' };
      const { story, truncated } = storyFromMessage(message.text);
      const logged = await moments.log(
        teamId,
        userId,
        { kind, colleagueIds, story, customerType: 'external', touchpoint: 'other', impact: 'small' },
        {
          source: 'reaction',
          channelId,
          permalink: await deps.reader.permalink(teamId, channelId, ts),
          sourceTs: ts,
          // Two people reacting at once both get here: the key lets one insert win, and the
          // other seconds the moment it stored.
          dedupeKey: `reaction:${kind}:${channelId}:${ts}`,
        },
        now,
        noticesFor,
      );
      if (!logged.ok) return { result: 'colleague_problem', problem: logged.problem };
      if (!logged.value.created) return second(reaction, logged.value.moment, now);
      return { result: 'logged', moment: logged.value.moment, notices: logged.value.notices, truncated };
    },

    /**
     * A reaction was removed: within the undo window its author's removal deletes the moment
     * (story gone for good) and a seconder's removal takes the seconding back; later, nothing.
     */
    async removed(reaction: Reaction, now: Date): Promise<ReactionRemovedOutcome> {
      const kind = await kindOf(reaction);
      if (kind !== 'praise' && kind !== 'complaint') return { result: 'ignored', reason: kind };
      const { teamId, userId, ts } = reaction;
      const moment = await momentReactedTo(reaction, kind);
      if (!moment) return { result: 'ignored', reason: 'not_involved' };
      const fresh = (since: Date) => now.getTime() - since.getTime() <= REACTION_UNDO_WINDOW_MS;

      // Only a moment this very reaction logged: a moment logged by shortcut stays.
      if (moment.authorId === userId && moment.source === 'reaction' && moment.sourceTs === ts) {
        if (!fresh(moment.createdAt)) return { result: 'ignored', reason: 'too_late' };
        const removed = await moments.remove(teamId, userId, moment.id);
        return removed.ok ? { result: 'undone', moment } : { result: 'ignored', reason: 'not_involved' };
      }
      const secondedAt = await moments.secondedAt(teamId, moment.id, userId);
      if (!secondedAt) return { result: 'ignored', reason: 'not_involved' };
      if (!fresh(secondedAt)) return { result: 'ignored', reason: 'too_late' };
      await moments.unsecond(teamId, moment.id, userId);
      return { result: 'unseconded', moment };
    },
  };
}

export type ReactionService = ReturnType<typeof createReactionService>;

import { randomUUID } from 'node:crypto';
import { isFollowedUp } from '../follow-up/follow-up.js';
import type { PeopleDirectory } from '../people.js';
import type { AuditLog } from '../privacy/audit.js';
import type { Authorizer } from '../roles/permissions.js';
import type { StandardService, UnknownCitations } from '../standards/standard-service.js';
import { MAX_COLLEAGUES, type Moment, type MomentDraft, type MomentSource } from './moment.js';

export interface NewMomentRow extends MomentDraft {
  teamId: string;
  authorId: string;
  source: MomentSource;
  channelId: string | null;
  permalink: string | null;
  sourceTs?: string | null;
  standards: string[];
  dedupeKey: string | null;
}

/**
 * A message a new moment sends (a colleague's DM, the recognition post), built before the moment
 * is stored and written in the same statement: a stop between the two cannot lose it. The
 * replica that wrote it delivers it at once, holding it until `claimedUntil`; the outbox job
 * retries it after that if it is still there.
 */
export interface MomentNotice {
  id: string;
  kind: 'moment_dm' | 'recognition_post';
  recipientId: string | null;
  message: Record<string, unknown>;
  claimedUntil: Date;
}

/** The notices a moment sends, from the moment as it will be stored. */
export type NoticesFor = (moment: Moment) => Promise<MomentNotice[]>;

export type MomentPatch = Partial<
  Pick<
    Moment,
    | 'kind'
    | 'colleagueIds'
    | 'customerType'
    | 'touchpoint'
    | 'impact'
    | 'story'
    | 'lesson'
    | 'followUpUserId'
    | 'status'
    | 'standards'
    | 'resolvedAt'
    | 'followedUpAt'
    | 'recognitionChannelId'
    | 'recognitionTs'
  >
>;

export interface MomentStore {
  /**
   * Inserts the moment (under `id`) and its notices, or returns the row already stored under the
   * same dedupe key (`created: false`, no notice written).
   */
  insert(
    row: NewMomentRow & { id: string },
    notices: readonly MomentNotice[],
    now: Date,
  ): Promise<{ moment: Moment; created: boolean }>;
  get(teamId: string, id: string): Promise<Moment | undefined>;
  update(teamId: string, id: string, patch: MomentPatch, now: Date): Promise<Moment | undefined>;
  /** Deletes the row for good (story and lesson included). */
  delete(teamId: string, id: string): Promise<boolean>;
  /** The moments logged from one message (shortcut, reaction), oldest first. */
  findBySourceMessage(teamId: string, channelId: string, ts: string): Promise<Moment[]>;
  /** The moment whose recognition post this is. */
  findByRecognitionPost(teamId: string, channelId: string, ts: string): Promise<Moment | undefined>;
  /** Adds a seconder; false when they already seconded it. */
  addSeconder(teamId: string, momentId: string, userId: string, now: Date): Promise<boolean>;
  /** When this person seconded the moment; undefined when they did not. */
  secondedAt(teamId: string, momentId: string, userId: string): Promise<Date | undefined>;
  removeSeconder(teamId: string, momentId: string, userId: string): Promise<boolean>;
}

export type ColleagueProblem =
  | { reason: 'no_colleague' }
  | { reason: 'too_many' }
  | { reason: 'unknown_colleague'; userId: string }
  | { reason: 'bot_colleague'; userId: string };

export type MomentFailure = 'not_found' | 'not_allowed' | 'not_a_complaint';

/** Why a moment was not logged: a colleague who cannot be named, or a `#tag` that names no standard. */
export type LogProblem = ColleagueProblem | UnknownCitations;

/** Stamps the end of a complaint's follow-up the first time it has both a lesson and a resolution. */
function withFollowUpStamp(moment: Moment, patch: MomentPatch, now: Date): MomentPatch {
  if (moment.followedUpAt || !isFollowedUp({ ...moment, ...patch })) return patch;
  return { ...patch, followedUpAt: now };
}

type Outcome<T, E> = { ok: true; value: T } | { ok: false; problem: E };

/** Who may do what with a moment: authors edit their own; follow-up belongs to the author, the owner and admins. */
export const momentRules = {
  canEdit: (moment: Moment, actorId: string) => moment.authorId === actorId,
  canFollowUp: (moment: Moment, actorId: string, moderates: boolean) =>
    moderates || moment.authorId === actorId || moment.followUpUserId === actorId,
  canDelete: (moment: Moment, actorId: string, moderates: boolean) =>
    moderates || moment.authorId === actorId,
};

export function createMomentService(
  store: MomentStore,
  people: PeopleDirectory,
  roles: Authorizer,
  audit: Pick<AuditLog, 'record'>,
  standards: Pick<StandardService, 'cite'>,
) {
  /**
   * The colleagues of a moment, checked against Slack: the author is dropped (praising oneself
   * is not recognition), bots and unknown ids are refused, praise needs someone left.
   */
  async function checkColleagues(
    teamId: string,
    authorId: string,
    draft: Pick<MomentDraft, 'kind' | 'colleagueIds'>,
  ): Promise<Outcome<string[], ColleagueProblem>> {
    const ids = [...new Set(draft.colleagueIds)].filter((id) => id !== authorId);
    if (ids.length > MAX_COLLEAGUES) return { ok: false, problem: { reason: 'too_many' } };
    if (draft.kind === 'praise' && ids.length === 0)
      return { ok: false, problem: { reason: 'no_colleague' } };
    const found = await Promise.all(ids.map((id) => people.lookup(teamId, id)));
    for (const [index, person] of found.entries()) {
      const userId = ids[index] as string;
      if (!person || person.deleted) return { ok: false, problem: { reason: 'unknown_colleague', userId } };
      if (person.isBot) return { ok: false, problem: { reason: 'bot_colleague', userId } };
    }
    return { ok: true, value: ids };
  }

  async function findFor(teamId: string, id: string) {
    return store.get(teamId, id);
  }

  /** Admins may follow up and delete anyone's moment (`moment.moderate`). */
  async function mayModerate(teamId: string, userId: string) {
    return (await roles.authorize(teamId, userId, 'moment.moderate')).ok;
  }

  /**
   * The standards a draft cites: its `#tags` (story and lesson) and the ones picked in the
   * modal. Every entry point (command, modal, shortcut, reaction) goes through here.
   */
  function citationsOf(teamId: string, draft: MomentDraft, kept: readonly string[] = []) {
    return standards.cite(teamId, `${draft.story}\n${draft.lesson ?? ''}`, draft.standards ?? [], kept);
  }

  return {
    checkColleagues,
    get: findFor,

    /** Checks a draft's `#tags` before anything is stored (the modal shows the answer under the story). */
    checkCitations: (teamId: string, draft: MomentDraft, kept: readonly string[] = []) =>
      citationsOf(teamId, draft, kept),

    /**
     * Logs a moment. The same dedupe key (a Slack view id or trigger id) stores it once, so a
     * double click or a redelivered request changes nothing. `noticesFor` builds what the new
     * moment sends; they are stored with it and returned to be delivered (none for a repeat).
     */
    async log(
      teamId: string,
      authorId: string,
      draft: MomentDraft,
      origin: {
        source: MomentSource;
        channelId?: string | null;
        permalink?: string | null;
        sourceTs?: string | null;
        dedupeKey?: string | null;
      },
      now: Date,
      noticesFor: NoticesFor = async () => [],
    ): Promise<Outcome<{ moment: Moment; created: boolean; notices: MomentNotice[] }, LogProblem>> {
      const cited = await citationsOf(teamId, draft);
      if (!cited.ok) return { ok: false, problem: cited };
      const colleagues = await checkColleagues(teamId, authorId, draft);
      if (!colleagues.ok) return colleagues;
      const row = {
        ...draft,
        id: randomUUID(),
        colleagueIds: colleagues.value,
        lesson: draft.lesson?.trim() || null,
        followUpUserId: draft.followUpUserId ?? (draft.kind === 'complaint' ? authorId : null),
        teamId,
        authorId,
        source: origin.source,
        channelId: origin.channelId ?? null,
        permalink: origin.permalink ?? null,
        sourceTs: origin.sourceTs ?? null,
        standards: cited.tags,
        dedupeKey: origin.dedupeKey ?? null,
      };
      const notices = await noticesFor({
        ...row,
        colleagueIds: [...row.colleagueIds].sort(),
        status: 'open',
        recognitionChannelId: null,
        recognitionTs: null,
        createdAt: now,
        updatedAt: now,
        resolvedAt: null,
        followedUpAt: null,
      });
      const stored = await store.insert(row, notices, now);
      return { ok: true, value: { ...stored, notices: stored.created ? notices : [] } };
    },

    /** The author rewrites their moment (all fields). */
    async edit(
      teamId: string,
      actorId: string,
      id: string,
      draft: MomentDraft,
      now: Date,
    ): Promise<
      Outcome<
        { before: Moment; after: Moment },
        MomentFailure | ColleagueProblem['reason'] | UnknownCitations
      >
    > {
      const before = await findFor(teamId, id);
      if (!before) return { ok: false, problem: 'not_found' };
      if (!momentRules.canEdit(before, actorId)) return { ok: false, problem: 'not_allowed' };
      // What the moment cited stays citable after its standard is archived.
      const cited = await citationsOf(teamId, draft, before.standards);
      if (!cited.ok) return { ok: false, problem: cited };
      const colleagues = await checkColleagues(teamId, before.authorId, draft);
      if (!colleagues.ok) return { ok: false, problem: colleagues.problem.reason };
      const after = await store.update(
        teamId,
        id,
        withFollowUpStamp(
          before,
          {
            ...draft,
            colleagueIds: colleagues.value,
            lesson: draft.lesson?.trim() || null,
            followUpUserId: draft.followUpUserId ?? before.followUpUserId,
            standards: cited.tags,
          },
          now,
        ),
        now,
      );
      if (!after) return { ok: false, problem: 'not_found' };
      return { ok: true, value: { before, after } };
    },

    /** May this person follow the complaint up (so be shown the lesson form)? */
    mayFollowUp: async (teamId: string, actorId: string, moment: Moment) =>
      momentRules.canFollowUp(moment, actorId, await mayModerate(teamId, actorId)),

    /**
     * Follows a complaint up (author, follow-up owner or admin): records what we learned
     * and/or marks it resolved. Resolving twice is harmless.
     */
    async followUp(
      teamId: string,
      actorId: string,
      id: string,
      change: { lesson?: string; resolve: boolean },
      now: Date,
    ): Promise<Outcome<Moment, MomentFailure | UnknownCitations>> {
      const moment = await findFor(teamId, id);
      if (!moment) return { ok: false, problem: 'not_found' };
      if (moment.kind !== 'complaint') return { ok: false, problem: 'not_a_complaint' };
      if (!momentRules.canFollowUp(moment, actorId, await mayModerate(teamId, actorId))) {
        return { ok: false, problem: 'not_allowed' };
      }
      const patch: MomentPatch = {};
      if (change.lesson !== undefined) {
        // The lesson may cite more standards; what the moment cited already stays cited.
        const cited = await standards.cite(teamId, change.lesson, [], moment.standards);
        if (!cited.ok) return { ok: false, problem: cited };
        patch.lesson = change.lesson.trim() || null;
        const tags = [...new Set([...moment.standards, ...cited.tags])];
        if (tags.length !== moment.standards.length) patch.standards = tags;
      }
      if (change.resolve && moment.status !== 'resolved')
        Object.assign(patch, { status: 'resolved', resolvedAt: now });
      if (Object.keys(patch).length === 0) return { ok: true, value: moment };
      const updated = await store.update(teamId, id, withFollowUpStamp(moment, patch, now), now);
      return updated ? { ok: true, value: updated } : { ok: false, problem: 'not_found' };
    },

    /** Deletes for good (author, or an admin moderating); returns what was deleted so posts can follow. */
    async remove(teamId: string, actorId: string, id: string): Promise<Outcome<Moment, MomentFailure>> {
      const moment = await findFor(teamId, id);
      if (!moment) return { ok: false, problem: 'not_found' };
      if (!momentRules.canDelete(moment, actorId, await mayModerate(teamId, actorId))) {
        return { ok: false, problem: 'not_allowed' };
      }
      await store.delete(teamId, id);
      // An admin removing someone else's story is moderation: the log says who and whose.
      if (moment.authorId !== actorId) {
        await audit.record(teamId, actorId, 'moment_deleted', moment.authorId, { kind: moment.kind });
      }
      return { ok: true, value: moment };
    },

    /** The moments logged from a message, and the moment whose recognition post it is. */
    findBySourceMessage: (teamId: string, channelId: string, ts: string) =>
      store.findBySourceMessage(teamId, channelId, ts),
    findByRecognitionPost: (teamId: string, channelId: string, ts: string) =>
      store.findByRecognitionPost(teamId, channelId, ts),

    /**
     * Someone seconds a moment: no new moment, one seconder row. Its author and its colleagues
     * cannot second it (recognising oneself is not recognition); seconding twice changes nothing.
     */
    async second(
      teamId: string,
      moment: Moment,
      userId: string,
      now: Date,
    ): Promise<Outcome<{ added: boolean }, 'own_moment'>> {
      if (moment.authorId === userId || moment.colleagueIds.includes(userId)) {
        return { ok: false, problem: 'own_moment' };
      }
      return { ok: true, value: { added: await store.addSeconder(teamId, moment.id, userId, now) } };
    },

    secondedAt: (teamId: string, momentId: string, userId: string) =>
      store.secondedAt(teamId, momentId, userId),

    /** Takes a seconding back; false when there was none. */
    unsecond: (teamId: string, momentId: string, userId: string) =>
      store.removeSeconder(teamId, momentId, userId),

    /**
     * Remembers where the recognition post went, so edits and deletions can reach it. False
     * when the moment is gone already (undone while its post was on its way).
     */
    async recordRecognitionPost(teamId: string, id: string, channelId: string, ts: string, now: Date) {
      const updated = await store.update(
        teamId,
        id,
        { recognitionChannelId: channelId, recognitionTs: ts },
        now,
      );
      return updated !== undefined;
    },
  };
}

export type MomentService = ReturnType<typeof createMomentService>;

import type { AuditLog } from '../privacy/audit.js';
import type { Authorizer, NotAllowed } from '../roles/permissions.js';
import type { Standard } from '../standards/standard.js';

/** One vision line of a workspace. */
export interface MantraLine {
  id: number;
  text: string;
  /** The built-in line ("Customer first."), shown in the workspace language until an admin adds one. */
  isDefault: boolean;
}

/** A recent praise story that can illustrate a mantra post. */
export interface PraiseStory {
  id: string;
  story: string;
  authorId: string;
  colleagueIds: string[];
  createdAt: Date;
  /** Id of the latest mantra post that told this story; null when never told. */
  lastUsedPostId: number | null;
}

export interface MantraStore {
  /** Lines in the order they were added; creates the default line for a team that has none. */
  listEnsuringDefault(teamId: string, defaultText: string): Promise<MantraLine[]>;
  /** Adds a line and drops the default one; says whether a default was dropped. */
  add(
    teamId: string,
    text: string,
    createdBy: string,
  ): Promise<{ line: MantraLine; replacedDefault: boolean }>;
  /** Removes the line at a 1-based position, never the last one. */
  removeAt(
    teamId: string,
    position: number,
  ): Promise<
    | { ok: true; line: MantraLine }
    | { ok: false; reason: 'unknown_position'; count: number }
    | { ok: false; reason: 'last_line' }
  >;
  /** Rewrites one line (it stops being the default); undefined when the team has no such line. */
  updateText(teamId: string, id: number, text: string): Promise<MantraLine | undefined>;
  /** Removes one line by id, never the last one. */
  removeById(
    teamId: string,
    id: number,
  ): Promise<{ ok: true; line: MantraLine } | { ok: false; reason: 'not_found' | 'last_line' }>;
  /** Id of the latest post of each line that was ever posted. */
  lastPostOfLines(teamId: string): Promise<Map<number, number>>;
  /** Praise stories of the team created in `[since, until]`, newest first. */
  praiseBetween(teamId: string, since: Date, until: Date, limit: number): Promise<PraiseStory[]>;
  recordPost(post: {
    teamId: string;
    mantraId: number;
    momentId: string | null;
    channelId: string;
    messageTs: string;
    postedAt: Date;
  }): Promise<void>;
}

export const MANTRA_LINE_MAX = 280;
export const STORY_WINDOW_DAYS = 30;
const STORY_CANDIDATES = 200;

/**
 * The next line to post: one never posted yet (oldest first), otherwise the one whose last
 * post is the oldest. With several lines this rotates through all of them.
 */
export function pickLine<T extends { id: number }>(
  lines: T[],
  lastPostOfLine: Map<number, number>,
): T | undefined {
  let best: T | undefined;
  let bestKey = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    // Never posted sorts before every real post id; ties keep the oldest line.
    const key = lastPostOfLine.get(line.id) ?? Number.NEGATIVE_INFINITY;
    if (best === undefined || key < bestKey) {
      best = line;
      bestKey = key;
    }
  }
  return best;
}

/**
 * The story to tell: the newest one never told in a mantra post; when every recent story was
 * told already, the one told longest ago, so the posts keep rotating.
 */
export function pickStory(stories: PraiseStory[]): PraiseStory | undefined {
  const untold = stories.filter((s) => s.lastUsedPostId === null);
  if (untold.length > 0) {
    return untold.reduce((a, b) => (b.createdAt.getTime() > a.createdAt.getTime() ? b : a));
  }
  return stories.reduce<PraiseStory | undefined>(
    (a, b) => (a === undefined || (b.lastUsedPostId ?? 0) < (a.lastUsedPostId ?? 0) ? b : a),
    undefined,
  );
}

export type AddLineResult =
  | { ok: true; line: MantraLine; replacedDefault: boolean }
  | { ok: false; reason: 'empty' | 'too_long' }
  | NotAllowed;

/**
 * The vision lines of a workspace and what a mantra post says. `lastWeekFocus` names the
 * training focus of the week before an instant, as the digest of that week did. Everyone
 * reads the vision; changing it is for admins and posting it for managers: the methods that
 * act for someone ask the role service and return its refusal.
 */
export function createMantraService(
  store: MantraStore,
  audit: Pick<AuditLog, 'record'>,
  lastWeekFocus: (teamId: string, reference: Date) => Promise<Standard | undefined>,
  roles: Authorizer,
) {
  const mayManage = (teamId: string, userId: string) => roles.authorize(teamId, userId, 'mantra.manage');

  return {
    /** The lines, creating the default one (in `defaultText`, the workspace language) when needed. */
    lines: (teamId: string, defaultText: string) => store.listEnsuringDefault(teamId, defaultText),

    /** The vision as a person sees it, and whether they may change it (admins are shown how). */
    async show(teamId: string, userId: string, defaultText: string) {
      const [lines, allowed] = await Promise.all([
        store.listEnsuringDefault(teamId, defaultText),
        mayManage(teamId, userId),
      ]);
      return { lines, canManage: allowed.ok };
    },

    /** The numbered list admins edit by position. */
    async list(
      teamId: string,
      actorId: string,
      defaultText: string,
    ): Promise<{ ok: true; value: MantraLine[] } | NotAllowed> {
      const allowed = await mayManage(teamId, actorId);
      if (!allowed.ok) return allowed;
      return { ok: true, value: await store.listEnsuringDefault(teamId, defaultText) };
    },

    /** May this person post the mantra now (the post itself goes out through Slack)? */
    mayPost: (teamId: string, userId: string) => roles.authorize(teamId, userId, 'mantra.post'),

    /**
     * Adds a line. `defaultText` seeds the default line first when the team has none yet,
     * so the first line added visibly replaces it.
     */
    async add(teamId: string, text: string, createdBy: string, defaultText: string): Promise<AddLineResult> {
      const allowed = await mayManage(teamId, createdBy);
      if (!allowed.ok) return allowed;
      await store.listEnsuringDefault(teamId, defaultText);
      const line = text.trim();
      if (!line) return { ok: false, reason: 'empty' };
      if (line.length > MANTRA_LINE_MAX) return { ok: false, reason: 'too_long' };
      const added = await store.add(teamId, line, createdBy);
      await audit.record(teamId, createdBy, 'vision_line_added', `line:${added.line.id}`);
      return { ok: true, ...added };
    },

    /** Removes the line at a position (1-based); `actorId` is audited. */
    async removeAt(teamId: string, position: number, actorId: string) {
      const allowed = await mayManage(teamId, actorId);
      if (!allowed.ok) return allowed;
      const removed = await store.removeAt(teamId, position);
      if (removed.ok) await audit.record(teamId, actorId, 'vision_line_removed', `line:${removed.line.id}`);
      return removed;
    },

    /** Rewrites a line, with the same rules as adding one; `actorId` is audited. */
    async edit(
      teamId: string,
      id: number,
      text: string,
      actorId: string,
    ): Promise<
      { ok: true; line: MantraLine } | { ok: false; reason: 'empty' | 'too_long' | 'not_found' } | NotAllowed
    > {
      const allowed = await mayManage(teamId, actorId);
      if (!allowed.ok) return allowed;
      const line = text.trim();
      if (!line) return { ok: false, reason: 'empty' };
      if (line.length > MANTRA_LINE_MAX) return { ok: false, reason: 'too_long' };
      const updated = await store.updateText(teamId, id, line);
      if (!updated) return { ok: false, reason: 'not_found' };
      await audit.record(teamId, actorId, 'vision_line_edited', `line:${id}`);
      return { ok: true, line: updated };
    },

    /** Removes a line by id, never the last one; `actorId` is audited. */
    async removeById(teamId: string, id: number, actorId: string) {
      const allowed = await mayManage(teamId, actorId);
      if (!allowed.ok) return allowed;
      const removed = await store.removeById(teamId, id);
      if (removed.ok) await audit.record(teamId, actorId, 'vision_line_removed', `line:${id}`);
      return removed;
    },

    /**
     * What the next post says: the line next in rotation, one praise story from the 30 days
     * before `reference` (undefined when there is none yet), and last week's training focus
     * (the standard complaints missed most, as the digest named it).
     */
    async compose(
      teamId: string,
      defaultText: string,
      reference: Date,
    ): Promise<{ line: MantraLine; story: PraiseStory | undefined; focus: Standard | undefined }> {
      const lines = await store.listEnsuringDefault(teamId, defaultText);
      const line = pickLine(lines, await store.lastPostOfLines(teamId));
      if (!line) throw new Error(`team ${teamId} has no mantra line right after ensuring the default`);
      const day = 86_400_000;
      const storiesSince = new Date(reference.getTime() - STORY_WINDOW_DAYS * day);
      const [stories, focus] = await Promise.all([
        store.praiseBetween(teamId, storiesSince, reference, STORY_CANDIDATES),
        lastWeekFocus(teamId, reference),
      ]);
      return { line, story: pickStory(stories), focus };
    },

    recordPost: (post: Parameters<MantraStore['recordPost']>[0]) => store.recordPost(post),
  };
}

export type MantraService = ReturnType<typeof createMantraService>;

import { createReadCache } from '../read-cache.js';
import type { Authorizer, GrantedRole } from '../roles/permissions.js';
import type { WorkspaceService } from '../workspace/workspace-service.js';
import {
  checkDescription,
  checkTag,
  DEFAULT_STANDARDS,
  type DescriptionProblem,
  MAX_STANDARDS,
  readCitations,
  type Standard,
  type TagProblem,
} from './standard.js';

/** Writes made while the team's standards are locked, so two admins never make a 13th. */
export interface StandardWriter {
  /** Every standard of the team, active first by position, then archived. */
  list(teamId: string): Promise<Standard[]>;
  insert(teamId: string, row: { tag: string; description: string; position: number }): Promise<Standard>;
  update(
    teamId: string,
    id: number,
    patch: Partial<Pick<Standard, 'description' | 'position' | 'archivedAt'>>,
    now: Date,
  ): Promise<void>;
}

export interface StandardStore {
  list(teamId: string): Promise<Standard[]>;
  /** Inserts the rows whose tag the team does not have yet (two replicas may race). */
  insertMissing(
    teamId: string,
    rows: { tag: string; description: string; position: number }[],
  ): Promise<void>;
  /** Runs `work` with the team's standards locked against concurrent changes. */
  withTeamLock<T>(teamId: string, work: (writer: StandardWriter) => Promise<T>): Promise<T>;
  /** How many praise and complaints cited each standard in `[since, until)`. */
  countsBetween(
    teamId: string,
    since: Date,
    until: Date,
  ): Promise<{ standardId: number; kind: 'praise' | 'complaint'; count: number }[]>;
}

export type StandardRefusal =
  | { reason: 'not_allowed'; needed: GrantedRole }
  | { reason: TagProblem | DescriptionProblem }
  | { reason: 'duplicate'; tag: string }
  | { reason: 'archived'; standard: Standard }
  | { reason: 'too_many'; max: number }
  | { reason: 'unknown_tag'; tag: string; valid: string[] }
  | { reason: 'not_archived'; tag: string }
  | { reason: 'bad_position'; max: number };

export type StandardOutcome<T> = { ok: true; value: T } | ({ ok: false } & StandardRefusal);

/** A standard with how often it was honoured (praise) and missed (complaints) lately. */
export interface StandardWithCounts {
  standard: Standard;
  honoured: number;
  missed: number;
}

/** Unknown `#tags` in a story, with the tags that would have been understood. */
export interface UnknownCitations {
  reason: 'unknown_standards';
  unknown: string[];
  valid: string[];
}

/** The overview's window: "lately" is the last four weeks. */
export const OVERVIEW_DAYS = 28;

/**
 * How long the list a story is checked against is kept: this process sees its own changes at
 * once, and another replica's within this.
 */
export const STANDARDS_READ_TTL_MS = 5_000;

const refuse = <R extends StandardRefusal>(refusal: R): { ok: false } & R => ({ ok: false, ...refusal });

/**
 * The service standards of a workspace: who may change them (`standard.manage`), the rules of the list
 * (at most 12, valid tags, one-line descriptions) and what a story cites.
 */
export function createStandardService(
  store: StandardStore,
  roles: Authorizer,
  workspaces: Pick<WorkspaceService, 'get'>,
  clock: () => Date,
) {
  // Every story is checked against the list (cite): kept for a few seconds, forgotten on a change.
  const recent = createReadCache<Standard[]>({ ttlMs: STANDARDS_READ_TTL_MS, clock });

  /** All standards, creating the defaults in the workspace language for a team that has none. */
  async function all(teamId: string): Promise<Standard[]> {
    const found = await store.list(teamId);
    if (found.length > 0) return found;
    const { locale } = await workspaces.get(teamId);
    await store.insertMissing(
      teamId,
      DEFAULT_STANDARDS.map((d, index) => ({
        tag: d.tag,
        description: d.description[locale],
        position: index + 1,
      })),
    );
    return store.list(teamId);
  }

  const activeOf = (standards: Standard[]) => standards.filter((s) => s.archivedAt === null);

  /** For `/culture standards` and the App Home: the active ones with their last four weeks, and the archived. */
  async function overview(
    teamId: string,
    now: Date,
  ): Promise<{ active: StandardWithCounts[]; archived: Standard[] }> {
    const standards = await all(teamId);
    const since = new Date(now.getTime() - OVERVIEW_DAYS * 86_400_000);
    const counts = await store.countsBetween(teamId, since, now);
    const count = (id: number, kind: 'praise' | 'complaint') =>
      counts.find((c) => c.standardId === id && c.kind === kind)?.count ?? 0;
    return {
      active: activeOf(standards).map((standard) => ({
        standard,
        honoured: count(standard.id, 'praise'),
        missed: count(standard.id, 'complaint'),
      })),
      archived: standards.filter((s) => s.archivedAt !== null),
    };
  }

  /**
   * Runs a change for someone allowed to manage the standards: the defaults exist, the list is
   * locked, and `change` decides on the current rows. Anyone else is refused before anything is read.
   */
  async function asAllowed<T>(
    teamId: string,
    actorId: string,
    change: (writer: StandardWriter, standards: Standard[]) => Promise<StandardOutcome<T>>,
  ): Promise<StandardOutcome<T>> {
    const allowed = await roles.authorize(teamId, actorId, 'standard.manage');
    if (!allowed.ok) return refuse({ reason: allowed.reason, needed: allowed.needed });
    await all(teamId);
    try {
      return await store.withTeamLock(teamId, async (writer) => change(writer, await writer.list(teamId)));
    } finally {
      recent.forget(teamId);
    }
  }

  /** Gives the active standards the positions 1…n in the order given. */
  async function renumber(writer: StandardWriter, teamId: string, ordered: Standard[], now: Date) {
    for (const [index, standard] of ordered.entries()) {
      if (standard.position !== index + 1)
        await writer.update(teamId, standard.id, { position: index + 1 }, now);
    }
  }

  /** The active standard of a tag, or the refusal naming the tags that exist. */
  function findActive(standards: Standard[], rawTag: string) {
    const tag = rawTag.trim().replace(/^#/, '').toLowerCase();
    const active = activeOf(standards);
    const standard = active.find((s) => s.tag === tag);
    return { standard, unknown: refuse({ reason: 'unknown_tag', tag, valid: active.map((s) => s.tag) }) };
  }

  return {
    all,
    /** Reads again from the database from now on (see ReadCache.clear). */
    forgetKept: () => recent.clear(),

    /** The active standards in order (what people may cite). */
    async active(teamId: string): Promise<Standard[]> {
      return activeOf(await all(teamId));
    },

    /** `/culture standards` as this person sees it: the overview, and whether they may change it. */
    async view(teamId: string, userId: string, now: Date) {
      const [summary, canManage] = await Promise.all([
        overview(teamId, now),
        roles.authorize(teamId, userId, 'standard.manage'),
      ]);
      return { overview: summary, canManage: canManage.ok };
    },

    overview,

    /** Adds a standard at the end of the list. An archived tag is not re-added: the answer offers to restore it. */
    add(teamId: string, actorId: string, rawTag: string, rawDescription: string) {
      return asAllowed<Standard>(teamId, actorId, async (writer, standards) => {
        const tag = checkTag(rawTag);
        if (!tag.ok) return refuse({ reason: tag.problem });
        const description = checkDescription(rawDescription);
        if (!description.ok) return refuse({ reason: description.problem });
        const existing = standards.find((s) => s.tag === tag.tag);
        if (existing?.archivedAt) return refuse({ reason: 'archived', standard: existing });
        if (existing) return refuse({ reason: 'duplicate', tag: tag.tag });
        const active = activeOf(standards);
        if (active.length >= MAX_STANDARDS) return refuse({ reason: 'too_many', max: MAX_STANDARDS });
        const standard = await writer.insert(teamId, {
          tag: tag.tag,
          description: description.description,
          position: active.length + 1,
        });
        return { ok: true, value: standard };
      });
    },

    /** Rewrites the description of an active standard. */
    edit(teamId: string, actorId: string, rawTag: string, rawDescription: string, now: Date) {
      return asAllowed<Standard>(teamId, actorId, async (writer, standards) => {
        const { standard, unknown } = findActive(standards, rawTag);
        if (!standard) return unknown;
        const description = checkDescription(rawDescription);
        if (!description.ok) return refuse({ reason: description.problem });
        await writer.update(teamId, standard.id, { description: description.description }, now);
        return { ok: true, value: { ...standard, description: description.description } };
      });
    },

    /** Moves an active standard to a 1-based position; the others keep their order. */
    move(teamId: string, actorId: string, rawTag: string, position: number, now: Date) {
      return asAllowed<Standard>(teamId, actorId, async (writer, standards) => {
        const { standard, unknown } = findActive(standards, rawTag);
        if (!standard) return unknown;
        const active = activeOf(standards);
        if (!Number.isInteger(position) || position < 1 || position > active.length) {
          return refuse({ reason: 'bad_position', max: active.length });
        }
        const others = active.filter((s) => s.id !== standard.id);
        await renumber(
          writer,
          teamId,
          [...others.slice(0, position - 1), standard, ...others.slice(position - 1)],
          now,
        );
        return { ok: true, value: { ...standard, position } };
      });
    },

    /**
     * Archives a standard: it can no longer be cited, but the moments that cited it keep the
     * citation and old digests still name it.
     */
    archive(teamId: string, actorId: string, rawTag: string, now: Date) {
      return asAllowed<Standard>(teamId, actorId, async (writer, standards) => {
        const { standard, unknown } = findActive(standards, rawTag);
        if (!standard) return unknown;
        await writer.update(teamId, standard.id, { archivedAt: now }, now);
        await renumber(
          writer,
          teamId,
          activeOf(standards).filter((s) => s.id !== standard.id),
          now,
        );
        return { ok: true, value: { ...standard, archivedAt: now } };
      });
    },

    /** Brings an archived standard back, with its description, at the end of the list. */
    restore(teamId: string, actorId: string, rawTag: string, now: Date) {
      return asAllowed<Standard>(teamId, actorId, async (writer, standards) => {
        const tag = rawTag.trim().replace(/^#/, '').toLowerCase();
        const standard = standards.find((s) => s.tag === tag);
        if (!standard)
          return refuse({ reason: 'unknown_tag', tag, valid: activeOf(standards).map((s) => s.tag) });
        if (!standard.archivedAt) return refuse({ reason: 'not_archived', tag });
        const active = activeOf(standards);
        if (active.length >= MAX_STANDARDS) return refuse({ reason: 'too_many', max: MAX_STANDARDS });
        const position = active.length + 1;
        await writer.update(teamId, standard.id, { archivedAt: null, position }, now);
        return { ok: true, value: { ...standard, archivedAt: null, position } };
      });
    },

    /**
     * What a form about `text` starts with: every standard (the form lists the active ones) and
     * the active tags the text already cites, selected. Unknown tags are left for the check on submit.
     */
    async preselect(teamId: string, text: string): Promise<{ standards: Standard[]; selected: string[] }> {
      const standards = await all(teamId);
      const { cited } = readCitations(
        text,
        activeOf(standards).map((s) => s.tag),
      );
      return { standards, selected: cited };
    },

    /**
     * What a story (and its lesson) cites: its `#tags` and channel links, plus `chosen` tags
     * (picked in the modal). Only active standards can be cited, except `kept`: the tags a
     * moment already cited keep counting after they are archived. An unknown tag refuses the
     * whole citation, so nothing is stored with a typo silently dropped.
     */
    async cite(
      teamId: string,
      text: string,
      chosen: readonly string[] = [],
      kept: readonly string[] = [],
    ): Promise<{ ok: true; tags: string[] } | ({ ok: false } & UnknownCitations)> {
      const standards = await recent.read(teamId, () => all(teamId));
      const valid = activeOf(standards).map((s) => s.tag);
      const allowed = [...valid, ...kept.filter((tag) => !valid.includes(tag))];
      const read = readCitations(text, allowed);
      const unknownChosen = chosen.map((t) => t.toLowerCase()).filter((t) => !allowed.includes(t));
      const unknown = [...new Set([...read.unknown, ...unknownChosen])];
      if (unknown.length > 0) return { ok: false, reason: 'unknown_standards', unknown, valid };
      const cited = new Set([...read.cited, ...chosen.map((t) => t.toLowerCase())]);
      // In the workspace's order, so every message lists them the same way.
      return { ok: true, tags: standards.filter((s) => cited.has(s.tag)).map((s) => s.tag) };
    },
  };
}

export type StandardService = ReturnType<typeof createStandardService>;

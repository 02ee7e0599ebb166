import { bankBalance, type DigestStore } from '../digest/digest.js';
import type { DigestService } from '../digest/digest-service.js';
import { weekBefore, weekContaining } from '../digest/week.js';
import type { MantraLine, MantraService } from '../mantra/mantra-service.js';
import type { MomentKind } from '../moments/moment.js';
import type { PrivacyService } from '../privacy/privacy-service.js';
import type { Action } from '../roles/permissions.js';
import type { GrantedRole, Role, RoleService } from '../roles/role-service.js';
import type { ScheduleEntry, ScheduleService } from '../schedules/schedule-service.js';
import type { Standard } from '../standards/standard.js';
import type { StandardService, StandardWithCounts } from '../standards/standard-service.js';
import type { Workspace, WorkspaceService } from '../workspace/workspace-service.js';

/**
 * The App Home: what each person sees of their own culture work (recognition, moments,
 * follow-ups, pulses to answer, the team's balance), what managers follow, and the settings
 * admins keep. Reading only: every change made from the Home goes through the service that
 * owns it (moments, pulses, settings), with that service's own permission rules.
 */

export interface MomentSummary {
  id: string;
  kind: MomentKind;
  authorId: string;
  story: string;
  lesson: string | null;
  status: 'open' | 'resolved';
  followUpUserId: string | null;
  createdAt: Date;
}

export interface OpenPulseSummary {
  id: string;
  channelId: string;
  createdBy: string;
  closesAt: Date;
  anonymous: boolean;
  answers: number;
  answeredByMe: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** 0-based page shown. */
  page: number;
  pageSize: number;
}

/** The Home's read queries; the Postgres repository implements them. */
export interface HomeStore {
  /** Praise naming the person: how many since `since` and in all, and the latest stories. */
  recognition(
    teamId: string,
    userId: string,
    since: Date,
    latest: number,
  ): Promise<{ sinceCount: number; allTime: number; latest: MomentSummary[] }>;
  /** Moments the person logged, newest first. */
  momentsBy(
    teamId: string,
    authorId: string,
    offset: number,
    limit: number,
  ): Promise<{ items: MomentSummary[]; total: number }>;
  /** Complaints not followed up yet (no lesson or not resolved), oldest first; of one owner, or all. */
  complaintsToFollowUp(
    teamId: string,
    ownerId: string | undefined,
    offset: number,
    limit: number,
  ): Promise<{ items: MomentSummary[]; total: number }>;
  openPulses(teamId: string, userId: string): Promise<OpenPulseSummary[]>;
  grantedRoles(teamId: string): Promise<{ userId: string; role: GrantedRole }[]>;
}

/** Lists of the Home that page (most recent first, "see more"). */
export const HOME_LISTS = ['moments', 'followUps', 'complaints', 'lines', 'schedules', 'roles'] as const;
export type HomeList = (typeof HOME_LISTS)[number];
export type HomePages = Partial<Record<HomeList, number>>;
/** Items per page: with these the busiest Home stays well under Slack's 100 blocks per view. */
export const HOME_PAGE_SIZE: Record<HomeList, number> = {
  moments: 5,
  followUps: 5,
  complaints: 5,
  lines: 5,
  schedules: 5,
  roles: 5,
};
const LATEST_RECOGNITION = 3;

export interface HomeData {
  role: Role;
  workspace: Workspace;
  vision: MantraLine | undefined;
  recognition: { thisWeek: number; allTime: number; latest: MomentSummary[] };
  myMoments: Page<MomentSummary>;
  myFollowUps: Page<MomentSummary>;
  pulsesToAnswer: OpenPulseSummary[];
  bank: { thisWeek: number; lastWeek: number };
  trainingFocus: { tag: string; description: string } | undefined;
  manager?: { complaints: Page<MomentSummary>; pulses: OpenPulseSummary[] };
  admin?: {
    lines: Page<MantraLine>;
    schedules: Page<ScheduleEntry>;
    roles: Page<{ userId: string; role: GrantedRole }>;
    /** The active standards in order with their last four weeks, and the archived ones (12 active at most: no paging). */
    standards: { active: StandardWithCounts[]; archived: Standard[] };
  };
  /** For admins: the latest audit entries and the deactivated people awaiting a decision. */
  privacy?: HomePrivacy;
}

export type HomePrivacy = Extract<
  Awaited<ReturnType<PrivacyService['adminOverview']>>,
  { ok: true }
>['value'];
/** Audit entries and deactivated people on the admins' Home (the rest: `/culture audit`, `/culture forget`). */
export const HOME_PRIVACY_LIMITS = { audit: 5, deactivated: 5 };

/**
 * The Home's forms that change the workspace, each with the action its submission is checked
 * against: a form opens only for someone the same rule would let save it.
 */
export const HOME_FORMS = {
  settings: 'workspace.configure',
  visionLine: 'mantra.manage',
  schedule: 'schedule.manage',
  roleGrant: 'role.manage',
  standard: 'standard.manage',
  reactions: 'reaction.manage',
  retention: 'privacy.manage',
  eraseSomeone: 'privacy.manage',
} as const satisfies Record<string, Action>;

export type HomeForm = keyof typeof HOME_FORMS;

function pageOf<T>(all: T[], list: HomeList, pages: HomePages): Page<T> {
  const pageSize = HOME_PAGE_SIZE[list];
  const last = Math.max(0, Math.ceil(all.length / pageSize) - 1);
  const page = Math.min(Math.max(0, pages[list] ?? 0), last);
  return { items: all.slice(page * pageSize, (page + 1) * pageSize), total: all.length, page, pageSize };
}

async function pageFrom<T>(
  list: HomeList,
  pages: HomePages,
  load: (offset: number, limit: number) => Promise<{ items: T[]; total: number }>,
): Promise<Page<T>> {
  const pageSize = HOME_PAGE_SIZE[list];
  const page = Math.max(0, pages[list] ?? 0);
  const found = await load(page * pageSize, pageSize);
  // A page emptied meanwhile (items deleted elsewhere) falls back to the first one.
  if (found.items.length === 0 && page > 0) return pageFrom(list, { ...pages, [list]: 0 }, load);
  return { ...found, page, pageSize };
}

export function createHomeService(deps: {
  store: HomeStore;
  bank: Pick<DigestStore, 'countsByKindAndImpact'>;
  digests: Pick<DigestService, 'trainingFocus'>;
  roles: RoleService;
  workspaces: Pick<WorkspaceService, 'get'>;
  mantras: Pick<MantraService, 'lines'>;
  schedules: Pick<ScheduleService, 'list'>;
  standards: Pick<StandardService, 'overview'>;
  privacy: Pick<PrivacyService, 'adminOverview'>;
}) {
  const { store } = deps;
  return {
    /**
     * Everything one person's Home shows at `now`. `isMember` says whether the person is in a
     * channel (Slack knows; open pulses are offered only in the person's channels);
     * `defaultLine` is the built-in vision line in the workspace language.
     */
    async dashboard(input: {
      teamId: string;
      userId: string;
      now: Date;
      pages: HomePages;
      defaultLine: string;
      isMember: (channelId: string) => Promise<boolean>;
    }): Promise<HomeData> {
      const { teamId, userId, now, pages } = input;
      const [role, workspace, lines] = await Promise.all([
        deps.roles.roleOf(teamId, userId),
        deps.workspaces.get(teamId),
        deps.mantras.lines(teamId, input.defaultLine),
      ]);
      const week = weekContaining(now, workspace.timezone);
      const previous = weekBefore(week, workspace.timezone);
      const everyone = { kind: 'workspace' } as const;
      const [recognition, myMoments, myFollowUps, pulses, counts, previousCounts, focus] = await Promise.all([
        store.recognition(teamId, userId, week.start, LATEST_RECOGNITION),
        pageFrom('moments', pages, (offset, limit) => store.momentsBy(teamId, userId, offset, limit)),
        pageFrom('followUps', pages, (offset, limit) =>
          store.complaintsToFollowUp(teamId, userId, offset, limit),
        ),
        store.openPulses(teamId, userId),
        deps.bank.countsByKindAndImpact(teamId, week.start, week.end, everyone),
        deps.bank.countsByKindAndImpact(teamId, previous.start, previous.end, everyone),
        deps.digests.trainingFocus(teamId, week, workspace.timezone),
      ]);
      const weights = workspace.settings.weights;
      const pulsesToAnswer: OpenPulseSummary[] = [];
      for (const pulse of pulses) {
        if (!pulse.answeredByMe && pulse.closesAt > now && (await input.isMember(pulse.channelId))) {
          pulsesToAnswer.push(pulse);
        }
      }
      const data: HomeData = {
        role,
        workspace,
        vision: lines[0],
        recognition: {
          thisWeek: recognition.sinceCount,
          allTime: recognition.allTime,
          latest: recognition.latest,
        },
        myMoments,
        myFollowUps,
        pulsesToAnswer,
        bank: {
          thisWeek: bankBalance(counts, weights).balance,
          lastWeek: bankBalance(previousCounts, weights).balance,
        },
        trainingFocus: focus
          ? { tag: focus.standard.tag, description: focus.standard.description }
          : undefined,
      };
      if (role === 'manager' || role === 'admin') {
        data.manager = {
          complaints: await pageFrom('complaints', pages, (offset, limit) =>
            store.complaintsToFollowUp(teamId, undefined, offset, limit),
          ),
          // Managers follow the pulses they started; admins see every open pulse.
          pulses: pulses.filter((p) => role === 'admin' || p.createdBy === userId),
        };
      }
      if (role === 'admin') {
        const [schedules, granted, standards] = await Promise.all([
          deps.schedules.list(teamId, userId, now).then((listed) => (listed.ok ? listed.value : [])),
          store.grantedRoles(teamId),
          deps.standards.overview(teamId, now),
        ]);
        data.admin = {
          lines: pageOf(lines, 'lines', pages),
          // Most recent first: the schedule just added is on the first page.
          schedules: pageOf([...schedules].reverse(), 'schedules', pages),
          roles: pageOf(granted, 'roles', pages),
          standards,
        };
      }
      if (role === 'admin') {
        const privacy = await deps.privacy.adminOverview(teamId, userId, HOME_PRIVACY_LIMITS);
        if (privacy.ok) data.privacy = privacy.value;
      }
      return data;
    },

    /** May this person open this form? Asked on the server for every click, whatever the Home showed. */
    mayOpen: (teamId: string, userId: string, form: HomeForm) =>
      deps.roles.authorize(teamId, userId, HOME_FORMS[form]),
  };
}

export type HomeService = ReturnType<typeof createHomeService>;

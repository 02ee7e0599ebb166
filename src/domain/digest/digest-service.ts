import { FOLLOW_UP_DELAY_DEFAULT_DAYS, followedUpWithinDelay } from '../follow-up/follow-up.js';
import type { Authorizer } from '../roles/permissions.js';
import type { Standard } from '../standards/standard.js';
import type { WorkspaceSettings } from '../workspace/workspace-service.js';
import {
  bankBalance,
  DIGEST_COLLEAGUES,
  DIGEST_COMPLAINTS_PER_TOUCHPOINT,
  DIGEST_FOCUS_LESSONS,
  DIGEST_PRAISE_STORIES,
  type Digest,
  type DigestScope,
  type DigestStore,
  FOCUS_STREAK_WEEKS,
  mostMissed,
  type StandardTally,
  type TrainingFocus,
  tallyStandards,
} from './digest.js';
import { type Week, weekBefore, weekContaining } from './week.js';

/** How many weeks the digest's bank-account chart looks back over, this one included. */
export const BANK_HISTORY_WEEKS = 8;

const WORKSPACE: DigestScope = { kind: 'workspace' };

export function createDigestService(
  store: DigestStore,
  standards: { all(teamId: string): Promise<Standard[]> },
  roles: Authorizer,
) {
  /**
   * The training focus among the standards missed most this week. A tie goes to the one missed
   * longest in a row: week by week back in time, only those also missed that week stay in;
   * when none of them was, the workspace's order decides.
   */
  async function focusOf(
    teamId: string,
    week: Week,
    timezone: string,
    scope: DigestScope,
    tallies: StandardTally[],
  ): Promise<TrainingFocus | undefined> {
    let tied = mostMissed(tallies);
    let earlier = week;
    for (let weeks = 0; tied.length > 1 && weeks < FOCUS_STREAK_WEEKS; weeks += 1) {
      earlier = weekBefore(earlier, timezone);
      const ids = tied.map((t) => t.standard.id);
      const missed = await store.missedAmong(teamId, ids, earlier.start, earlier.end, scope);
      if (missed.length === 0) break;
      tied = tied.filter((t) => missed.includes(t.standard.id));
    }
    const chosen = tied.sort((a, b) => a.standard.position - b.standard.position).at(0);
    if (!chosen) return undefined;
    const id = chosen.standard.id;
    const [lessons, example] = await Promise.all([
      store.lessonsFor(teamId, id, week.start, week.end, scope, DIGEST_FOCUS_LESSONS),
      store.exampleFor(teamId, id, week.end, scope),
    ]);
    return { standard: chosen.standard, missed: chosen.missed, lessons, example };
  }

  return {
    /** Anyone may preview the digest; posting it in a channel is for managers and admins. */
    mayPost: (teamId: string, userId: string) => roles.authorize(teamId, userId, 'digest.post'),
    /** The training focus of a week for the whole workspace (what the mantra posts name). */
    async trainingFocus(teamId: string, week: Week, timezone: string): Promise<TrainingFocus | undefined> {
      const [counts, all] = await Promise.all([
        store.standardCounts(teamId, week.start, week.end, WORKSPACE),
        standards.all(teamId),
      ]);
      return focusOf(teamId, week, timezone, WORKSPACE, tallyStandards(counts, all));
    },

    /**
     * The digest of one week. Every list comes from the store already cut to size, so a week
     * with thousands of stories costs a handful of indexed aggregate queries, not a full read.
     */
    async build(
      teamId: string,
      week: Week,
      scope: DigestScope,
      workspace: { timezone: string; settings: WorkspaceSettings },
      mantra: string | undefined,
    ): Promise<Digest> {
      const { start, end } = week;
      const previous = weekBefore(week, workspace.timezone);
      const [
        counts,
        previousCounts,
        stories,
        colleagues,
        touchpoints,
        complaints,
        cited,
        all,
        pulse,
        followUps,
      ] = await Promise.all([
        store.countsByKindAndImpact(teamId, start, end, scope),
        store.countsByKindAndImpact(teamId, previous.start, previous.end, scope),
        store.topPraise(teamId, start, end, scope, DIGEST_PRAISE_STORIES),
        store.recognisedColleagues(teamId, start, end, scope, DIGEST_COLLEAGUES),
        store.complaintsByTouchpoint(teamId, start, end, scope),
        store.complaintSamples(teamId, start, end, scope, DIGEST_COMPLAINTS_PER_TOUCHPOINT),
        store.standardCounts(teamId, start, end, scope),
        standards.all(teamId),
        store.latestPulse(teamId, start, end, workspace.settings.anonymityThreshold),
        store.followUpTimes(teamId, start, end, scope),
      ]);
      const delayDays = workspace.settings.followUpDelayDays ?? FOLLOW_UP_DELAY_DEFAULT_DAYS;
      const weights = workspace.settings.weights;
      const now = bankBalance(counts, weights);
      const before = bankBalance(previousCounts, weights);
      const tallies = tallyStandards(cited, all);
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      return {
        week,
        mantra,
        praise: {
          total: sum(counts.filter((c) => c.kind === 'praise').map((c) => c.count)),
          stories,
          colleagues: colleagues.colleagues,
          colleaguesTotal: colleagues.total,
        },
        complaints: {
          total: sum(touchpoints.map((t) => t.count)),
          resolved: sum(touchpoints.map((t) => t.resolved)),
          withoutLesson: sum(touchpoints.map((t) => t.withoutLesson)),
          byTouchpoint: touchpoints,
          stories: complaints,
        },
        bank: { ...now, change: now.balance - before.balance },
        standards: tallies,
        focus: await focusOf(teamId, week, workspace.timezone, scope, tallies),
        pulse,
        followUps: {
          count: followUps.length,
          withinDelay: followUps.filter((f) =>
            followedUpWithinDelay(f.createdAt, f.followedUpAt, delayDays, workspace.timezone),
          ).length,
          delayDays,
        },
      };
    },

    /**
     * The emotional bank account of `weeks` weeks ending with `week`, oldest first: what the
     * digest's chart draws. One aggregate query per week, run side by side.
     */
    async bankHistory(
      teamId: string,
      week: Week,
      scope: DigestScope,
      workspace: { timezone: string; settings: WorkspaceSettings },
      weeks = BANK_HISTORY_WEEKS,
    ): Promise<{ week: Week; credits: number; debits: number; balance: number }[]> {
      const span: Week[] = [week];
      while (span.length < weeks) span.unshift(weekBefore(span[0] as Week, workspace.timezone));
      return Promise.all(
        span.map(async (w) => ({
          week: w,
          ...bankBalance(
            await store.countsByKindAndImpact(teamId, w.start, w.end, scope),
            workspace.settings.weights,
          ),
        })),
      );
    },

    /** The week that contains `now` (previews), or the one that just ended (scheduled posts). */
    currentWeek: (now: Date, timezone: string) => weekContaining(now, timezone),
    lastWeek: (now: Date, timezone: string) => weekBefore(weekContaining(now, timezone), timezone),
  };
}

export type DigestService = ReturnType<typeof createDigestService>;

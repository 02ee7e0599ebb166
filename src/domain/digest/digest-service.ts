import type { WorkspaceSettings } from '../workspace/workspace-service.js';
import {
  bankBalance,
  DIGEST_COLLEAGUES,
  DIGEST_COMPLAINTS_PER_TOUCHPOINT,
  DIGEST_PRAISE_STORIES,
  type Digest,
  type DigestScope,
  type DigestStore,
  trainingFocus,
} from './digest.js';
import { type Week, weekBefore, weekContaining } from './week.js';

/** How many weeks the digest's bank-account chart looks back over, this one included. */
export const BANK_HISTORY_WEEKS = 8;

export function createDigestService(store: DigestStore) {
  return {
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
      const [counts, previousCounts, stories, colleagues, touchpoints, complaints, standards, pulse] =
        await Promise.all([
          store.countsByKindAndImpact(teamId, start, end, scope),
          store.countsByKindAndImpact(teamId, previous.start, previous.end, scope),
          store.topPraise(teamId, start, end, scope, DIGEST_PRAISE_STORIES),
          store.recognisedColleagues(teamId, start, end, scope, DIGEST_COLLEAGUES),
          store.complaintsByTouchpoint(teamId, start, end, scope),
          store.complaintSamples(teamId, start, end, scope, DIGEST_COMPLAINTS_PER_TOUCHPOINT),
          store.standardCounts(teamId, start, end, scope),
          store.latestPulse(teamId, start, end, workspace.settings.anonymityThreshold),
        ]);
      const weights = workspace.settings.weights;
      const now = bankBalance(counts, weights);
      const before = bankBalance(previousCounts, weights);
      const honoured = standards.filter((s) => s.kind === 'praise').map(({ tag, count }) => ({ tag, count }));
      const missed = standards
        .filter((s) => s.kind === 'complaint')
        .map(({ tag, count }) => ({ tag, count }));
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
        standards: { honoured, missed, trainingFocus: trainingFocus(missed, honoured) },
        pulse,
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

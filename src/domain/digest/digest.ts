import type { Touchpoint } from '../moments/moment.js';
import type { Week } from './week.js';

export type DigestScope = { kind: 'workspace' } | { kind: 'channel'; channelId: string; memberIds: string[] };

export interface KindImpactCount {
  kind: 'praise' | 'complaint';
  impact: 'small' | 'big';
  count: number;
}

export interface DigestStory {
  id: string;
  authorId: string;
  colleagueIds: string[];
  impact: 'small' | 'big';
  touchpoint: Touchpoint;
  story: string;
  lesson: string | null;
  status: 'open' | 'resolved';
  followUpUserId: string | null;
  /** How many people seconded the story (by reaction). */
  seconders: number;
}

export interface TouchpointSummary {
  touchpoint: Touchpoint;
  count: number;
  resolved: number;
  withoutLesson: number;
}

/** What the digest store answers for one week; each list is already cut to what a message can hold. */
export interface DigestStore {
  countsByKindAndImpact(teamId: string, from: Date, to: Date, scope: DigestScope): Promise<KindImpactCount[]>;
  /** Praise, big credits first, then the most seconded, then newest; at most `limit`. */
  topPraise(teamId: string, from: Date, to: Date, scope: DigestScope, limit: number): Promise<DigestStory[]>;
  /** Colleagues by praise count, most first, at most `limit`, with how many there are in all. */
  recognisedColleagues(
    teamId: string,
    from: Date,
    to: Date,
    scope: DigestScope,
    limit: number,
  ): Promise<{ colleagues: { userId: string; count: number }[]; total: number }>;
  complaintsByTouchpoint(
    teamId: string,
    from: Date,
    to: Date,
    scope: DigestScope,
  ): Promise<TouchpointSummary[]>;
  /** Complaints, at most `perTouchpoint` for each touchpoint, open ones first. */
  complaintSamples(
    teamId: string,
    from: Date,
    to: Date,
    scope: DigestScope,
    perTouchpoint: number,
  ): Promise<DigestStory[]>;
  standardCounts(
    teamId: string,
    from: Date,
    to: Date,
    scope: DigestScope,
  ): Promise<{ kind: 'praise' | 'complaint'; tag: string; count: number }[]>;
  /** The average trust score of the latest pulse closed in the period, with enough answers to show. */
  latestPulse(
    teamId: string,
    from: Date,
    to: Date,
    minAnswers: number,
  ): Promise<{ average: number; answers: number } | undefined>;
}

export interface BankAccount {
  credits: number;
  debits: number;
  balance: number;
  /** Balance change against the week before. */
  change: number;
}

export interface Digest {
  week: Week;
  mantra: string | undefined;
  praise: {
    total: number;
    stories: DigestStory[];
    colleagues: { userId: string; count: number }[];
    colleaguesTotal: number;
  };
  complaints: {
    total: number;
    resolved: number;
    withoutLesson: number;
    byTouchpoint: TouchpointSummary[];
    stories: DigestStory[];
  };
  bank: BankAccount;
  standards: {
    honoured: { tag: string; count: number }[];
    missed: { tag: string; count: number }[];
    trainingFocus: string | undefined;
  };
  pulse: { average: number; answers: number } | undefined;
}

export const DIGEST_PRAISE_STORIES = 5;
export const DIGEST_COLLEAGUES = 12;
export const DIGEST_COMPLAINTS_PER_TOUCHPOINT = 2;

/** Credits minus debits, each weighted by impact (small = 1, big = 3 unless the workspace says otherwise). */
export function bankBalance(counts: KindImpactCount[], weights: { small: number; big: number }) {
  let credits = 0;
  let debits = 0;
  for (const { kind, impact, count } of counts) {
    if (kind === 'praise') credits += count * weights[impact];
    else debits += count * weights[impact];
  }
  return { credits, debits, balance: credits - debits };
}

/** The standard missed most this week (ties: the one honoured least, then alphabetical). */
export function trainingFocus(
  missed: { tag: string; count: number }[],
  honoured: { tag: string; count: number }[],
): string | undefined {
  const honouredCount = new Map(honoured.map((h) => [h.tag, h.count]));
  return [...missed]
    .sort(
      (a, b) =>
        b.count - a.count ||
        (honouredCount.get(a.tag) ?? 0) - (honouredCount.get(b.tag) ?? 0) ||
        a.tag.localeCompare(b.tag),
    )
    .at(0)?.tag;
}

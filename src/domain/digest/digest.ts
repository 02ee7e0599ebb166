import type { Touchpoint } from '../moments/moment.js';
import type { Standard } from '../standards/standard.js';
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
  /** How many praise (honoured) and complaints (missed) cited each standard. */
  standardCounts(
    teamId: string,
    from: Date,
    to: Date,
    scope: DigestScope,
  ): Promise<{ standardId: number; kind: 'praise' | 'complaint'; count: number }[]>;
  /** Which of `standardIds` a complaint cited in the period. */
  missedAmong(
    teamId: string,
    standardIds: number[],
    from: Date,
    to: Date,
    scope: DigestScope,
  ): Promise<number[]>;
  /** Complaints of the period that cited the standard and have a lesson, newest first. */
  lessonsFor(
    teamId: string,
    standardId: number,
    from: Date,
    to: Date,
    scope: DigestScope,
    limit: number,
  ): Promise<DigestStory[]>;
  /** The newest praise before `to` that honoured the standard. */
  exampleFor(
    teamId: string,
    standardId: number,
    to: Date,
    scope: DigestScope,
  ): Promise<DigestStory | undefined>;
  /** Creation and follow-up times of the complaints followed up (lesson and resolution) in the period. */
  followUpTimes(
    teamId: string,
    from: Date,
    to: Date,
    scope: DigestScope,
  ): Promise<{ createdAt: Date; followedUpAt: Date }[]>;
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
  /** The standards cited this week (most missed first); empty when nothing was cited. */
  standards: StandardTally[];
  focus: TrainingFocus | undefined;
  pulse: { average: number; answers: number } | undefined;
  /** Complaints followed up this week, and how many within the workspace's follow-up delay. */
  followUps: { count: number; withinDelay: number; delayDays: number };
}

/** A standard with how often it was honoured (praise) and missed (complaints) in a period. */
export interface StandardTally {
  standard: Standard;
  honoured: number;
  missed: number;
}

/**
 * The week's training focus: the standard missed most, with what the team learned on those
 * complaints and one praise story that honoured it (the example to follow).
 */
export interface TrainingFocus {
  standard: Standard;
  missed: number;
  lessons: DigestStory[];
  example: DigestStory | undefined;
}

export const DIGEST_PRAISE_STORIES = 5;
export const DIGEST_FOCUS_LESSONS = 3;
/** How far back a tie between standards missed equally often is looked at. */
export const FOCUS_STREAK_WEEKS = 26;
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

/** Counts per standard, most missed first, then most honoured, then the workspace's order. */
export function tallyStandards(
  counts: { standardId: number; kind: 'praise' | 'complaint'; count: number }[],
  standards: Standard[],
): StandardTally[] {
  const tallies = new Map<number, StandardTally>();
  for (const { standardId, kind, count } of counts) {
    const standard = standards.find((s) => s.id === standardId);
    if (!standard) continue;
    const tally = tallies.get(standardId) ?? { standard, honoured: 0, missed: 0 };
    if (kind === 'praise') tally.honoured += count;
    else tally.missed += count;
    tallies.set(standardId, tally);
  }
  return [...tallies.values()].sort(
    (a, b) => b.missed - a.missed || b.honoured - a.honoured || a.standard.position - b.standard.position,
  );
}

/**
 * The standards tied for "missed most" this week: the candidates for the training focus.
 * Empty when no complaint cited a standard.
 */
export function mostMissed(tallies: StandardTally[]): StandardTally[] {
  const top = Math.max(0, ...tallies.map((t) => t.missed));
  return top === 0 ? [] : tallies.filter((t) => t.missed === top);
}

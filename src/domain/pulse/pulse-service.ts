import { randomInt } from 'node:crypto';
import { fail, ok, type Result } from '../result.js';
import type { Authorizer, NotAllowed } from '../roles/permissions.js';
import { MIN_ANONYMITY_THRESHOLD } from '../workspace/workspace-service.js';
import {
  type AnswerOutcome,
  effectiveThreshold,
  isAcceptingAnswers,
  type NewPulse,
  PULSE_QUESTIONS,
  type Pulse,
  type PulseAnswer,
  type PulseQuestion,
  pulseTimes,
  roundOneDecimal,
  type ScoreSummary,
  type StoredPulseAnswer,
  shuffle,
  summariseScores,
} from './pulse.js';

/** Where pulses live; the Postgres repository implements it. Every call is scoped by team. */
export interface PulseStore {
  /** Inserts an open pulse; undefined when one is already open in that channel. */
  insertOpen(pulse: NewPulse): Promise<Pulse | undefined>;
  find(teamId: string, pulseId: string): Promise<Pulse | undefined>;
  findOpen(teamId: string, channelId: string): Promise<Pulse | undefined>;
  setMessageTs(teamId: string, pulseId: string, messageTs: string): Promise<void>;
  remove(teamId: string, pulseId: string): Promise<void>;
  countAnswers(teamId: string, pulseId: string): Promise<number>;
  hasParticipated(teamId: string, pulseId: string, userId: string): Promise<boolean>;
  findNamedAnswer(teamId: string, pulseId: string, userId: string): Promise<PulseAnswer | undefined>;
  /** Records participation and answer in one transaction (see the repository for how). */
  recordAnswer(input: {
    teamId: string;
    pulseId: string;
    userId: string;
    answer: PulseAnswer;
    now: Date;
  }): Promise<AnswerOutcome>;
  listAnswers(teamId: string, pulseId: string): Promise<StoredPulseAnswer[]>;
  /** The most recently closed pulse of a channel. */
  lastClosed(teamId: string, channelId: string): Promise<Pulse | undefined>;
  /** The latest closed pulse of the channel opened before `before` with at least `minAnswers` answers. */
  previousClosed(
    teamId: string,
    channelId: string,
    before: Date,
    minAnswers: number,
  ): Promise<Pulse | undefined>;
  /**
   * The average trust score of the channel's closed pulses opened at or before `upTo` that have
   * at least `minAnswers` answers (a hidden pulse's average stays hidden), newest first, at most `limit`.
   */
  closedAverages(
    teamId: string,
    channelId: string,
    upTo: Date,
    minAnswers: number,
    limit: number,
  ): Promise<{ pulseId: string; openedAt: Date; average: number }[]>;
  claimClose(teamId: string, pulseId: string, now: Date, closedBy: string): Promise<Pulse | undefined>;
  claimDueClosings(now: Date): Promise<Pulse[]>;
  claimDueReminders(now: Date): Promise<Pulse[]>;
  claimUnpublishedResults(now: Date, staleBefore: Date, maxAttempts: number): Promise<Pulse[]>;
  markResultsPosted(teamId: string, pulseId: string, resultsTs: string): Promise<void>;
}

/** What the pulse needs from the workspace: the threshold setting. */
export interface PulseWorkspaces {
  get(teamId: string): Promise<{ settings: { anonymityThreshold: number } }>;
}

/**
 * What starting a pulse takes. A person's start is checked (managers and admins); a scheduled
 * one (`scheduleId`) was allowed when an admin made its schedule.
 */
export interface StartPulseInput {
  teamId: string;
  channelId: string;
  userId: string;
  anonymous: boolean;
  days: number;
  now: Date;
  scheduleId?: number | null;
}

export type StartResult =
  | NotAllowed
  | { ok: true; pulse: Pulse }
  | { ok: false; reason: 'already_open'; open: Pulse }
  | { ok: false; reason: 'not_a_channel' };

export type AnswerForm =
  | { kind: 'not_found' }
  | { kind: 'closed'; pulse: Pulse }
  | { kind: 'already_answered'; pulse: Pulse }
  | { kind: 'form'; pulse: Pulse; prefill: PulseAnswer | undefined };

export interface PulseChange {
  previous: Pulse;
  previousAverage: number;
  /** Difference of the two shown (rounded) averages, rounded to one decimal. */
  delta: number;
}

export interface PulseTextAnswer {
  text: string;
  /** Only for named pulses. */
  respondentId: string | null;
}

/** How many of a channel's pulses the trend of the trust score looks back over. */
export const PULSE_TREND_LENGTH = 12;

export interface PulseTrendPoint {
  openedAt: Date;
  average: number;
}

export type PulseResults =
  | { shown: false; pulse: Pulse; count: number; threshold: number }
  | {
      shown: true;
      pulse: Pulse;
      count: number;
      threshold: number;
      scores: ScoreSummary;
      change: PulseChange | undefined;
      /**
       * The channel's latest pulses shown with results, this one included, oldest first
       * (at most PULSE_TREND_LENGTH): the trend of the average trust score.
       */
      trend: PulseTrendPoint[];
      /** Each question's answers in its own random order, so one person's three texts are not lined up. */
      texts: Record<PulseQuestion, PulseTextAnswer[]>;
    };

export type ExportResult =
  | NotAllowed
  | { ok: true; pulse: Pulse; answers: StoredPulseAnswer[] }
  | { ok: false; reason: 'none' }
  | { ok: false; reason: 'below_threshold'; pulse: Pulse; count: number; threshold: number };

/** A claim on posting results that is older than this is considered abandoned and retried. */
export const RESULTS_CLAIM_STALE_MS = 5 * 60_000;
export const RESULTS_MAX_ATTEMPTS = 5;

export function createPulseService(
  store: PulseStore,
  workspaces: PulseWorkspaces,
  roles: Authorizer,
  options: { randomBelow?: (n: number) => number } = {},
) {
  const randomBelow = options.randomBelow ?? randomInt;
  /** Running pulses (start, status, close, export) is for managers and admins. */
  const mayRun = (teamId: string, userId: string) => roles.authorize(teamId, userId, 'pulse.run');

  /** Closes a pulse for `userId` (who may); exactly one caller wins the claim. */
  async function claimClose(
    teamId: string,
    pulseId: string | undefined,
    userId: string,
    now: Date,
  ): Promise<Result<Pulse, 'not_found'>> {
    const closed = pulseId && (await store.claimClose(teamId, pulseId, now, userId));
    return closed ? ok(closed) : fail('not_found');
  }

  async function thresholdOf(teamId: string): Promise<number> {
    const workspace = await workspaces.get(teamId);
    return effectiveThreshold(workspace.settings.anonymityThreshold, MIN_ANONYMITY_THRESHOLD);
  }

  return {
    thresholdOf,

    /** Opens a pulse in a channel. One open pulse per channel: a second start gets the open one back. */
    async start(input: StartPulseInput): Promise<StartResult> {
      if (input.scheduleId == null) {
        const allowed = await mayRun(input.teamId, input.userId);
        if (!allowed.ok) return allowed;
      }
      // A DM is no place for a survey: nobody else could answer it.
      if (input.channelId.startsWith('D')) return { ok: false, reason: 'not_a_channel' };
      const { closesAt, remindAt } = pulseTimes(input.now, input.days);
      const draft = {
        teamId: input.teamId,
        channelId: input.channelId,
        anonymous: input.anonymous,
        createdBy: input.userId,
        scheduleId: input.scheduleId ?? null,
        openedAt: input.now,
        closesAt,
        remindAt,
      };
      const pulse = await store.insertOpen(draft);
      if (pulse) return { ok: true, pulse };
      const open = await store.findOpen(input.teamId, input.channelId);
      if (open) return { ok: false, reason: 'already_open', open };
      // The open one closed between the two queries: try once more.
      const retried = await store.insertOpen(draft);
      if (retried) return { ok: true, pulse: retried };
      const again = await store.findOpen(input.teamId, input.channelId);
      if (!again) throw new Error('pulse neither inserted nor found open');
      return { ok: false, reason: 'already_open', open: again };
    },

    /** The card is posted: remember where, so it can be updated. */
    attachCard: (teamId: string, pulseId: string, messageTs: string) =>
      store.setMessageTs(teamId, pulseId, messageTs),

    /** Posting the card failed: the pulse never existed for anyone. */
    abandon: (teamId: string, pulseId: string) => store.remove(teamId, pulseId),

    find: (teamId: string, pulseId: string) => store.find(teamId, pulseId),
    openIn: (teamId: string, channelId: string) => store.findOpen(teamId, channelId),
    countAnswers: (teamId: string, pulseId: string) => store.countAnswers(teamId, pulseId),

    /** The open pulse of a channel (none: undefined) with its answer count, for `/pulse status`. */
    async status(teamId: string, channelId: string, actorId: string) {
      const allowed = await mayRun(teamId, actorId);
      if (!allowed.ok) return allowed;
      const pulse = await store.findOpen(teamId, channelId);
      if (!pulse) return ok(undefined);
      const [count, threshold] = await Promise.all([
        store.countAnswers(teamId, pulse.id),
        thresholdOf(teamId),
      ]);
      return ok({ pulse, count, threshold });
    },

    /** What the Answer button should open for this person. */
    async answerForm(teamId: string, pulseId: string, userId: string, now: Date): Promise<AnswerForm> {
      const pulse = await store.find(teamId, pulseId);
      if (!pulse) return { kind: 'not_found' };
      if (!isAcceptingAnswers(pulse, now)) return { kind: 'closed', pulse };
      if (pulse.anonymous) {
        return (await store.hasParticipated(teamId, pulseId, userId))
          ? { kind: 'already_answered', pulse }
          : { kind: 'form', pulse, prefill: undefined };
      }
      return { kind: 'form', pulse, prefill: await store.findNamedAnswer(teamId, pulseId, userId) };
    },

    /**
     * Records an answer: once per person (a named answer may be changed), only while the pulse
     * is open. For an anonymous pulse nothing stored ties the answer to the person.
     */
    answer(teamId: string, pulseId: string, userId: string, answer: PulseAnswer, now: Date) {
      return store.recordAnswer({ teamId, pulseId, userId, answer, now });
    },

    /** `/pulse close`: claims the open pulse of the channel; `not_found` when none is open. */
    async closeOpenIn(teamId: string, channelId: string, userId: string, now: Date) {
      const allowed = await mayRun(teamId, userId);
      if (!allowed.ok) return allowed;
      return claimClose(teamId, (await store.findOpen(teamId, channelId))?.id, userId, now);
    },

    /** Closes one pulse now (the App Home's close button); `not_found` when it is closed or gone already. */
    async closeById(teamId: string, pulseId: string, userId: string, now: Date) {
      const allowed = await mayRun(teamId, userId);
      if (!allowed.ok) return allowed;
      return claimClose(teamId, pulseId, userId, now);
    },

    /** Pulses past their deadline, each claimed by exactly one caller. */
    claimDueClosings: (now: Date) => store.claimDueClosings(now),
    /** Pulses whose reminder is due, each claimed by exactly one caller. */
    claimDueReminders: (now: Date) => store.claimDueReminders(now),
    /** Closed pulses whose results post failed or was abandoned, claimed again for a retry. */
    claimUnpublishedResults: (now: Date) =>
      store.claimUnpublishedResults(
        now,
        new Date(now.getTime() - RESULTS_CLAIM_STALE_MS),
        RESULTS_MAX_ATTEMPTS,
      ),
    markResultsPosted: (teamId: string, pulseId: string, resultsTs: string) =>
      store.markResultsPosted(teamId, pulseId, resultsTs),

    /**
     * The results of a pulse. Below the threshold only the count is given: no score, no text,
     * nothing that would let a small group be told apart.
     */
    async results(teamId: string, pulseId: string): Promise<PulseResults> {
      const pulse = await store.find(teamId, pulseId);
      if (!pulse) throw new Error(`pulse ${pulseId} not found in ${teamId}`);
      const [answers, threshold] = await Promise.all([
        store.listAnswers(teamId, pulseId),
        thresholdOf(teamId),
      ]);
      const count = answers.length;
      if (count < threshold) return { shown: false, pulse, count, threshold };
      const scores = summariseScores(answers.map((a) => a.score));
      const previous = await store.previousClosed(teamId, pulse.channelId, pulse.openedAt, threshold);
      let change: PulseChange | undefined;
      if (previous) {
        const previousScores = summariseScores(
          (await store.listAnswers(teamId, previous.id)).map((a) => a.score),
        );
        change = {
          previous,
          previousAverage: previousScores.average,
          delta: Math.round((scores.average - previousScores.average) * 10) / 10,
        };
      }
      const trend = (
        await store.closedAverages(teamId, pulse.channelId, pulse.openedAt, threshold, PULSE_TREND_LENGTH)
      )
        .map(({ openedAt, average }) => ({ openedAt, average: roundOneDecimal(average) }))
        .reverse();
      const texts = Object.fromEntries(
        PULSE_QUESTIONS.map((question) => [
          question,
          shuffle(
            answers.flatMap((a) => {
              const text = a[question];
              return text ? [{ text, respondentId: pulse.anonymous ? null : a.respondentId }] : [];
            }),
            randomBelow,
          ),
        ]),
      ) as Record<PulseQuestion, PulseTextAnswer[]>;
      return { shown: true, pulse, count, threshold, scores, change, trend, texts };
    },

    /**
     * The answers of the last closed pulse of this channel, in random order; refused below the
     * threshold, which an export must not get around. Only this channel's: asked from a DM or
     * another channel, it must not hand over a (maybe private) channel's answers.
     */
    async exportLastClosed(teamId: string, channelId: string, actorId: string): Promise<ExportResult> {
      const allowed = await mayRun(teamId, actorId);
      if (!allowed.ok) return allowed;
      const pulse = await store.lastClosed(teamId, channelId);
      if (!pulse) return { ok: false, reason: 'none' };
      const [answers, threshold] = await Promise.all([
        store.listAnswers(teamId, pulse.id),
        thresholdOf(teamId),
      ]);
      if (answers.length < threshold) {
        return { ok: false, reason: 'below_threshold', pulse, count: answers.length, threshold };
      }
      const rows = shuffle(answers, randomBelow).map((a) =>
        pulse.anonymous ? { ...a, respondentId: null } : a,
      );
      return { ok: true, pulse, answers: rows };
    },
  };
}

export type PulseService = ReturnType<typeof createPulseService>;

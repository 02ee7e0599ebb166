import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { DEFAULT_PULSE_DAYS, MAX_PULSE_DAYS, type Pulse } from '../../domain/pulse/pulse.js';
import { buildPulseCsv } from '../../domain/pulse/pulse-csv.js';
import type { PulseResults, StartPulseInput } from '../../domain/pulse/pulse-service.js';
import type { NotAllowed } from '../../domain/roles/permissions.js';
import { formatDate, type Locale } from '../../i18n/index.js';
import { type ChartPicture, trustDistributionChart, trustTrendChart } from '../blocks/charts.js';
import { buildPulseCard, buildPulseReminder } from '../blocks/pulse-card.js';
import { answersText, type PulseSpeech, pulseSpeech, slackDateTime } from '../blocks/pulse-common.js';
import { buildPulseResults } from '../blocks/pulse-results.js';
import { postWithCharts, uploadCharts } from '../chart-images.js';
import { sendFilesInDm } from '../dm-files.js';
import { slackErrorCode } from '../people-directory.js';
import type { ScheduledPostKind } from './scheduled-post.js';

export type PulsePublisherDeps = Pick<Deps, 'slack' | 'pulses' | 'workspaces' | 'logger'>;

/**
 * The pictures of shown results: the spread of this pulse's trust scores and, once the channel
 * has had two pulses with results, the trend of their averages (each pulse named by its day).
 */
export function pulseResultCharts(
  s: PulseSpeech,
  results: Extract<PulseResults, { shown: true }>,
): ChartPicture[] {
  const charts = [
    trustDistributionChart(s.m, s.locale, {
      answers: answersText(s, results.count),
      average: results.scores.average,
      distribution: results.scores.distribution,
    }),
  ];
  if (results.trend.length >= 2) {
    const day = { day: 'numeric', month: 'short', timeZone: s.timezone } as const;
    const points = results.trend.map((p) => ({
      label: formatDate(s.locale, p.openedAt, day),
      average: p.average,
    }));
    charts.push(trustTrendChart(s.m, s.locale, points));
  }
  return charts;
}

/** Slack's answers meaning "the bot cannot post in that channel". */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

export type PublishStart =
  | NotAllowed
  | { ok: true; pulse: Pulse }
  | { ok: false; reason: 'already_open'; open: Pulse }
  | { ok: false; reason: 'not_a_channel' }
  | { ok: false; reason: 'cannot_post'; cause: unknown };

export type PulseExportOutcome =
  | NotAllowed
  | { ok: true }
  | { ok: false; reason: 'none' }
  | { ok: false; reason: 'below_threshold'; count: number; threshold: number };

/**
 * Everything the pulse posts in Slack, shared by `/pulse`, the Answer modal, the deadline job
 * and recurring schedules: the card, its live count, the reminder, the results and the export.
 * Channel posts speak the workspace's language.
 */
export function createPulsePublisher(deps: PulsePublisherDeps) {
  async function channelSpeech(teamId: string): Promise<PulseSpeech> {
    const workspace = await deps.workspaces.get(teamId);
    return pulseSpeech(workspace.locale, workspace.timezone);
  }

  async function cardMessage(pulse: Pulse) {
    const [s, count, threshold] = await Promise.all([
      channelSpeech(pulse.teamId),
      deps.pulses.countAnswers(pulse.teamId, pulse.id),
      deps.pulses.thresholdOf(pulse.teamId),
    ]);
    return buildPulseCard(s, { pulse, count, threshold });
  }

  /** Re-renders the card from the database (count, open or closed). Failures are only logged. */
  async function refreshCard(teamId: string, pulseId: string) {
    try {
      const pulse = await deps.pulses.find(teamId, pulseId);
      if (!pulse?.messageTs) return;
      await deps.slack.chat.update({
        channel: pulse.channelId,
        ts: pulse.messageTs,
        ...(await cardMessage(pulse)),
      });
    } catch (err) {
      deps.logger.warn({ err, teamId, pulseId }, 'could not update the pulse card');
    }
  }

  return {
    refreshCard,

    /** Opens a pulse and posts its card; when the card cannot be posted, the pulse is dropped. */
    async start(input: StartPulseInput): Promise<PublishStart> {
      const started = await deps.pulses.start(input);
      if (!started.ok) return started;
      const { pulse } = started;
      try {
        const posted = await deps.slack.chat.postMessage({
          channel: pulse.channelId,
          ...(await cardMessage(pulse)),
          unfurl_links: false,
        });
        if (!posted.ts) throw new Error('chat.postMessage answered without a ts');
        await deps.pulses.attachCard(pulse.teamId, pulse.id, posted.ts);
        return { ok: true, pulse: { ...pulse, messageTs: posted.ts } };
      } catch (err) {
        await deps.pulses.abandon(pulse.teamId, pulse.id);
        if (CANNOT_POST.has(slackErrorCode(err) ?? ''))
          return { ok: false, reason: 'cannot_post', cause: err };
        throw err;
      }
    },

    /**
     * Posts the results of a pulse this caller has claimed (closed), threaded under its card,
     * then turns the card into its closed form. Throws when the results cannot be posted: the
     * claim then goes stale and the deadline job tries again.
     */
    async publishResults(pulse: Pulse) {
      const s = await channelSpeech(pulse.teamId);
      const results = await deps.pulses.results(pulse.teamId, pulse.id);
      const context = { teamId: pulse.teamId, pulseId: pulse.id };
      // Charts only where the figures are shown: below the threshold nothing is drawn or uploaded.
      const images = results.shown
        ? (await uploadCharts(deps, pulseResultCharts(s, results), context)).filter((c) => c !== undefined)
        : [];
      const posted = await postWithCharts(
        deps,
        images,
        (charts) =>
          deps.slack.chat.postMessage({
            channel: pulse.channelId,
            ...buildPulseResults(s, results, charts),
            ...(pulse.messageTs ? { thread_ts: pulse.messageTs } : {}),
            unfurl_links: false,
          }),
        context,
      );
      if (posted.ts) await deps.pulses.markResultsPosted(pulse.teamId, pulse.id, posted.ts);
      await refreshCard(pulse.teamId, pulse.id);
      return posted.ts;
    },

    /** The reminder a day before closing, to the channel as a whole. */
    async remind(pulse: Pulse) {
      const [s, count] = await Promise.all([
        channelSpeech(pulse.teamId),
        deps.pulses.countAnswers(pulse.teamId, pulse.id),
      ]);
      await deps.slack.chat.postMessage({
        channel: pulse.channelId,
        ...buildPulseReminder(s, { pulse, count }),
        unfurl_links: false,
      });
    },

    /**
     * Sends the answers of the last closed pulse as a CSV file in a DM to the asker.
     */
    async sendExport(input: {
      teamId: string;
      channelId: string;
      userId: string;
      locale: Locale;
    }): Promise<PulseExportOutcome> {
      const exported = await deps.pulses.exportLastClosed(input.teamId, input.channelId, input.userId);
      if (!exported.ok) return exported;
      const { pulse, answers } = exported;
      const workspace = await deps.workspaces.get(input.teamId);
      const s = pulseSpeech(input.locale, workspace.timezone);
      const csv = buildPulseCsv(
        answers,
        {
          respondent: s.m.pulseCsvRespondentPlain,
          score: s.m.pulseCsvScorePlain,
          vision: s.m.pulseCsvVisionPlain,
          motivation: s.m.pulseCsvMotivationPlain,
          human: s.m.pulseCsvHumanPlain,
        },
        pulse.anonymous,
      );
      const day = pulse.openedAt.toISOString().slice(0, 10);
      await sendFilesInDm(
        deps.slack,
        input.userId,
        [{ filename: `pulse-${pulse.channelId}-${day}.csv`, content: csv }],
        s.m.pulseExportComment({
          channel: pulse.channelId,
          when: slackDateTime(s, pulse.closedAt ?? pulse.closesAt),
          answers: answersText(s, answers.length),
        }),
      );
      return { ok: true };
    },
  };
}

export type PulsePublisher = ReturnType<typeof createPulsePublisher>;

/**
 * Keeps a pulse card's live count right when answers arrive together: one `chat.update` per
 * card at a time, and one more after it when answers came in meanwhile, reading the count
 * afresh. Without it, two updates racing could leave the card showing the older count.
 * Created once per listener registration (the state is per process; across replicas the
 * next answer corrects the count).
 */
export function createCardRefresher(deps: PulsePublisherDeps) {
  const publisher = createPulsePublisher(deps);
  const running = new Map<string, { again: boolean; done: Promise<void> }>();
  return (teamId: string, pulseId: string): Promise<void> => {
    const key = `${teamId}:${pulseId}`;
    const current = running.get(key);
    if (current) {
      current.again = true;
      return current.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    running.set(key, entry);
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          await publisher.refreshCard(teamId, pulseId);
        } while (entry.again);
      } finally {
        running.delete(key);
      }
    })();
    return entry.done;
  };
}

/** What a recurring pulse schedule may store: anonymous by default, three days by default. */
const scheduledPulseOptions = z
  .object({
    anonymous: z.boolean().default(true),
    named: z.boolean().optional(),
    days: z.number().int().min(1).max(MAX_PULSE_DAYS).default(DEFAULT_PULSE_DAYS),
  })
  .transform(({ anonymous, named, days }) => ({ anonymous: named === undefined ? anonymous : !named, days }));

/**
 * The `pulse` kind of `/culture schedule`: starts a pulse in the schedule's channel, as if its
 * creator had typed `/pulse start`. When a pulse is still open there, nothing new is posted and
 * the open card's ts is returned: a retry of the same fire time (the card was posted but the
 * outcome not recorded) lands here too, so the post is idempotent.
 */
export const pulsePost: ScheduledPostKind<z.infer<typeof scheduledPulseOptions>> = {
  options: scheduledPulseOptions,
  async post(deps, run, options) {
    const started = await createPulsePublisher(deps).start({
      teamId: run.teamId,
      channelId: run.channelId,
      userId: run.createdBy,
      anonymous: options.anonymous,
      days: options.days,
      now: deps.clock(),
      scheduleId: run.scheduleId,
    });
    if (started.ok && started.pulse.messageTs) return { messageTs: started.pulse.messageTs };
    if (!started.ok && started.reason === 'already_open' && started.open.messageTs) {
      deps.logger.info(
        { scheduleId: run.scheduleId, pulseId: started.open.id },
        'a pulse is still open in the channel; the recurring one waits for the next time',
      );
      return { messageTs: started.open.messageTs };
    }
    if (!started.ok && started.reason === 'cannot_post') throw started.cause;
    throw new Error(`recurring pulse could not start: ${started.ok ? 'no message ts' : started.reason}`);
  },
};

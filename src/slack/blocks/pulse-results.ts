import type { types } from '@slack/bolt';
import { MAX_SCORE, PULSE_QUESTIONS, type PulseQuestion } from '../../domain/pulse/pulse.js';
import type { PulseResults, PulseTextAnswer } from '../../domain/pulse/pulse-service.js';
import { formatNumber } from '../../i18n/index.js';
import { escapeUserText, mentionUser, quote, truncate } from '../mrkdwn.js';
import { type Block, context, header, SECTION_TEXT_MAX, section } from './common.js';
import { answersText, type PulseSpeech, pulseQuestions, slackDay } from './pulse-common.js';

/** One answer is cut to this in the channel post; the export has them whole. */
export const RESULT_ANSWER_MAX = 600;
/** Sections per question: 3 × 3000 characters is plenty to read, and keeps the post far below 50 blocks. */
export const RESULT_SECTIONS_PER_QUESTION = 3;
const BAR_WIDTH = 20;

function signed(s: PulseSpeech, delta: number): string {
  const size = formatNumber(s.locale, Math.abs(delta), 1);
  if (delta > 0) return `+${size}`;
  if (delta < 0) return `\u2212${size}`;
  return `±${size}`;
}

/** A text bar chart of the scores 10 → 1, in a code block so it lines up. */
export function distributionChart(s: PulseSpeech, distribution: readonly number[]): string {
  const most = Math.max(1, ...distribution);
  const lines: string[] = [];
  for (let score = MAX_SCORE; score >= 1; score -= 1) {
    const n = distribution[score - 1] ?? 0;
    const bar = n > 0 ? '█'.repeat(Math.max(1, Math.round((n / most) * BAR_WIDTH))) : '';
    lines.push(`${String(score).padStart(2)} │${bar} ${formatNumber(s.locale, n)}`);
  }
  return `\`\`\`${lines.join('\n')}\`\`\``;
}

function formatAnswer(answer: PulseTextAnswer): string {
  // Cut first, escape second: escaping lengthens the text, and cutting after could split an entity.
  const text = quote(escapeUserText(truncate(answer.text, RESULT_ANSWER_MAX)));
  return answer.respondentId ? `${mentionUser(answer.respondentId)}\n${text}` : text;
}

/**
 * Packs answers into at most `maxSections` texts of at most `maxChars` each; what does not fit
 * is counted, not silently dropped.
 */
export function packAnswers(
  lines: readonly string[],
  maxSections: number,
  maxChars = SECTION_TEXT_MAX,
): { sections: string[]; omitted: number } {
  const sections: string[] = [];
  let current = '';
  let used = 0;
  for (const line of lines) {
    const next = current ? `${current}\n\n${line}` : line;
    if (next.length <= maxChars) {
      current = next;
      used += 1;
      continue;
    }
    if (current) sections.push(current);
    if (sections.length >= maxSections) {
      current = '';
      break;
    }
    current = line.length <= maxChars ? line : truncate(line, maxChars);
    used += 1;
  }
  // After the loop a pending text always has room: a full list breaks out with nothing pending.
  if (current) sections.push(current);
  return { sections, omitted: lines.length - used };
}

function questionBlocks(
  s: PulseSpeech,
  question: PulseQuestion,
  answers: PulseTextAnswer[],
  index: number,
): Block[] {
  const title = `*${index}. ${pulseQuestions(s.m)[question]}*`;
  if (answers.length === 0) return [section(`${title}\n${s.m.pulseResultsNoText}`)];
  const { sections, omitted } = packAnswers(answers.map(formatAnswer), RESULT_SECTIONS_PER_QUESTION);
  const blocks: Block[] = [section(title), ...sections.map((text) => section(text))];
  if (omitted > 0) blocks.push(context(s.m.pulseResultsMore({ n: formatNumber(s.locale, omitted) })));
  return blocks;
}

/**
 * The results post, threaded under the card. Below the threshold it gives the count and why
 * nothing else is shown. Above it: count, average (one decimal, the language's way), the
 * distribution, the change since the previous pulse of the channel, then each question's answers
 * in their own random order (names only for a named pulse). With its charts (two at most) in place
 * of the text spread: at most 5 + 3 × 6 = 23 blocks, far below Slack's 50.
 */
export function buildPulseResults(
  s: PulseSpeech,
  results: PulseResults,
  charts: readonly types.ImageBlock[] = [],
): { text: string; blocks: Block[] } {
  const answers = answersText(s, results.count);
  if (!results.shown) {
    return {
      text: s.m.pulseResultsHiddenText({ answers }),
      blocks: [
        header(s.m.pulseResultsTitlePlain),
        section(s.m.pulseResultsHidden({ answers, threshold: results.threshold })),
      ],
    };
  }
  const average = formatNumber(s.locale, results.scores.average, 1);
  const change = results.change
    ? s.m.pulseResultsChange({
        delta: signed(s, results.change.delta),
        previous: formatNumber(s.locale, results.change.previousAverage, 1),
        when: slackDay(s, results.change.previous.openedAt),
      })
    : s.m.pulseResultsFirst;
  const blocks: Block[] = [
    header(s.m.pulseResultsTitlePlain),
    section(`${s.m.pulseResultsSummary({ answers, average })}\n${change}`),
    // The pictures state every figure in their alt text; without them the spread is drawn in text.
    ...(charts.length > 0
      ? charts
      : [section(`${s.m.pulseResultsDistribution}\n${distributionChart(s, results.scores.distribution)}`)]),
    context(s.m.pulseResultsSpirit),
  ];
  PULSE_QUESTIONS.forEach((question, i) => {
    blocks.push({ type: 'divider' }, ...questionBlocks(s, question, results.texts[question], i + 2));
  });
  return { text: s.m.pulseResultsText({ answers, average }), blocks };
}

import { formatDate, formatNumber, type Locale, type Messages, messages } from '../../i18n/index.js';

/** What every pulse builder needs to speak: the language and the time zone for fallbacks. */
export interface PulseSpeech {
  locale: Locale;
  m: Messages;
  /** IANA zone of the workspace, for the text shown where Slack cannot render a date token. */
  timezone: string;
}

export function pulseSpeech(locale: Locale, timezone: string): PulseSpeech {
  return { locale, m: messages(locale), timezone };
}

/**
 * A date and time as a Slack date token: each reader sees it in their own time zone. The
 * fallback (notifications, old clients) is written in the workspace's zone.
 */
export function slackDateTime(s: PulseSpeech, date: Date): string {
  const zone = { timeZone: s.timezone };
  const day = formatDate(s.locale, date, { dateStyle: 'medium', ...zone });
  const time = formatDate(s.locale, date, { timeStyle: 'short', ...zone });
  return `<!date^${Math.floor(date.getTime() / 1000)}^${s.m.pulseDatePattern}|${s.m.pulseDateFallback({ date: day, time })}>`;
}

/** A day alone, as a Slack date token. */
export function slackDay(s: PulseSpeech, date: Date): string {
  const day = formatDate(s.locale, date, { dateStyle: 'medium', timeZone: s.timezone });
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short}|${day}>`;
}

/** "1 answer", "12 answers", "1 réponse"… with the number written the language's way. */
export function answersText(s: PulseSpeech, count: number): string {
  return s.m.pulseAnswers({ count, n: formatNumber(s.locale, count) });
}

/** The four questions of a pulse, in order, as the person's language asks them. */
export function pulseQuestions(m: Messages) {
  return {
    score: m.pulseScoreQuestionPlain,
    vision: m.pulseVisionQuestionPlain,
    motivation: m.pulseMotivationQuestionPlain,
    human: m.pulseHumanQuestionPlain,
  };
}

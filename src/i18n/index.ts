import { isLocale, LOCALES, type Locale } from '../domain/locale.js';
import { en, type Messages } from './en.js';
import { fr } from './fr.js';

// The languages are a domain word; they are re-exported so Slack code gets a language and its
// words from one import.
export { isLocale, LOCALES, type Locale };

const catalogs: Record<Locale, Messages> = { en, fr };

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}

/** Slack reports locales such as `fr-FR` or `en-GB`; we speak the two languages we have. */
export function localeFromSlack(slackLocale: string | undefined): Locale | undefined {
  const language = slackLocale?.slice(0, 2).toLowerCase();
  return isLocale(language) ? language : undefined;
}

/** The regional variant each language is written in: day before month, a 24-hour clock. */
const INTL_LOCALES: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

/** Formatters kept; a deployment uses a few languages, zones and styles. */
const FORMATTERS_KEPT = 256;
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();

/**
 * An Intl formatter costs a fraction of a millisecond to build and nothing to reuse, and one
 * digest formats dozens of numbers and dates: each (language, kind, options) is built once.
 */
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(
  key: string,
  build: () => T,
): T {
  let kept = formatters.get(key);
  if (!kept) {
    if (formatters.size >= FORMATTERS_KEPT) formatters.clear();
    kept = build();
    formatters.set(key, kept);
  }
  return kept as T;
}

/** Numbers written the way the language writes them (`7.5` / `7,5`). */
export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
  return formatter(
    `number ${locale} ${fractionDigits}`,
    () =>
      new Intl.NumberFormat(INTL_LOCALES[locale], {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }),
  ).format(value);
}

/** A date or a time in the language, with Intl's options (the zone among them). */
export function formatDate(locale: Locale, date: Date, options: Intl.DateTimeFormatOptions): string {
  return formatter(
    `date ${locale} ${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(INTL_LOCALES[locale], options),
  ).format(date);
}

/** `a, b and c` / `a, b et c`. */
export function formatList(locale: Locale, items: string[]): string {
  return formatter(
    `list ${locale}`,
    () => new Intl.ListFormat(INTL_LOCALES[locale], { type: 'conjunction' }),
  ).format(items);
}

export type { Messages };

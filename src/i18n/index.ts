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

/** Numbers written the way the language writes them (`7.5` / `7,5`). */
export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

export type { Messages };

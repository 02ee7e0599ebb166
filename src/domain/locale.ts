/**
 * The languages the bot speaks. A domain word (a workspace, a person and a pulse each have
 * one), so it lives here; `src/i18n` holds the words in each of them.
 */
export type Locale = 'en' | 'fr';
export const LOCALES: readonly Locale[] = ['en', 'fr'];

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'fr';
}

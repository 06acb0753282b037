// The locales the app ships are declared once, in preload/locales.ts (the contract's enums and the settings file
// use the same list); this file adds what a screen does with them.
import { isLocale, LOCALES, type Locale } from '../../preload/locales.js';

export { isLocale, LOCALES, type Locale };

/** Each language named in itself, so a customer who cannot read the current one can still find theirs. */
export const LOCALE_NAMES: Record<Locale, string> = {
  'en-CA': 'English',
  'fr-CA': 'Français',
  'zh-CN': '中文',
};

/** Where a screen keeps its own language choice: per window and session, never shared with other screens. */
const SCREEN_LOCALE_KEY = `pos.locale:${typeof location === 'undefined' ? '' : location.pathname}`;

export function readScreenLocale(): Locale | null {
  try {
    const value = sessionStorage.getItem(SCREEN_LOCALE_KEY);
    return value !== null && isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeScreenLocale(locale: Locale | null): void {
  try {
    if (locale === null) sessionStorage.removeItem(SCREEN_LOCALE_KEY);
    else sessionStorage.setItem(SCREEN_LOCALE_KEY, locale);
  } catch {
    // No storage (a locked-down profile): the choice still holds for as long as the page is open.
  }
}

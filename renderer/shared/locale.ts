// The locales the app ships; the contract names them in app:info, app:setLocale and the app:locale event.
import type { EventMap } from '../../preload/contract.js';

export type Locale = EventMap['app:locale']['locale'];

export const LOCALES: readonly Locale[] = ['en-CA', 'fr-CA', 'zh-CN'];

/** Each language named in itself, so a customer who cannot read the current one can still find theirs. */
export const LOCALE_NAMES: Record<Locale, string> = {
  'en-CA': 'English',
  'fr-CA': 'Français',
  'zh-CN': '中文',
};

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

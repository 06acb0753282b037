// The languages the app ships, declared once: the contract's zod enums (app:info, app:setLocale, settings:update,
// the app:locale event), the settings file and the screens' language switch all use this list. Pure data.

export const LOCALES = ['en-CA', 'fr-CA', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

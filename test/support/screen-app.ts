// A screen's app state (renderer/shared/app-context.ts) for rendering components without a browser: the real
// dictionaries and money formatting in the given language, a training till in CAD.
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AppContext, type AppState } from '../../renderer/shared/app-context.js';
import { DICTIONARIES } from '../../renderer/shared/i18n/dictionaries.js';
import { describeError } from '../../renderer/shared/i18n/error-messages.js';
import { translate } from '../../renderer/shared/i18n/translate.js';
import type { Locale } from '../../renderer/shared/locale.js';
import { formatMoney } from '../../renderer/shared/money.js';

export function screenApp(locale: Locale = 'en-CA'): AppState {
  return {
    info: { training: true, terminalId: 'T1', storeName: 'Shop', currency: 'CAD', locale, timeZone: 'America/Toronto', online: true, cardFormScriptUrl: '', wedge: { maxInterKeyGapMs: 30, minLength: 6, terminators: ['Enter'] } },
    locale, storeLocale: locale, online: true,
    t: (key, vars) => translate(DICTIONARIES[locale], key, vars),
    money: (cents, currency) => formatMoney(cents, currency ?? 'CAD', locale),
    setLocale: () => undefined, resetLocale: () => undefined,
    describeError: (e) => describeError(e, locale, 'CAD'),
  };
}

/** Static HTML of `node` as the screen renders it in `locale`. */
export function renderOnScreen(node: ReactNode, locale: Locale = 'en-CA'): string {
  return renderToStaticMarkup(createElement(AppContext.Provider, { value: screenApp(locale) }, node));
}

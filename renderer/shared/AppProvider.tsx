// Loads app:info once, follows app:locale (the store default) and app:connectivity, and hands the result to
// every screen. The language shown is this screen's own choice (sessionStorage), else the store default.
// Until app:info answers there is nothing trustworthy to show (not even the TRAINING marker), so it waits.
import type { IpcError } from '../../preload/contract.js';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { AppContext, type AppInfo, type AppState } from './app-context.js';
import { DICTIONARIES } from './i18n/dictionaries.js';
import { translate, type MessageKey, type MessageVars } from './i18n/translate.js';
import { describeError } from './i18n/error-messages.js';
import { invokeRaw } from './invoke.js';
import { readScreenLocale, writeScreenLocale, type Locale } from './locale.js';
import { formatMoney } from './money.js';
import { usePosEvent } from './use-pos-event.js';

export function AppProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  const [storeLocale, setStoreLocale] = useState<Locale>('en-CA');
  const [screenLocale, setScreenLocale] = useState<Locale | null>(readScreenLocale);
  const locale = screenLocale ?? storeLocale;
  const [online, setOnline] = useState(true);
  const [clock, setClock] = useState<AppInfo['clock']>(undefined);

  const load = useCallback(async () => {
    const result = await invokeRaw('app:info', {});
    if (!result.ok) {
      setLoadError(result.error);
      return;
    }
    setLoadError(null);
    setInfo(result.value);
    setStoreLocale(result.value.locale);
    setOnline(result.value.online);
    setClock(result.value.clock);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  usePosEvent('app:locale', (e) => setStoreLocale(e.locale));
  usePosEvent('app:connectivity', (e) => setOnline(e.online));
  usePosEvent('app:clock', (e) => setClock(e));

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // This screen only: a customer choosing 中文 at the kiosk changes neither the till nor the store's setting.
  const setLocale = useCallback((next: Locale) => {
    writeScreenLocale(next);
    setScreenLocale(next);
  }, []);
  const resetLocale = useCallback(() => {
    writeScreenLocale(null);
    setScreenLocale(null);
  }, []);

  const state = useMemo<AppState | null>(() => {
    if (!info) return null;
    const messages = DICTIONARIES[locale];
    return {
      info,
      locale,
      storeLocale,
      online,
      clock,
      t: (key: MessageKey, vars?: MessageVars) => translate(messages, key, vars),
      money: (cents: number, currency?: string) => formatMoney(cents, currency ?? info.currency, locale),
      setLocale,
      resetLocale,
      describeError: (error) => describeError(error, locale, info.currency),
    };
  }, [info, locale, storeLocale, online, clock, setLocale, resetLocale]);

  if (!state) {
    const messages = DICTIONARIES[locale];
    return (
      <main className="boot">
        {loadError ? (
          <>
            <p className="boot-error" role="alert" data-testid="error-toast">{describeError(loadError, locale, 'CAD')}</p>
            <button type="button" className="btn btn-primary" onClick={() => void load()}>
              {translate(messages, 'common.retry')}
            </button>
          </>
        ) : (
          <p>{translate(messages, 'common.loading')}</p>
        )}
      </main>
    );
  }
  return <AppContext.Provider value={state}>{children}</AppContext.Provider>;
}

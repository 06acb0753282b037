// Loads app:info once, follows app:locale and app:connectivity, and hands the result to every screen.
// Until app:info answers there is nothing trustworthy to show (not even the TRAINING marker), so it waits.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { AppContext, type AppInfo, type AppState } from './app-context.js';
import { DICTIONARIES } from './i18n/dictionaries.js';
import { translate, type MessageKey, type MessageVars } from './i18n/translate.js';
import { invokeRaw, call } from './invoke.js';
import type { Locale } from './locale.js';
import { formatMoney } from './money.js';
import { usePosEvent } from './use-pos-event.js';

export function AppProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [locale, setLocaleState] = useState<Locale>('en-CA');
  const [online, setOnline] = useState(true);

  const load = useCallback(async () => {
    const result = await invokeRaw('app:info', {});
    if (!result.ok) {
      setLoadError(result.error.message);
      return;
    }
    setLoadError(null);
    setInfo(result.value);
    setLocaleState(result.value.locale);
    setOnline(result.value.online);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  usePosEvent('app:locale', (e) => setLocaleState(e.locale));
  usePosEvent('app:connectivity', (e) => setOnline(e.online));

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    // Switch at once; main broadcasts app:locale so the other windows follow.
    setLocaleState(next);
    void call('app:setLocale', { locale: next });
  }, []);

  const state = useMemo<AppState | null>(() => {
    if (!info) return null;
    const messages = DICTIONARIES[locale];
    return {
      info,
      locale,
      online,
      t: (key: MessageKey, vars?: MessageVars) => translate(messages, key, vars),
      money: (cents: number, currency?: string) => formatMoney(cents, currency ?? info.currency, locale),
      setLocale,
    };
  }, [info, locale, online, setLocale]);

  if (!state) {
    const messages = DICTIONARIES[locale];
    return (
      <main className="boot">
        {loadError ? (
          <>
            <p className="boot-error" role="alert" data-testid="error-toast">{loadError}</p>
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

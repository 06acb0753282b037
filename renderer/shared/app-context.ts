// What every screen knows about the app: app:info, the current locale and connectivity, and the helpers that
// depend on them (translate, format money). Provided once by <AppProvider>.
import { createContext, useContext } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import type { MessageKey, MessageVars } from './i18n/translate.js';
import type { Locale } from './locale.js';

export type AppInfo = ChannelResponse<'app:info'>;

export interface AppState {
  info: AppInfo;
  locale: Locale;
  online: boolean;
  t: (key: MessageKey, vars?: MessageVars) => string;
  /** Formats integer cents; the store currency unless told otherwise. */
  money: (cents: number, currency?: string) => string;
  setLocale: (locale: Locale) => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp() outside <AppProvider>');
  return state;
}

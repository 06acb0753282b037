// What every screen knows about the app: app:info, the current locale and connectivity, and the helpers that
// depend on them (translate, format money). Provided once by <AppProvider>.
import { createContext, useContext } from 'react';
import type { ChannelResponse, IpcError } from '../../preload/contract.js';
import type { MessageKey, MessageVars } from './i18n/translate.js';
import type { Locale } from './locale.js';

export type AppInfo = ChannelResponse<'app:info'>;

export interface AppState {
  info: AppInfo;
  /** This screen's language: its own choice, or the store default until someone picks one here. */
  locale: Locale;
  /** The store's default language (app:info, followed through app:locale); only the manager changes it. */
  storeLocale: Locale;
  online: boolean;
  /** The clock warning (cashier and manager screens only; main/app/clock-watch.ts). */
  clock?: ChannelResponse<'app:info'>['clock'];
  t: (key: MessageKey, vars?: MessageVars) => string;
  /** Formats integer cents; the store currency unless told otherwise. */
  money: (cents: number, currency?: string) => string;
  /** Switches this screen only (kept for this window's session); no other screen and no setting changes. */
  setLocale: (locale: Locale) => void;
  /** Forgets this screen's choice and returns to the store default (the kiosk, between customers). */
  resetLocale: () => void;
  /** A refusal from main in this screen's language; main's message for codes without words of their own. */
  describeError: (error: IpcError) => string;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp() outside <AppProvider>');
  return state;
}

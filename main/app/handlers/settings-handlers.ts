// App info, locale, settings (the merchant key is write-only), journal verification and scanner status.
import type { Handlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';
import { loadSettings, saveSettings } from '../../config/load-settings.js';
import type { Settings } from '../../config/settings.js';
import { verifyChain } from '../../journal/events.js';
import { hashPin } from '../manager-sessions.js';

type SettingsHandlers = Pick<Handlers, 'app:info' | 'app:setLocale' | 'settings:get' | 'settings:update' | 'settings:setMerchantKey' | 'journal:verify' | 'scanners:status'>;

export class SecretStoreUnavailableError extends Error {
  readonly code = 'SECRET_STORE_UNAVAILABLE';
  constructor() {
    super('This computer offers no secure key store, so the merchant key was not saved. It is never stored in plain text.');
  }
}

export function settingsHandlers(ctx: AppContext): SettingsHandlers {
  const guard = (r: { session: string }) => ctx.sessions.require(r.session);
  const current = (): Settings => loadSettings(ctx.dataDir);
  const view = (s: Settings) => ({
    terminalId: s.terminalId, storeName: s.storeName, storeTimeZone: s.storeTimeZone, locale: s.locale, currency: s.currency,
    mode: s.gateway.mode, mchId: s.gateway.mode === 'live' ? s.gateway.mchId : null, loginName: s.gateway.mode === 'live' ? s.gateway.loginName : null,
    merchantKeyStored: ctx.secretStore?.read() !== undefined, secretStoreAvailable: ctx.secretStore?.isAvailable() ?? false,
    timers: { ...s.timers }, scanners: s.scanners.map((x) => ({ ...x })),
  });
  return {
    'app:info': () => {
      const s = ctx.services.settings;
      return {
        training: ctx.services.training, terminalId: s.terminalId, storeName: s.storeName, currency: s.currency, locale: current().locale,
        timeZone: s.storeTimeZone, online: ctx.services.engine.isOnline(), cardFormScriptUrl: ctx.cardFormScriptUrl,
      };
    },
    'app:setLocale': (r) => {
      saveSettings(ctx.dataDir, { ...current(), locale: r.locale });
      ctx.emit('app:locale', { locale: r.locale });
      return { ok: true as const };
    },
    'settings:get': (r) => (guard(r), view(current())),
    'settings:update': (r) => {
      guard(r);
      const s = current();
      const gateway = r.mchId || r.loginName
        ? { mode: 'live' as const, ...(s.gateway.mode === 'live' ? s.gateway : {}), ...(r.mchId ? { mchId: r.mchId } : {}), ...(r.loginName ? { loginName: r.loginName } : {}) }
        : s.gateway;
      // Terminal id, zone and gateway take effect at the next start: the journal and client were built with them.
      const next = {
        ...s, gateway,
        ...(r.terminalId ? { terminalId: r.terminalId } : {}), ...(r.storeTimeZone ? { storeTimeZone: r.storeTimeZone } : {}),
        ...(r.locale ? { locale: r.locale } : {}), ...(r.newPin ? { managerPinHash: hashPin(r.newPin) } : {}),
      };
      return view(saveSettings(ctx.dataDir, next));
    },
    'settings:setMerchantKey': (r) => {
      guard(r);
      if (!ctx.secretStore?.isAvailable()) throw new SecretStoreUnavailableError();
      ctx.secretStore.write(r.merchantKey);
      return view(current());
    },
    'journal:verify': (r) => {
      guard(r);
      const v = verifyChain(ctx.services.journal);
      return v.ok ? { ok: true, events: v.events, firstBrokenSeq: null, reason: null } : { ok: false, events: 0, firstBrokenSeq: v.firstBrokenSeq, reason: v.reason };
    },
    'scanners:status': (r) => {
      guard(r);
      const { scans } = ctx.scanners.counter.recent();
      return {
        devices: ctx.scanners.counter.devices().map((d) => ({ deviceId: d.deviceId, state: d.state, message: d.error?.message ?? null })),
        recent: scans.map((s) => ({ ...s })),
      };
    },
  };
}

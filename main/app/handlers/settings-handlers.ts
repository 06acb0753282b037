// App info, locale, settings (the merchant key is write-only), journal verification and scanner status.
import type { Handlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';
import type { Settings } from '../../config/settings.js';
import { verifyChain } from '../../journal/events.js';
import { hashPin } from '../manager-sessions.js';
import { discoverScanners } from '../../scanners/discovery.js';
import { scanReport } from '../scan-report.js';

/** Saved settings the running app cannot pick up: the journal, gateway client and engine were built with them. */
export function pendingRestart(running: Settings, saved: Settings): ('terminalId' | 'storeTimeZone' | 'gateway' | 'timers')[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const fields = [
    ['terminalId', running.terminalId === saved.terminalId],
    ['storeTimeZone', running.storeTimeZone === saved.storeTimeZone],
    ['gateway', same(running.gateway, saved.gateway)],
    ['timers', same(running.timers, saved.timers)],
  ] as const;
  return fields.filter(([, unchanged]) => !unchanged).map(([name]) => name);
}

type SettingsHandlers = Pick<Handlers, 'app:info' | 'app:setLocale' | 'settings:get' | 'settings:update' | 'settings:setMerchantKey' | 'journal:verify' | 'scanners:status' | 'scanners:discover'>;

export class SecretStoreUnavailableError extends Error {
  readonly code = 'SECRET_STORE_UNAVAILABLE';
  constructor() {
    super('This computer offers no secure key store, so the merchant key was not saved. It is never stored in plain text.');
  }
}

export function settingsHandlers(ctx: AppContext): SettingsHandlers {
  const current = (): Settings => ctx.savedSettings.get();
  const view = (s: Settings) => ({
    terminalId: s.terminalId, storeName: s.storeName, storeTimeZone: s.storeTimeZone, locale: s.locale, currency: s.currency,
    mode: s.gateway.mode, mchId: s.gateway.mode === 'live' ? s.gateway.mchId : null, loginName: s.gateway.mode === 'live' ? s.gateway.loginName : null,
    merchantKeyStored: ctx.secretStore?.read() !== undefined, secretStoreAvailable: ctx.secretStore?.isAvailable() ?? false,
    timers: { ...s.timers }, scanners: s.scanners.map((x) => ({ ...x })), wedge: { ...s.scanRules.wedge },
    pendingRestart: pendingRestart(ctx.services.settings, s),
  });
  return {
    'app:info': () => {
      const s = ctx.services.settings;
      const saved = current();
      return {
        training: ctx.services.training, terminalId: s.terminalId, storeName: saved.storeName, currency: s.currency, locale: saved.locale, wedge: { ...saved.scanRules.wedge },
        timeZone: s.storeTimeZone, online: ctx.services.engine.isOnline(), cardFormScriptUrl: ctx.cardFormScriptUrl,
      };
    },
    // The store default (manager only); each screen's own language switch stays in that screen.
    'app:setLocale': (r) => {
      ctx.savedSettings.save({ ...current(), locale: r.locale });
      ctx.emit('app:locale', { locale: r.locale });
      return { ok: true as const };
    },
    'settings:get': () => view(current()),
    'settings:update': async (r) => {
      const s = current();
      const gateway = r.mchId || r.loginName
        ? { mode: 'live' as const, ...(s.gateway.mode === 'live' ? s.gateway : {}), ...(r.mchId ? { mchId: r.mchId } : {}), ...(r.loginName ? { loginName: r.loginName } : {}) }
        : s.gateway;
      // Terminal id, zone and gateway take effect at the next start: the journal and client were built with them.
      const next = {
        ...s, gateway,
        // The store name applies at once: receipts read the saved settings.
        ...(r.storeName !== undefined ? { storeName: r.storeName } : {}),
        ...(r.terminalId ? { terminalId: r.terminalId } : {}), ...(r.storeTimeZone ? { storeTimeZone: r.storeTimeZone } : {}),
        ...(r.locale ? { locale: r.locale } : {}), ...(r.newPin ? { managerPinHash: hashPin(r.newPin) } : {}),
        // Timers apply at the next start (the engine holds them); the wedge when a till screen next loads.
        ...(r.timers ? { timers: r.timers } : {}), ...(r.wedge ? { scanRules: { ...s.scanRules, wedge: r.wedge } } : {}),
        ...(r.scanners ? { scanners: r.scanners } : {}),
      };
      const saved = ctx.savedSettings.save(next);
      // Scanners apply at once: the counter's drivers are stopped and the new choice started.
      if (r.scanners) await ctx.scanners.counter.restart(saved.scanners);
      if (r.locale && r.locale !== s.locale) ctx.emit('app:locale', { locale: r.locale });
      return view(saved);
    },
    'settings:setMerchantKey': (r) => {
      if (!ctx.secretStore?.isAvailable()) throw new SecretStoreUnavailableError();
      ctx.secretStore.write(r.merchantKey);
      return view(current());
    },
    'journal:verify': () => {
      const v = verifyChain(ctx.services.journal);
      return v.ok ? { ok: true, events: v.events, firstBrokenSeq: null, reason: null } : { ok: false, events: 0, firstBrokenSeq: v.firstBrokenSeq, reason: v.reason };
    },
    'scanners:status': () => {
      const { scans, stats } = scanReport([ctx.scanners.counter.recent().scans, ctx.scanners.kiosk.recent().scans]);
      return {
        devices: ctx.scanners.counter.devices().map((d) => ({ deviceId: d.deviceId, state: d.state, message: d.error?.message ?? null })),
        recent: scans.map((s) => ({ ...s })),
        stats,
      };
    },
    'scanners:discover': () => discoverScanners(),
  };
}

// App info, locale, settings (the merchant key is write-only), journal verification and scanner status.
import type { ErrorCode } from '../../../preload/error-codes.js';
import type { Handlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';
import type { Settings } from '../../config/settings.js';
import { verdictReason, verifyJournalDb } from '../../journal/verify-file.js';
import { discoverScanners } from '../../scanners/discovery.js';
import { scanReport } from '../scan-report.js';
import type { ChannelResponse } from '../../../preload/contract.js';
import { SIGNATURE_POLICY, type GatewayProbe, type IotPayClient, type SignedAnswer } from '../../iotpay/index.js';

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

type SettingsHandlers = Pick<Handlers, 'app:info' | 'app:setLocale' | 'settings:get' | 'settings:update' | 'settings:setMerchantKey' | 'journal:verify' | 'scanners:status' | 'scanners:discover' | 'gateway:lastCheck'>;

// The System tab's view of the last `pos gateway check`, as the running client applies it. The gateway's own
// codes go only into `technical`, which the screen shows under "technical details".
type GatewayCheckView = ChannelResponse<'gateway:lastCheck'>;

function technical(p: GatewayProbe): string {
  const codes = [['retCode', p.retCode], ['resCode', p.resCode], ['errCode', p.errCode], ['retMsg', p.retMsg]]
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${v}`);
  const http = p.httpStatus === undefined ? `no answer${p.problem ? ` (${p.problem})` : ''}` : `HTTP ${p.httpStatus}`;
  return [`${p.endpoint}: ${http}`, ...codes, p.fields.length > 0 ? `fields ${p.fields.join(',')}` : '', `read as ${p.clientReading}`]
    .filter((part) => part !== '')
    .join(' · ');
}

export function gatewayCheckView(training: boolean, client: IotPayClient | undefined): GatewayCheckView {
  const policy = client?.signaturePolicy ?? SIGNATURE_POLICY;
  const rules = (Object.keys(policy) as SignedAnswer[]).map((answer) => ({ answer, rule: policy[answer] }));
  const given = client?.gatewayCheck ?? null;
  if (!given) return { training, check: null, rules };
  const { record, applied } = given;
  return {
    training,
    rules,
    check: {
      checkedAt: record.checkedAt, applied, clockSkewMs: record.clockSkewMs, clockSkewed: record.clockSkewed,
      probes: record.probes.map((p) => ({ endpoint: p.endpoint, answered: p.answered, signature: p.signature, rttMs: p.rttMs ?? null, technical: technical(p) })),
    },
  };
}

export class SecretStoreUnavailableError extends Error {
  readonly code = 'SECRET_STORE_UNAVAILABLE' satisfies ErrorCode;
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
    province: s.province, pricesIncludeTax: s.pricesIncludeTax, gstNumber: s.gstNumber ?? null, qstNumber: s.qstNumber ?? null,
    discountApprovalPercent: s.discountApprovalPercent,
    pendingRestart: pendingRestart(ctx.services.settings, s),
  });
  return {
    'app:info': (_r, role) => {
      const s = ctx.services.settings;
      const saved = current();
      return {
        training: ctx.services.training, terminalId: s.terminalId, storeName: saved.storeName, currency: s.currency, locale: saved.locale, wedge: { ...saved.scanRules.wedge },
        timeZone: s.storeTimeZone, online: ctx.services.engine.isOnline(), cardFormScriptUrl: ctx.cardFormScriptUrl,
        // Only the screens that get app:clock events show the warning.
        ...(role === 'cashier' || role === 'manager' ? { clock: ctx.clockBanner() } : {}),
      };
    },
    // The store default (manager only); each screen's own language switch stays in that screen.
    'app:setLocale': (r) => {
      ctx.savedSettings.save({ ...current(), locale: r.locale });
      ctx.emit('app:locale', { locale: r.locale });
      return { ok: true as const };
    },
    'settings:get': () => view(current()),
    'settings:update': async (r, _role, caller) => {
      const s = current();
      const gateway = r.mchId || r.loginName
        ? { mode: 'live' as const, ...(s.gateway.mode === 'live' ? s.gateway : {}), ...(r.mchId ? { mchId: r.mchId } : {}), ...(r.loginName ? { loginName: r.loginName } : {}) }
        : s.gateway;
      // Terminal id, zone and gateway take effect at the next start: the journal and client were built with them.
      // Registration numbers apply at once (receipts read the saved settings); '' removes one.
      const { gstNumber: _gst, qstNumber: _qst, ...rest } = s;
      const numbers = {
        ...(r.gstNumber === undefined ? (_gst ? { gstNumber: _gst } : {}) : r.gstNumber ? { gstNumber: r.gstNumber } : {}),
        ...(r.qstNumber === undefined ? (_qst ? { qstNumber: _qst } : {}) : r.qstNumber ? { qstNumber: r.qstNumber } : {}),
      };
      const next = {
        ...rest, ...numbers, gateway,
        // The store name applies at once: receipts read the saved settings.
        ...(r.storeName !== undefined ? { storeName: r.storeName } : {}),
        ...(r.terminalId ? { terminalId: r.terminalId } : {}), ...(r.storeTimeZone ? { storeTimeZone: r.storeTimeZone } : {}),
        ...(r.locale ? { locale: r.locale } : {}),
        // Timers apply at the next start (the engine holds them); the wedge when a till screen next loads.
        ...(r.timers ? { timers: r.timers } : {}), ...(r.wedge ? { scanRules: { ...s.scanRules, wedge: r.wedge } } : {}),
        ...(r.scanners ? { scanners: r.scanners } : {}),
        // The discount threshold applies at once: the tills read the saved settings.
        ...(r.discountApprovalPercent !== undefined ? { discountApprovalPercent: r.discountApprovalPercent } : {}),
        // The province applies to sales opened after it (the tills read the saved settings); open sales keep their taxes.
        ...(r.province ? { province: r.province } : {}),
      };
      // A new PIN is the signed-in manager's own, on the staff list (docs/staff.md); checked before anything is saved.
      if (r.newPin && caller) ctx.staff.changePin(caller.staffId, r.newPin);
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
    // The chain, then every table rebuilt from the events (main/journal/rebuild.ts); reads only.
    'journal:verify': () => {
      const v = verifyJournalDb(ctx.services.journal.db);
      return {
        ok: v.ok, events: v.events, firstBrokenSeq: v.chain.ok ? null : v.chain.firstBrokenSeq, reason: verdictReason(v),
        differences: v.differences.slice(0, 200).map((d) => ({ table: d.table, key: d.key, column: d.column, problem: d.problem, detail: d.detail })),
        differenceCount: v.differences.length, legacyEvents: v.legacyEvents,
      };
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
    'gateway:lastCheck': () => gatewayCheckView(ctx.services.training, ctx.services.client),
  };
}

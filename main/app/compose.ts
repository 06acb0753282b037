// The composition root: builds every service from the data folder and returns the HostApi both hosts use.
// Nothing here decides anything; each piece it wires has its own file and tests.
import type { SaleTaxSetup } from '../shared/sales-tax.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventMap, EventName } from '../../preload/contract.js';
import { Catalog } from '../catalog/catalog.js';
import { importCatalogCsv } from '../catalog/csv-import.js';
import type { Settings } from '../config/settings.js';
import { consoleSink, createLogger, type Logger } from '../shared/logger.js';
import type { PaymentEngine } from '../payments/engine.js';
import { cashierOf, type AppContext } from './app-context.js';
import { demoProducts } from './demo-catalog.js';
import { createDispatcher } from './dispatch.js';
import { forwardPaymentEvent, forwardTillEvent, saleOfEvent } from './engine-events.js';
import { EventFanout } from './event-fanout.js';
import { managerHandlers } from './handlers/manager-handlers.js';
import { livePaymentHandlers } from './handlers/live-payment-handlers.js';
import { parkedSaleHandlers } from './handlers/parked-sale-handlers.js';
import { paymentHandlers } from './handlers/payment-handlers.js';
import { saleHandlers } from './handlers/sale-handlers.js';
import { settingsHandlers } from './handlers/settings-handlers.js';
import { staffHandlers } from './handlers/staff-handlers.js';
import { returnHandlers } from './handlers/return-handlers.js';
import { printingHandlers } from './handlers/printing-handlers.js';
import { tillReturnHandlers } from './handlers/till-return-handlers.js';
import { PrintingService } from './printing-service.js';
import { TillOperator } from './till-operator.js';
import { StaffDirectory } from '../staff/staff-directory.js';
import type { ScanHandlers } from '../scanners/router.js';
import type { ComposeOptions, HostApi } from './host-api.js';
import { LivePayments } from './live-payments.js';
import { ManagerSessions } from './manager-sessions.js';
import { SavedSettings } from './saved-settings.js';
import { ScannerService } from './scanner-service.js';
import { openServices, type Services } from './services.js';
import { Till, type TillEvent } from '../checkout/till.js';
import { storeTaxSetup } from '../checkout/rate-overrides.js';
import { storeDayOf } from '../journal/store-day.js';
import type { Clock } from '../shared/clock.js';
import { realTimers, type Timers } from '../payments/timers.js';
import { ClockWatch } from './clock-watch.js';
import { journalPinStore } from './journal-pin-store.js';
import { nonFinalAttempts } from '../journal/attempt-queries.js';
import { nonFinalRefunds } from '../journal/refund-queries.js';
import { startStoreLink } from './store-link.js';
import { storeHandlers } from './handlers/store-handlers.js';
import { taxHandlers } from './handlers/tax-handlers.js';

export const CATALOG_FILE = 'catalog.csv';
const IOTPAY_CARD_SCRIPT = 'https://ccapi.iotpaycloud.com/cc/iotpaycc.js';

function loadCatalog(dataDir: string, training: boolean, logger: Logger): Catalog {
  const catalog = new Catalog();
  const file = join(dataDir, CATALOG_FILE);
  if (existsSync(file)) {
    const report = importCatalogCsv(catalog, readFileSync(file, 'utf8'));
    if (report.rejected.length > 0) logger.warn('catalog rows refused', { file, refused: report.rejected.length, first: report.rejected[0]?.message });
  } else if (training) {
    for (const product of demoProducts()) catalog.add(product);
  }
  return catalog;
}

function tills(services: Services & { engine: PaymentEngine }, catalog: Catalog, { sessions, operator, taxNow }: { sessions: ManagerSessions; operator: TillOperator; taxNow: () => SaleTaxSetup }, logger: Logger, emit: AppContext['emit'], discountApprovalPercent?: () => number) {
  const make = (who: 'cashier' | 'kiosk') =>
    new Till({
      journal: services.journal, engine: services.engine, catalog, currency: services.settings.currency, cashier: () => cashierOf({ operator }, who),
      logger: logger.child(`till:${who}`), onEvent: (e) => forwardTillEvent(services.journal, emit, e), approve: (pin, action) => sessions.approve(pin, action), setsAsideHeldSales: who === 'kiosk',
      tax: taxNow,
      // Discounts above it need a manager (main/checkout/discounts.ts); read from the saved settings, so it applies at once.
      ...(discountApprovalPercent ? { discountApprovalPercent } : {}),
    });
  return { counter: make('cashier'), kiosk: make('kiosk') };
}

/** The counter's scanner adds nothing while nobody is signed in at the till: the scan is refused, with why. */
function signedInScans(handlers: ScanHandlers, operator: TillOperator, refuse: (e: Extract<TillEvent, { type: 'scan-refused' }>) => void): ScanHandlers {
  const guard = <S,>(on: (scan: S) => void) => (scan: S) => {
    if (operator.current()) return on(scan);
    refuse({ type: 'scan-refused', reason: 'unreadable', code: 'SIGNED_OUT', detail: 'nobody is signed in at this till' });
  };
  return { onProduct: guard(handlers.onProduct), onPaymentCode: guard(handlers.onPaymentCode), onUnknown: handlers.onUnknown };
}

/** `clock` and `timers`: tests drive time (the clock watch, the PIN lockout); the hosts use the real ones. */
export async function composeApp(options: ComposeOptions & { logger?: Logger; clock?: Clock; timers?: Timers }): Promise<HostApi> {
  const logger = options.logger ?? createLogger('pos', consoleSink('info'));
  const services = await openServices({
    dataDir: options.dataDir, logger, withGateway: true, overrides: options.gatewayOverrides,
    keys: { readStoredKey: () => options.secretStore?.read() },
    ...(options.clock ? { clock: options.clock } : {}), ...(options.timers ? { timers: options.timers } : {}),
  });
  const engine = services.engine as PaymentEngine;
  const live = { ...services, engine };
  // The tills report through the fan-out, and the fan-out asks the tills who owns a sale; `emit` is only
  // called after both exist.
  const emit = <E extends EventName>(event: E, payload: EventMap[E]) => fanout.emit(event, payload);
  const catalog = loadCatalog(options.dataDir, services.training, logger);
  const savedSettings = new SavedSettings(options.dataDir, services.settings);
  // The lockout is journaled, so a restart gives no fresh guesses (journal-pin-store.ts).
  // Staff (docs/staff.md): the terminal's own list, one PIN pad for every PIN, who is signed in at the counter.
  const staff = new StaffDirectory(services.journal, { training: services.training, legacyManagerPinHash: () => savedSettings.get().managerPinHash });
  const sessions = new ManagerSessions(services.journal.clock, staff, journalPinStore(services.journal));
  const operator = new TillOperator(services.journal.clock, () => savedSettings.get().staff.signOutAfterIdleMinutes * 60_000);
  // How a sale opened now is taxed, for the tills and for returns priced today (docs/register.md): the province as
  // saved in Settings (a change applies to sales opened after it), on the store day, with the manager's rate
  // overrides in force that day ("Rate overrides").
  const taxNow = (): SaleTaxSetup =>
    storeTaxSetup(services.journal, savedSettings.get().province, storeDayOf(services.journal.clock.now(), services.settings.storeTimeZone), services.settings.pricesIncludeTax);
  const till = tills(live, catalog, { sessions, operator, taxNow }, logger, emit, () => savedSettings.get().discountApprovalPercent);
  const fanout = new EventFanout(saleOfEvent(services.journal), (role, saleId) => (role === 'kiosk' ? till.kiosk : till.counter).owns(saleId), logger.child('events'));
  const settings: Settings = services.settings;
  const scanner = (t: Till) => new ScannerService({ handlers: t === till.counter ? signedInScans(t.handlers(), operator, (e) => forwardTillEvent(services.journal, emit, e)) : t.handlers(), rules: settings.scanRules, clock: services.journal.clock, logger: logger.child('scanners') });
  const ctx: AppContext = {
    services: live, savedSettings, catalog, tills: till, scanners: { counter: scanner(till.counter), kiosk: scanner(till.kiosk) },
    sessions, staff, operator, taxNow,
    secretStore: options.secretStore, clock: services.journal.clock, logger,
    cardFormScriptUrl: services.sandbox ? `${services.sandbox.gatewayUrl}/cc/iotpaycc.js` : IOTPAY_CARD_SCRIPT,
    clockBanner: () => clockWatch.banner(),
    emit,
  };
  // The clock behind the journal at start, or jumping while running: a banner and a journaled event (clock-watch.ts).
  const clockWatch = new ClockWatch({
    journal: services.journal, clock: services.journal.clock, timers: options.timers ?? realTimers, logger: logger.child('clock'),
    atStart: services.clockWarning, onChange: (banner) => emit('app:clock', banner),
  });
  clockWatch.start();
  // Remembered before the screens hear of it, so a screen that loads mid-payment can ask (payment:live).
  const livePayments = new LivePayments(services.journal, services.journal.clock);
  const stopLivePayments = engine.subscribe((e) => livePayments.observe(e));
  const stopEngineEvents = engine.subscribe((e) => forwardPaymentEvent(services.journal, services.journal.clock, emit, e));
  // The store database, only when one is configured (docs/store.md): a background sync, never on the payment path.
  const storeLink = startStoreLink({ journal: services.journal, settings: services.settings.store, env: process.env, clock: services.journal.clock, logger, readStoredPassword: (access) => options.storeSecrets?.read(access) });
  const stopStoreNudge = engine.subscribe(() => storeLink.nudge());
  // Receipts on paper and the drawer (docs/printing.md): a paid sale queues its receipt, a cash tender opens the drawer.
  const printing = new PrintingService({
    journal: services.journal, settings: () => savedSettings.get(), training: services.training, logger: logger.child('printing'),
    every: (ms, fn) => (options.timers ?? realTimers).every(ms, fn), onChange: (state) => emit('printer:queue', state), nameOf: (id) => staff.nameOf(id),
    latinNameOf: (sku) => catalog.findBySku(sku)?.nameLatin,
  });
  const stopPrinting = engine.subscribe((e) => printing.onPaymentEvent(e));
  printing.queue.start();
  const invoke = createDispatcher(
    { ...saleHandlers(ctx), ...parkedSaleHandlers(ctx), ...paymentHandlers(ctx), ...livePaymentHandlers(ctx, livePayments), ...managerHandlers(ctx, { onDayClosed: (z, by) => printing.queueZAtClose(z, by) !== null }), ...settingsHandlers(ctx), ...staffHandlers(ctx), ...returnHandlers(ctx), ...tillReturnHandlers(ctx, printing), ...printingHandlers(ctx, printing), ...storeHandlers(ctx, storeLink, options.storeSecrets), ...taxHandlers(ctx) },
    logger.child('ipc'),
    // The door's staff check (preload/contract.ts `staff`): the manager screen's session holder, the till's operator.
    ({ role, staff: min, session }) => (role === 'manager' ? sessions.require(session ?? '', min) : role === 'cashier' ? operator.require(min) : undefined),
  );
  await ctx.scanners.counter.start(settings.scanners);
  // Start-up reconcile: after a crash, only the journal remembers what was in flight.
  void engine.start().catch((err: unknown) => logger.error('start-up reconcile failed; the timer retries', { error: String(err) }));
  return {
    training: services.training,
    trainingControlUrl: services.sandbox?.controlUrl,
    cardFormOrigin: new URL(ctx.cardFormScriptUrl).origin,
    // For the desktop updater's guard: receipts still queued for the printer hold an update back (print-queue.ts).
    inFlight: () => ({
      attemptStates: nonFinalAttempts(services.journal).map((a) => a.state),
      refundStates: nonFinalRefunds(services.journal).map((r) => r.state),
      printQueue: printing.queue.pending(),
      storeOutbox: storeLink.outbox(),
    }),
    invoke,
    subscribe: (role, listener) => fanout.subscribe(role, listener),
    async close() {
      clockWatch.stop();
      stopEngineEvents();
      stopPrinting();
      await printing.queue.stop();
      stopLivePayments();
      await ctx.scanners.counter.stop();
      stopStoreNudge();
      await storeLink.close();
      await services.close();
    },
  };
}

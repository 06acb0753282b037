// The composition root: builds every service from the data folder and returns the HostApi both hosts use.
// Nothing here decides anything; each piece it wires has its own file and tests.
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
import { paymentHandlers } from './handlers/payment-handlers.js';
import { saleHandlers } from './handlers/sale-handlers.js';
import { settingsHandlers } from './handlers/settings-handlers.js';
import type { ComposeOptions, HostApi } from './host-api.js';
import { LivePayments } from './live-payments.js';
import { ManagerSessions } from './manager-sessions.js';
import { SavedSettings } from './saved-settings.js';
import { ScannerService } from './scanner-service.js';
import { openServices, type Services } from './services.js';
import { Till } from '../checkout/till.js';
import { taxSetupFor } from '../checkout/tax-table.js';
import { storeDayOf } from '../journal/store-day.js';
import type { Clock } from '../shared/clock.js';
import { realTimers, type Timers } from '../payments/timers.js';
import { ClockWatch } from './clock-watch.js';
import { journalPinStore } from './journal-pin-store.js';
import { nonFinalAttempts } from '../journal/attempt-queries.js';
import { nonFinalRefunds } from '../journal/refund-queries.js';

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

function tills(services: Services & { engine: PaymentEngine }, catalog: Catalog, sessions: ManagerSessions, logger: Logger, emit: AppContext['emit']) {
  const make = (who: 'cashier' | 'kiosk') =>
    new Till({
      journal: services.journal, engine: services.engine, catalog, currency: services.settings.currency, cashier: () => cashierOf(who),
      logger: logger.child(`till:${who}`), onEvent: (e) => forwardTillEvent(services.journal, emit, e), approve: (pin, action) => sessions.approve(pin, action), setsAsideHeldSales: who === 'kiosk',
      // The store's taxes as of the store day the sale opens (docs/register.md).
      tax: () => taxSetupFor(services.settings.province, storeDayOf(services.journal.clock.now(), services.settings.storeTimeZone), services.settings.pricesIncludeTax),
    });
  return { counter: make('cashier'), kiosk: make('kiosk') };
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
  const sessions = new ManagerSessions(services.journal.clock, () => savedSettings.get().managerPinHash, journalPinStore(services.journal));
  const till = tills(live, catalog, sessions, logger, emit);
  const fanout = new EventFanout(saleOfEvent(services.journal), (role, saleId) => (role === 'kiosk' ? till.kiosk : till.counter).owns(saleId), logger.child('events'));
  const settings: Settings = services.settings;
  const scanner = (t: Till) => new ScannerService({ handlers: t.handlers(), rules: settings.scanRules, clock: services.journal.clock, logger: logger.child('scanners') });
  const ctx: AppContext = {
    services: live, savedSettings, catalog, tills: till, scanners: { counter: scanner(till.counter), kiosk: scanner(till.kiosk) },
    sessions,
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
  const invoke = createDispatcher(
    { ...saleHandlers(ctx), ...paymentHandlers(ctx), ...livePaymentHandlers(ctx, livePayments), ...managerHandlers(ctx), ...settingsHandlers(ctx) },
    logger.child('ipc'),
    (session) => sessions.require(session),
  );
  await ctx.scanners.counter.start(settings.scanners);
  // Start-up reconcile: after a crash, only the journal remembers what was in flight.
  void engine.start().catch((err: unknown) => logger.error('start-up reconcile failed; the timer retries', { error: String(err) }));
  return {
    training: services.training,
    trainingControlUrl: services.sandbox?.controlUrl,
    cardFormOrigin: new URL(ctx.cardFormScriptUrl).origin,
    // For the desktop updater's guard: nothing prints and there is no store link yet, so those queues are 0.
    inFlight: () => ({
      attemptStates: nonFinalAttempts(services.journal).map((a) => a.state),
      refundStates: nonFinalRefunds(services.journal).map((r) => r.state),
      printQueue: 0,
      storeOutbox: 0,
    }),
    invoke,
    subscribe: (role, listener) => fanout.subscribe(role, listener),
    async close() {
      clockWatch.stop();
      stopEngineEvents();
      stopLivePayments();
      await ctx.scanners.counter.stop();
      await services.close();
    },
  };
}

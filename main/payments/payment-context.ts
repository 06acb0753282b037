// Everything a payment flow needs, passed in: no flow reaches for a global clock, network or database.
import type { Currency } from '../../preload/currencies.js';
import type { IotPayClient } from '../iotpay/client.js';
import type { Journal } from '../journal/database.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { CheckSchedule } from './check-schedule.js';
import type { Connectivity } from './connectivity.js';
import type { PaymentEventBus } from './payment-events.js';
import type { Timers } from './timers.js';
import type { Timers as TimerSettings } from '../config/settings.js';

export interface PaymentTimings extends TimerSettings {
  /**
   * How long "the gateway has no such order" is not yet believed after a lost create_order: a slow gateway
   * may still commit it. After this, the attempt is failed as never created.
   */
  notFoundGraceMs: number;
  /** How long the card form may stay open before we stop waiting at the till. */
  cardFormMs: number;
  /**
   * After the cashier cancels (or the till's wait runs out) the till keeps checking at least this long, even when
   * the wallet's own close is sooner, so a payment the customer confirmed a moment ago is still seen.
   */
  minCheckMs: number;
  /** The reconciler asks about an open attempt less and less often, but at least this often; it never gives up. */
  reconcileBackoffMaxMs: number;
}

export const DEFAULT_TIMINGS_EXTRA = { notFoundGraceMs: 120_000, cardFormMs: 300_000, minCheckMs: 15_000, reconcileBackoffMaxMs: 30 * 60_000 } as const;

export interface PaymentContext {
  journal: Journal;
  client: IotPayClient;
  clock: Clock;
  timers: Timers;
  events: PaymentEventBus;
  connectivity: Connectivity;
  /** When each open attempt is next asked about, and since when the gateway has not known it (monotonic). */
  schedule: CheckSchedule;
  logger: Logger;
  timings: PaymentTimings;
  /** The store's currency, parsed once with the settings (preload/currencies.ts): no flow casts a string. */
  currency: Currency;
}

// Everything a payment flow needs, passed in: no flow reaches for a global clock, network or database.
import type { IotPayClient } from '../iotpay/client.js';
import type { Journal } from '../journal/database.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
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
  /** Non-final attempts older than this are given up on by the reconciler (QR codes nobody paid). */
  abandonAfterMs: number;
}

export const DEFAULT_TIMINGS_EXTRA = { notFoundGraceMs: 120_000, cardFormMs: 300_000, abandonAfterMs: 24 * 3_600_000 } as const;

export interface PaymentContext {
  journal: Journal;
  client: IotPayClient;
  clock: Clock;
  timers: Timers;
  events: PaymentEventBus;
  connectivity: Connectivity;
  logger: Logger;
  timings: PaymentTimings;
  currency: string;
}

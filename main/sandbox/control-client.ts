// A typed client for the control API, for tests and for training mode (act as the customer, read the
// ledger, steer faults and a manual clock). Plain fetch; it throws ControlApiError on any non-200 answer.
import type { CardEntry, CardResult } from './card-payments.js';
import type { CustomerTarget } from './customer-actions.js';
import type { FaultRates, InjectedFault } from './faults.js';
import type { LedgerSnapshot, V1Order } from './ledger-records.js';

export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ControlApiError';
  }
}

export interface FaultState {
  rates: FaultRates;
  latencyMs: number;
  queued: InjectedFault[];
}

export interface ControlClient {
  /** The customer pays a QR (or app) order, found by its code URL or payOrderId. */
  payQr(target: CustomerTarget): Promise<V1Order>;
  cancelQr(target: CustomerTarget): Promise<V1Order>;
  /** The customer submits the card form for a cc_purchase or cc_addcard secureId. */
  payCard(secureId: string, cardNumber: string, details?: Omit<CardEntry, 'cardNumber'>): Promise<CardResult>;
  ledger(): Promise<LedgerSnapshot>;
  faults(): Promise<FaultState>;
  setFaults(rates: FaultRates, latencyMs?: number): Promise<FaultState>;
  injectFault(fault: InjectedFault): Promise<FaultState>;
  /** Only for a sandbox started with a ManualClock; returns the new time (epoch ms). */
  advanceClock(advanceMs: number): Promise<number>;
}

export function createControlClient(controlUrl: string): ControlClient {
  const base = controlUrl.replace(/\/$/, '');
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await response.json()) as T & { error?: { code: string; message: string } };
    if (!response.ok) {
      throw new ControlApiError(response.status, parsed.error?.code ?? 'UNKNOWN', parsed.error?.message ?? response.statusText);
    }
    return parsed;
  }
  return {
    payQr: async (target) => (await call<{ order: V1Order }>('POST', '/control/qr/pay', target)).order,
    cancelQr: async (target) => (await call<{ order: V1Order }>('POST', '/control/qr/cancel', target)).order,
    payCard: (secureId, cardNumber, details = {}) => call<CardResult>('POST', '/control/card/pay', { secureId, cardNumber, ...details }),
    ledger: () => call<LedgerSnapshot>('GET', '/control/ledger'),
    faults: () => call<FaultState>('GET', '/control/faults'),
    setFaults: (rates, latencyMs) => call<FaultState>('POST', '/control/faults', { rates, latencyMs }),
    injectFault: (fault) => call<FaultState>('POST', '/control/faults/next', fault),
    advanceClock: async (advanceMs) => (await call<{ now: number }>('POST', '/control/clock', { advanceMs })).now,
  };
}

// Translates the payment engine's and the tills' events into contract events for the screens.
import type { EventMap, EventName } from '../../preload/contract.js';
import { getAttempt } from '../journal/attempt-queries.js';
import type { Journal } from '../journal/database.js';
import type { PaymentEvent } from '../payments/payment-events.js';
import type { Clock } from '../shared/clock.js';
import { assertNever } from '../shared/assert-never.js';
import type { TillEvent } from '../checkout/till.js';
import { attemptView, saleView } from './views.js';

type Emit = <E extends EventName>(event: E, payload: EventMap[E]) => void;

export function forwardPaymentEvent(journal: Journal, clock: Clock, emit: Emit, e: PaymentEvent): void {
  switch (e.type) {
    case 'attempt':
      emit('payment:attempt', attemptView(getAttempt(journal, e.attemptId)));
      emit('sale:changed', saleView(journal, e.saleId));
      return;
    case 'qr':
      // The screens get how long the QR stays valid, not a wall-clock instant (main/shared/clock.ts).
      return emit('payment:qr', {
        attemptId: e.attemptId, channel: e.channel, codeUrl: e.codeUrl, amountCents: e.amountCents, currency: e.currency, expiresInMs: e.expiresAt - clock.monotonic(),
      });
    case 'card-form':
      return emit('payment:cardForm', { attemptId: e.attemptId, secureId: e.secureId, amountCents: e.amountCents, currency: e.currency });
    case 'countdown':
      return emit('payment:countdown', { attemptId: e.attemptId, remainingMs: e.remainingMs, phase: e.phase });
    case 'sale':
      return emit('sale:changed', saleView(journal, e.saleId));
    case 'refund':
      return emit('refund:changed', { refundId: e.refundId, attemptId: e.attemptId, state: e.state, amountCents: e.amountCents });
    case 'connectivity':
      return emit('app:connectivity', { online: e.online });
    default:
      return assertNever(e);
  }
}

export function forwardTillEvent(journal: Journal, emit: Emit, e: TillEvent): void {
  switch (e.type) {
    case 'sale-opened':
      emit('sale:changed', saleView(journal, e.saleId));
      return emit('till:notice', { kind: 'sale-opened', message: `Sale ${e.saleId}`, saleId: e.saleId });
    case 'line-added':
      emit('sale:changed', saleView(journal, e.saleId));
      return emit('till:notice', { kind: 'line-added', message: e.name, saleId: e.saleId });
    case 'scan-refused':
      return emit('till:notice', { kind: 'scan-refused', message: e.detail, code: e.code, saleId: e.saleId });
    default:
      return assertNever(e);
  }
}

/** The sale an event concerns, for per-till filtering. */
export function saleOfEvent(journal: Journal): <E extends EventName>(event: E, payload: EventMap[E]) => number | undefined {
  return (event, payload) => {
    const p = payload as { id?: number; saleId?: number; attemptId?: number };
    if (event === 'sale:changed') return p.id;
    if (event === 'payment:attempt' || event === 'till:notice') return p.saleId;
    if (p.attemptId !== undefined && (event === 'payment:qr' || event === 'payment:countdown' || event === 'payment:cardForm')) {
      return getAttempt(journal, p.attemptId).saleId;
    }
    return undefined;
  };
}

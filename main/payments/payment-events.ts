// The typed stream the UI listens to: attempt state changes, the QR to show, countdowns and connectivity.
// Listeners are called synchronously after the journal commit they describe; a throwing listener is logged
// and never disturbs the payment.
import type { AttemptState, RefundState } from '../journal/attempt-states.js';
import type { Logger } from '../shared/logger.js';

export type PaymentEvent =
  | { type: 'attempt'; attemptId: number; saleId: number; state: AttemptState; channel: string; amountCents: number; currency: string; needsAction: boolean; failureCode?: string; message?: string }
  /** `expiresAt` is on the monotonic clock (main/shared/clock.ts), never the wall clock. */
  | { type: 'qr'; attemptId: number; saleId: number; channel: string; codeUrl: string; amountCents: number; currency: string; expiresAt: number }
  | { type: 'card-form'; attemptId: number; saleId: number; secureId: string; amountCents: number; currency: string }
  | { type: 'countdown'; attemptId: number; remainingMs: number; phase: 'waiting' | 'checking' }
  | { type: 'sale'; saleId: number; status: 'open' | 'paid' | 'voided'; paidCents: number; dueCents: number }
  | { type: 'refund'; refundId: number; attemptId: number; state: RefundState; amountCents: number }
  | { type: 'connectivity'; online: boolean };

export type PaymentListener = (event: PaymentEvent) => void;

export class PaymentEventBus {
  private readonly listeners = new Set<PaymentListener>();
  constructor(private readonly logger: Logger) {}

  /** Returns the unsubscribe function. */
  subscribe(listener: PaymentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: PaymentEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        // A broken screen must not break a payment: the journal already holds the truth.
        this.logger.error('payment listener threw', { type: event.type, error: String(err) });
      }
    }
  }
}

// What a screen needs to pick up a payment it missed the start of. The QR, the countdown and attempt updates
// reach the screens as one-shot events, so a screen that loads mid-payment (a browser reload, Electron's crash
// recovery) would otherwise show an editable cart while main waits on the customer, and a customer display
// with no QR to pay. This remembers, per in-flight attempt, the last QR and deadline main sent, and forgets
// them once the attempt leaves flight; the journal stays the truth for the attempt itself.
import type { LivePaymentView } from '../../preload/contract.js';
import { attemptsForSale, getAttempt } from '../journal/attempt-queries.js';
import type { Journal } from '../journal/database.js';
import { attemptPhase, isInFlightAttemptState } from '../../preload/payment-states.js';
import type { PaymentEvent } from '../payments/payment-events.js';
import type { Clock } from '../shared/clock.js';
import { attemptView } from './views.js';

type QrShown = Omit<NonNullable<LivePaymentView['qr']>, 'expiresInMs'> & { expiresAt: number };

/** All instants here are on the monotonic clock; the screens get durations from now. */
interface Remembered {
  saleId: number;
  qr?: QrShown;
  /** When main stops waiting (or checking) at the till, from the latest countdown. */
  deadlineAt?: number;
  countdown?: 'waiting' | 'checking';
}

export class LivePayments {
  private readonly byAttempt = new Map<number, Remembered>();

  constructor(private readonly journal: Journal, private readonly clock: Clock) {}

  /** Feed every engine event through here, before the screens hear of it. */
  observe(e: PaymentEvent): void {
    switch (e.type) {
      case 'attempt':
        if (!isInFlightAttemptState(e.state)) this.byAttempt.delete(e.attemptId);
        // Checking: the till stopped waiting, so the QR is withdrawn from the customer's screen.
        else if (attemptPhase(e.state) === 'checking') delete this.entry(e.attemptId, e.saleId).qr;
        else this.entry(e.attemptId, e.saleId);
        return;
      case 'qr':
        // Exactly the fields the payment:qr event carries; the gateway's signed answer never gets here.
        this.entry(e.attemptId, e.saleId).qr = {
          attemptId: e.attemptId, channel: e.channel, codeUrl: e.codeUrl, amountCents: e.amountCents, currency: e.currency, expiresAt: e.expiresAt,
        };
        return;
      case 'countdown': {
        const known = this.byAttempt.get(e.attemptId);
        if (known) Object.assign(known, { deadlineAt: this.clock.monotonic() + e.remainingMs, countdown: e.phase });
        return;
      }
      case 'card-form':
        // The card form's session is not kept: the display may read this, and a reloaded iframe cannot resume.
        this.entry(e.attemptId, e.saleId);
        return;
      default:
        return;
    }
  }

  /** The payment in flight on a sale, or null. An attempt the journal has in flight is reported even unseen. */
  forSale(saleId: number): LivePaymentView | null {
    const now = this.clock.monotonic();
    let best: { id: number; seen?: Remembered } | undefined;
    for (const [id, seen] of this.byAttempt) {
      if (seen.saleId === saleId && (!best || id > best.id)) best = { id, seen };
    }
    if (best && !isInFlightAttemptState(getAttempt(this.journal, best.id).state)) {
      // Left flight without an event reaching us (it should not happen); forget it and ask the journal.
      this.byAttempt.delete(best.id);
      best = undefined;
    }
    best ??= attemptsForSale(this.journal, saleId).filter((a) => isInFlightAttemptState(a.state)).map((a) => ({ id: a.id })).at(-1);
    if (!best) return null;
    const live: LivePaymentView = { attempt: attemptView(getAttempt(this.journal, best.id)) };
    const { qr, deadlineAt, countdown } = best.seen ?? {};
    if (qr && qr.expiresAt > now) {
      const { expiresAt, ...shown } = qr;
      live.qr = { ...shown, expiresInMs: expiresAt - now };
    }
    if (deadlineAt !== undefined && deadlineAt > now) Object.assign(live, { remainingMs: deadlineAt - now, countdown });
    return live;
  }

  /** How many attempts are remembered; for tests that check nothing is kept after an attempt ends. */
  get size(): number {
    return this.byAttempt.size;
  }

  private entry(attemptId: number, saleId: number): Remembered {
    let seen = this.byAttempt.get(attemptId);
    if (!seen) {
      seen = { saleId };
      this.byAttempt.set(attemptId, seen);
    }
    return seen;
  }
}

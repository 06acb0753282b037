// Taking payment. A wallet call answers as soon as the attempt is journaled and sent; its progress reaches
// the screens as events, so a cashier is never stuck behind a 60-second request.
import type { AttemptRecord } from '../../journal/payment-records.js';
import type { Handlers } from '../dispatch.js';
import { cashierOf, tillFor, type AppContext } from '../app-context.js';
import { attemptView } from '../views.js';
import { getAttempt, needsActionAttempts } from '../../journal/attempt-queries.js';
import { getSaleRecord } from '../../journal/sales.js';
import { CodeAlreadyUsedError, NotAPaymentCodeError } from '../../payments/payment-errors.js';
import { TillError } from '../../checkout/till.js';
import { KIOSK_STAFF_ID } from '../../../preload/staff-roles.js';

type PaymentHandlers = Pick<Handlers, 'payment:chargeByScan' | 'payment:chargeByQr' | 'payment:startCard' | 'payment:confirmCard' | 'payment:payCash' | 'payment:cancel' | 'payment:override' | 'payment:needsAction'>;

/** Resolves when the attempt is journaled; the rest of the flow runs on, reported through events. */
function started(ctx: AppContext, run: (onStarted: (a: AttemptRecord) => void) => Promise<AttemptRecord>): Promise<AttemptRecord> {
  return new Promise((resolve, reject) => {
    run(resolve).then(
      (final) => resolve(final),
      (err: unknown) => {
        reject(err);
        ctx.logger.debug('payment ended with a refusal', { error: String(err) });
      },
    );
  });
}

function ownAttempt(ctx: AppContext, role: Parameters<typeof tillFor>[1], attemptId: number): AttemptRecord {
  const attempt = getAttempt(ctx.services.journal, attemptId);
  if (!tillFor(ctx, role).owns(attempt.saleId)) throw new TillError('NOT_THIS_TILL', 'That payment was not taken at this till.');
  return attempt;
}

export function paymentHandlers(ctx: AppContext): PaymentHandlers {
  const engine = ctx.services.engine;
  const journal = ctx.services.journal;
  return {
    'payment:chargeByScan': async (r, role) => {
      // Typed digits go through the same scanner door as a scan: the configured rules, the replay guard.
      const scan = (role === 'kiosk' ? ctx.scanners.kiosk : ctx.scanners.counter).classifyTypedCode(r.code);
      if (scan.kind === 'unknown' && scan.reason === 'replayed-payment-code') throw new CodeAlreadyUsedError();
      if (scan.kind !== 'payment') throw new NotAPaymentCodeError();
      return attemptView(await started(ctx, (onStarted) => tillFor(ctx, role).chargeScanned(scan, r.amountCents, onStarted)));
    },
    'payment:chargeByQr': async (r, role) => {
      const saleId = tillFor(ctx, role).currentSale();
      const charge = { saleId, channel: r.channel, amountCents: r.amountCents, cashier: cashierOf(ctx, role) };
      return attemptView(await started(ctx, (onStarted) => engine.chargeByQr(charge, onStarted)));
    },
    'payment:startCard': async (r, role) => {
      const saleId = tillFor(ctx, role).currentSale();
      const start = await engine.startCard({ saleId, amountCents: r.amountCents, cashier: cashierOf(ctx, role), returnUrl: 'http://127.0.0.1/card-return' });
      return { attempt: attemptView(start.attempt), secureId: start.secureId ?? null };
    },
    'payment:confirmCard': async (r, role) => attemptView(await engine.confirmCard(ownAttempt(ctx, role, r.attemptId).id)),
    'payment:payCash': (r, role) => {
      const saleId = tillFor(ctx, role).currentSale();
      return attemptView(engine.payCash({ saleId, tenderedCents: r.tenderedCents, amountCents: r.amountCents, cashier: cashierOf(ctx, role) }));
    },
    'payment:cancel': (r, role) => ({ cancelled: engine.cancel(ownAttempt(ctx, role, r.attemptId).id) }),
    'payment:override': (r, role) => {
      const attempt = ownAttempt(ctx, role, r.attemptId);
      return attemptView(engine.override(attempt.id, ctx.sessions.approve(r.pin, 'payment-override'), r.reason));
    },
    // Across restarts too: the sales rung up at this till (the kiosk's, or the counter's whoever was signed in).
    'payment:needsAction': (_r, role) =>
      needsActionAttempts(journal).filter((a) => (getSaleRecord(journal, a.saleId).cashier === KIOSK_STAFF_ID) === (role === 'kiosk')).map(attemptView),
  };
}

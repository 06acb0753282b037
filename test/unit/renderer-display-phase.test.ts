// What the customer display shows, from sale, QR and attempt events: money that may have moved is "checking",
// never "failed"; a QR's expiry is a monotonic deadline taken when it arrived.
import { describe, expect, it } from 'vitest';
import type { AttemptView, SaleView } from '../../preload/contract.js';
import { ATTEMPT_STATES, attemptPhase, type AttemptState } from '../../preload/payment-states.js';
import { holdsTill, isInFlight, pickAttempt } from '../../renderer/shared/attempt-state.js';
import { cardOutcome } from '../../renderer/shared/card-form.js';
import { activeQr, displayPhase, qrFromEvent, type DisplayInput, type QrInfo } from '../../renderer/shared/display-phase.js';

/** Monotonic ms, as performance.now() reads on a page open for a while. */
const NOW = 5_000_000;
const CREATED_AT = 1_800_000_000_000;

function sale(over: Partial<SaleView> = {}): SaleView {
  return {
    id: 1, status: 'open', currency: 'CAD', cashier: 'till', totalCents: 500, paidCents: 0, dueCents: 500, heldCents: 0, holdingAttemptId: null,
    overpaidCents: 0, changeCents: 0, subtotalCents: 500, discountCents: 0, saleDiscount: null, taxes: [], pricesIncludeTax: false, roundingCents: 0, cashDueCents: 500, createdAt: CREATED_AT,
    lines: [{ lineNo: 1, sku: 'A', name: 'Tea', unitPriceCents: 500, quantity: 1, lineTotalCents: 500, taxClass: 'standard', discountCents: 0, lineDiscount: null, catalogPriceCents: null }], attempts: [], refunds: [],
    ...over,
  };
}

function attempt(over: Partial<Omit<AttemptView, 'phase'>> & { state?: AttemptState } = {}): AttemptView {
  const state = over.state ?? 'pending';
  return {
    id: 7, saleId: 1, tender: 'wallet_qr', channel: 'WX_NATIVE', amountCents: 500, currency: 'CAD', needsAction: false,
    reason: state === 'failed' ? 'DECLINED' : null, released: false,
    mchOrderNo: 'T1-20261122-0007', codeLast4: null, failureCode: null, failureMessage: null, cashTenderedCents: null, changeCents: null, roundingCents: 0,
    createdAt: CREATED_AT, ...over, state, phase: attemptPhase(state),
  };
}

const qr: QrInfo = qrFromEvent({ attemptId: 7, channel: 'WX_NATIVE', codeUrl: 'weixin://x', amountCents: 500, currency: 'CAD', expiresInMs: 120_000 }, NOW);
const base: DisplayInput = { sale: null, qr: null, attempt: null, thanksDone: false, failureSeen: false, now: NOW };

describe('qrFromEvent', () => {
  it('turns the duration main sent into a deadline on the clock it was received on', () => {
    expect(qr.expiresAt).toBe(NOW + 120_000);
    expect(qr).not.toHaveProperty('expiresInMs');
    expect(qrFromEvent({ ...qr, expiresInMs: -5 }, NOW).expiresAt).toBe(NOW);
  });
});

describe('displayPhase', () => {
  it('welcomes with no sale or an empty one', () => {
    expect(displayPhase(base)).toBe('welcome');
    expect(displayPhase({ ...base, sale: sale({ lines: [], totalCents: 0, dueCents: 0 }) })).toBe('welcome');
  });

  it('shows the cart while items are rung up', () => {
    expect(displayPhase({ ...base, sale: sale() })).toBe('cart');
  });

  it('shows the QR while its attempt is working, even before the attempt event', () => {
    expect(displayPhase({ ...base, sale: sale(), qr })).toBe('waiting');
    expect(displayPhase({ ...base, sale: sale(), qr, attempt: attempt() })).toBe('waiting');
    expect(activeQr({ qr, attempt: attempt(), now: NOW })).toBe(qr);
  });

  it('drops an expired QR, or one whose attempt is no longer working', () => {
    expect(activeQr({ qr, attempt: null, now: qr.expiresAt })).toBeNull();
    expect(activeQr({ qr, attempt: attempt({ state: 'expired' }), now: NOW })).toBeNull();
    expect(activeQr({ qr, attempt: attempt({ state: 'succeeded' }), now: NOW })).toBeNull();
  });

  it('asks to confirm in the app during a merchant-scan', () => {
    expect(displayPhase({ ...base, sale: sale(), attempt: attempt({ id: 8, tender: 'wallet_scan', state: 'pending' }) })).toBe('confirm');
  });

  it('says "checking", never "failed", while the money may have moved (expired, unknown)', () => {
    for (const state of ['expired', 'unknown'] as const) {
      expect(displayPhase({ ...base, sale: sale(), qr, attempt: attempt({ state }) })).toBe('checking');
      expect(displayPhase({ ...base, sale: sale(), attempt: attempt({ state, tender: 'wallet_scan' }), failureSeen: true })).toBe('checking');
    }
  });

  it('shows "failed" only when the gateway said not paid, once, then the cart again', () => {
    const failed = { ...base, sale: sale(), qr, attempt: attempt({ state: 'failed' }) };
    expect(displayPhase(failed)).toBe('failed');
    expect(displayPhase({ ...failed, failureSeen: true })).toBe('cart');
    for (const state of ATTEMPT_STATES.filter((s) => s !== 'failed')) {
      expect(displayPhase({ ...base, sale: sale(), attempt: attempt({ state }) }), state).not.toBe('failed');
    }
  });

  it('leaves a payment a manager released to the till: the customer sees the cart, not a wait', () => {
    expect(displayPhase({ ...base, sale: sale(), attempt: attempt({ state: 'unknown', released: true }) })).toBe('cart');
    expect(displayPhase({ ...base, sale: sale(), attempt: attempt({ state: 'failed', released: true }) })).toBe('cart');
  });

  it('ignores an attempt that belongs to another sale', () => {
    expect(displayPhase({ ...base, sale: sale({ id: 2 }), attempt: attempt({ state: 'failed' }) })).toBe('cart');
    expect(displayPhase({ ...base, sale: sale({ id: 2 }), attempt: attempt({ state: 'unknown' }) })).toBe('cart');
  });

  it("does not keep waiting on the last sale's paid QR once the next sale starts", () => {
    const next = sale({ id: 2, lines: [], totalCents: 0, dueCents: 0 });
    expect(displayPhase({ ...base, sale: next, qr, attempt: attempt({ state: 'succeeded' }) })).toBe('welcome');
    expect(displayPhase({ ...base, sale: sale({ id: 2 }), qr, attempt: attempt({ state: 'succeeded' }) })).toBe('cart');
  });

  it('thanks the customer, then welcomes the next one', () => {
    const paid = { ...base, sale: sale({ status: 'paid', paidCents: 500, dueCents: 0 }), attempt: attempt({ state: 'succeeded' }) };
    expect(displayPhase(paid)).toBe('paid');
    expect(displayPhase({ ...paid, thanksDone: true })).toBe('welcome');
  });
});

describe('pickAttempt', () => {
  it('prefers newer attempts and never revives a settled one', () => {
    const done = attempt({ state: 'succeeded' });
    expect(pickAttempt(null, done)).toBe(done);
    expect(pickAttempt(done, attempt({ state: 'pending' }))).toBe(done);
    const next = attempt({ id: 9 });
    expect(pickAttempt(done, next)).toBe(next);
    expect(pickAttempt(next, done)).toBe(next);
  });

  it('never replaces a settled state by a checking one for the same attempt, but lets checking settle', () => {
    const failed = attempt({ state: 'failed' });
    for (const state of ['expired', 'unknown', 'created', 'sent'] as const) expect(pickAttempt(failed, attempt({ state }))).toBe(failed);
    const checking = attempt({ state: 'unknown' });
    const paid = attempt({ state: 'succeeded' });
    expect(pickAttempt(checking, paid)).toBe(paid);
    expect(pickAttempt(attempt({ state: 'pending' }), checking)).toBe(checking);
  });
});

describe('in flight and holding the till', () => {
  it('counts checking as in flight, and a released attempt as not holding', () => {
    for (const state of ATTEMPT_STATES) {
      const inFlight = !['succeeded', 'failed'].includes(state);
      expect(isInFlight(attempt({ state })), state).toBe(inFlight);
      expect(holdsTill(attempt({ state })), state).toBe(inFlight);
      expect(holdsTill(attempt({ state, released: true })), state).toBe(false);
    }
    expect(holdsTill(null)).toBe(false);
  });
});

describe('cardOutcome', () => {
  it('reads both callback shapes', () => {
    expect(cardOutcome({ result: 'SUCCESS', message: 'ok' })).toEqual({ succeeded: true, message: 'ok' });
    expect(cardOutcome({ result: 'FAIL', message: 'Timeout' })).toEqual({ succeeded: false, message: 'Timeout' });
    expect(cardOutcome({ retCode: 'SUCCESS', retMsg: '' })).toEqual({ succeeded: true, message: '' });
    expect(cardOutcome({ retCode: 'FAIL', retMsg: 'declined' })).toEqual({ succeeded: false, message: 'declined' });
    expect(cardOutcome(null)).toEqual({ succeeded: false, message: null });
  });
});

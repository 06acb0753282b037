// What the customer display shows, from sale, QR and attempt events.
import { describe, expect, it } from 'vitest';
import type { AttemptView, SaleView } from '../../preload/contract.js';
import { pickAttempt } from '../../renderer/shared/attempt-state.js';
import { cardOutcome } from '../../renderer/shared/card-form.js';
import { activeQr, displayPhase, type DisplayInput, type QrInfo } from '../../renderer/shared/display-phase.js';

const NOW = 1_800_000_000_000;

function sale(over: Partial<SaleView> = {}): SaleView {
  return {
    id: 1, status: 'open', currency: 'CAD', cashier: 'till', totalCents: 500, paidCents: 0, dueCents: 500, createdAt: NOW,
    lines: [{ lineNo: 1, sku: 'A', name: 'Tea', unitPriceCents: 500, quantity: 1, lineTotalCents: 500 }], attempts: [], refunds: [],
    ...over,
  };
}

function attempt(over: Partial<AttemptView> = {}): AttemptView {
  return {
    id: 7, saleId: 1, tender: 'wallet_qr', channel: 'WX_NATIVE', amountCents: 500, currency: 'CAD', state: 'pending', needsAction: false,
    mchOrderNo: 'T1-20261122-0007', codeLast4: null, failureCode: null, failureMessage: null, cashTenderedCents: null, changeCents: null,
    createdAt: NOW, ...over,
  };
}

const qr: QrInfo = { attemptId: 7, channel: 'WX_NATIVE', codeUrl: 'weixin://x', amountCents: 500, currency: 'CAD', expiresAt: NOW + 120_000 };
const base: DisplayInput = { sale: null, qr: null, attempt: null, thanksDone: false, failureSeen: false, now: NOW };

describe('displayPhase', () => {
  it('welcomes with no sale or an empty one', () => {
    expect(displayPhase(base)).toBe('welcome');
    expect(displayPhase({ ...base, sale: sale({ lines: [], totalCents: 0, dueCents: 0 }) })).toBe('welcome');
  });

  it('shows the cart while items are rung up', () => {
    expect(displayPhase({ ...base, sale: sale() })).toBe('cart');
  });

  it('shows the QR while its attempt is live, even before the attempt event', () => {
    expect(displayPhase({ ...base, sale: sale(), qr })).toBe('waiting');
    expect(displayPhase({ ...base, sale: sale(), qr, attempt: attempt() })).toBe('waiting');
    expect(activeQr({ qr, attempt: attempt(), now: NOW })).toBe(qr);
  });

  it('drops an expired QR or one whose attempt finished', () => {
    expect(activeQr({ qr, attempt: null, now: qr.expiresAt })).toBeNull();
    expect(activeQr({ qr, attempt: attempt({ state: 'expired' }), now: NOW })).toBeNull();
  });

  it('asks to confirm in the app during a merchant-scan', () => {
    expect(displayPhase({ ...base, sale: sale(), attempt: attempt({ id: 8, tender: 'wallet_scan', state: 'pending' }) })).toBe('confirm');
  });

  it('shows a failure once, then the cart again', () => {
    const failed = { ...base, sale: sale(), qr, attempt: attempt({ state: 'failed' }) };
    expect(displayPhase(failed)).toBe('failed');
    expect(displayPhase({ ...failed, failureSeen: true })).toBe('cart');
  });

  it('ignores an attempt that belongs to another sale', () => {
    expect(displayPhase({ ...base, sale: sale({ id: 2 }), attempt: attempt({ state: 'failed' }) })).toBe('cart');
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
  it('prefers newer attempts and never revives a finished one', () => {
    const done = attempt({ state: 'succeeded' });
    expect(pickAttempt(null, done)).toBe(done);
    expect(pickAttempt(done, attempt({ state: 'pending' }))).toBe(done);
    const next = attempt({ id: 9 });
    expect(pickAttempt(done, next)).toBe(next);
    expect(pickAttempt(next, done)).toBe(next);
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

// The attempt panel and the sale totals as the till and the kiosk render them, server-rendered with the real
// dictionaries: each phase in its words, the countdown as m:ss, checking never reads "failed", and no gateway
// code or message reaches the screen.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderOnScreen } from '../support/screen-app.js';
import type { AttemptView, SaleView } from '../../preload/contract.js';
import { attemptPhase, type AttemptReason, type AttemptState } from '../../preload/payment-states.js';
import { ExcessPanel, onlyCash } from '../../renderer/cashier/ExcessPanel.js';
import { AttemptPanel } from '../../renderer/shared/AttemptPanel.js';
import { SaleTotals } from '../../renderer/shared/CartList.js';
import { DICTIONARIES } from '../../renderer/shared/i18n/dictionaries.js';
import type { Countdown } from '../../renderer/shared/use-attempt.js';
import { formatCountdown } from '../../renderer/shared/use-now.js';


const render = renderOnScreen;

function attempt(state: AttemptState, over: Partial<AttemptView> = {}): AttemptView {
  return {
    id: 7, saleId: 1, tender: 'wallet_scan', channel: 'WX_MICROPAY', amountCents: 1250, currency: 'CAD', state, phase: attemptPhase(state),
    reason: null, released: false, needsAction: false, mchOrderNo: 'T1P2611220000000007', codeLast4: '0001',
    failureCode: 'USERPAYING_FAIL', failureMessage: 'Error: connect ECONNRESET https://gw', cashTenderedCents: null, changeCents: null, roundingCents: 0, createdAt: 0, ...over,
  };
}

const inSeconds = (s: number, phase: Countdown['phase']): Countdown => ({ deadline: performance.now() + s * 1000, phase });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ');

function expectNoGatewayWords(html: string): void {
  for (const raw of ['USERPAYING_FAIL', 'ECONNRESET', 'https://gw', 'WX_MICROPAY', 'T1P2611220000000007']) expect(text(html)).not.toContain(raw);
}

describe('AttemptPanel', () => {
  it('working: the existing words, the countdown and Cancel', () => {
    const html = render(createElement(AttemptPanel, { attempt: attempt('pending'), countdown: inSeconds(24, 'waiting'), onCancel: () => undefined, onDismiss: () => undefined }));
    expect(html).toContain('data-phase="working"');
    expect(html).toContain('data-state="pending"');
    expect(text(html)).toContain('Waiting for the customer…');
    expect(text(html)).toContain('WeChat Pay (scan)');
    expect(html).toMatch(/data-testid="attempt-countdown"[^>]*>0:2[34]</);
    expect(html).toContain('data-testid="attempt-cancel"');
    expect(html).not.toContain('attempt-dismiss');
    expectNoGatewayWords(html);
  });

  it.each(['expired', 'unknown'] as const)('%s is checking, never failed: countdown, the override, no Cancel, no OK', (state) => {
    const html = render(createElement(AttemptPanel, {
      attempt: attempt(state), countdown: inSeconds(24, 'checking'), onCancel: () => undefined, onDismiss: () => undefined,
      checkingActions: createElement('button', { 'data-testid': 'attempt-override' }, 'override'),
    }));
    expect(html).toContain('data-phase="checking"');
    expect(text(html)).toContain('Checking whether the payment went through…');
    expect(html).toMatch(/data-testid="attempt-countdown"[^>]*>0:2[34]</);
    expect(html).toContain('data-testid="attempt-override"');
    expect(html).not.toContain('attempt-cancel');
    expect(html).not.toContain('attempt-dismiss');
    expect(text(html)).not.toMatch(/fail|not paid/i);
    expectNoGatewayWords(html);
  });

  it('checking past its countdown: still not confirmed, override still offered', () => {
    const html = render(createElement(AttemptPanel, {
      attempt: attempt('unknown'), countdown: inSeconds(-1, 'checking'), checkingActions: createElement('button', { 'data-testid': 'attempt-override' }, 'o'),
    }));
    expect(text(html)).toContain('Still not confirmed by the payment service');
    expect(html).not.toContain('attempt-countdown');
    expect(html).toContain('attempt-override');
  });

  it.each<[AttemptReason, string]>([
    ['INSUFFICIENT_FUNDS', "The customer's balance is not enough"],
    ['CANCELLED_BY_CUSTOMER', 'The customer cancelled in the wallet app'],
    ['CANCELLED_AT_TILL', 'The cashier stopped waiting'],
    ['INVALID_PAYMENT_CODE', 'The payment code is invalid or expired; ask the customer to refresh it'],
  ])('not paid (%s): the next step and the reason in words, OK to go on', (reason, words) => {
    const html = render(createElement(AttemptPanel, { attempt: attempt('failed', { reason }), countdown: null, onCancel: () => undefined, onDismiss: () => undefined }));
    expect(html).toContain('data-phase="not-paid"');
    expect(text(html).replace(/&#x27;/g, "'")).toContain(words);
    expect(text(html)).toContain('Not paid: choose another way to pay');
    expect(html).toContain('data-testid="attempt-dismiss"');
    expect(html).not.toContain('attempt-cancel');
    expectNoGatewayWords(html);
  });

  it('paid reads Paid; the customer words at the kiosk; every language', () => {
    expect(text(render(createElement(AttemptPanel, { attempt: attempt('succeeded'), countdown: null })))).toContain('Paid');
    const kiosk = render(createElement(AttemptPanel, { attempt: attempt('unknown'), countdown: inSeconds(10, 'checking'), audience: 'customer' }));
    expect(text(kiosk)).toContain('Checking your payment… please wait');
    const kioskFailed = render(createElement(AttemptPanel, { attempt: attempt('failed', { reason: 'INSUFFICIENT_FUNDS' }), countdown: null, audience: 'customer', onDismiss: () => undefined }));
    expect(text(kioskFailed)).toContain('Your balance is not enough.');
    expectNoGatewayWords(kioskFailed);
    for (const locale of ['fr-CA', 'zh-CN'] as const) {
      const html = render(createElement(AttemptPanel, { attempt: attempt('expired'), countdown: inSeconds(5, 'checking') }), locale);
      expect(text(html)).toContain(DICTIONARIES[locale]['attempt.checking']);
      expect(text(html)).toContain(DICTIONARIES[locale]['channel.WX_MICROPAY']);
    }
  });

  it('formats countdowns as m:ss', () => {
    expect(formatCountdown(24_000)).toBe('0:24');
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(-3)).toBe('0:00');
  });
});

function sale(over: Partial<SaleView> = {}): SaleView {
  return {
    id: 1, status: 'open', currency: 'CAD', cashier: 'till', totalCents: 2000, paidCents: 0, dueCents: 2000, heldCents: 0, holdingAttemptId: null,
    overpaidCents: 0, changeCents: 0, subtotalCents: 2000, discountCents: 0, saleDiscount: null, taxes: [], pricesIncludeTax: false, roundingCents: 0, cashDueCents: 2000,
    createdAt: 0, lines: [], attempts: [], refunds: [], ...over,
  };
}

describe('SaleTotals and the excess panel', () => {
  it('shows paid, what a payment being checked holds, and what is due', () => {
    const html = render(createElement(SaleTotals, { sale: sale({ paidCents: 500, heldCents: 1000, dueCents: 500 }) }));
    expect(html).toMatch(/data-testid="sale-paid"[^>]*>\$5\.00</);
    expect(html).toMatch(/data-testid="sale-held"[^>]*>\$10\.00</);
    expect(html).toMatch(/data-testid="sale-due"[^>]*>\$5\.00</);
  });

  it('says Change due when only cash paid, Refund due otherwise, with the PIN and the button', () => {
    const cash = sale({ paidCents: 2500, dueCents: 0, overpaidCents: 500, attempts: [attempt('succeeded', { tender: 'cash', channel: 'CASH' })] });
    const wallet = sale({ paidCents: 2500, dueCents: 0, overpaidCents: 500, attempts: [attempt('succeeded')] });
    expect(onlyCash(cash)).toBe(true);
    expect(onlyCash(wallet)).toBe(false);
    const a = render(createElement(ExcessPanel, { sale: cash, onSale: () => undefined }));
    expect(text(a)).toContain('Change due $5.00');
    const b = render(createElement(ExcessPanel, { sale: wallet, onSale: () => undefined }));
    expect(text(b)).toContain('Refund due $5.00');
    for (const html of [a, b]) {
      expect(html).toContain('data-testid="excess-pin"');
      expect(html).toContain('data-testid="refund-excess"');
    }
    expect(render(createElement(ExcessPanel, { sale: sale(), onSale: () => undefined }))).toBe('');
  });
});

// The exchange credit and the returned lines on paper (docs/register.md "Returns and exchanges"): a sale paid partly
// by an exchange credit prints the credit as its own row, "Exchange credit, sale #N −$x.xx", between the total and
// the tenders; a refund slip of returned lines lists each line that came back, its quantity and what it was worth.
// Laid out to 48 and 32 columns, in English and French, and encoded to ESC/POS and decoded apart.
import { describe, expect, it } from 'vitest';
import type { SaleView } from '../../preload/contract.js';
import { encodeDocument, type PrinterFormat } from '../../main/receipts/escpos-encode.js';
import { refundSlip, saleReceipt, type StoreFacts } from '../../main/receipts/receipt-document.js';
import { displayWidth, layoutLines, receiptText } from '../../main/receipts/receipt-text.js';
import { decodeEscPos, printedText } from '../support/escpos-decoder.js';

const STORE: StoreFacts = { name: 'Café Noël', address: 'Toronto ON', terminalId: 'T1', gstNumber: null, qstNumber: null, timeZone: 'America/Toronto', training: false };
const AT = Date.UTC(2026, 10, 23, 15, 30);

function attempt(over: Partial<SaleView['attempts'][number]>): SaleView['attempts'][number] {
  return {
    id: 7, saleId: 43, tender: 'cash', channel: 'CASH', amountCents: 1130, currency: 'CAD', state: 'succeeded', needsAction: false, phase: 'paid', reason: null,
    released: false, mchOrderNo: 'X', codeLast4: null, failureCode: null, failureMessage: null, cashTenderedCents: 2000, changeCents: 870, roundingCents: 0, createdAt: AT, ...over,
  };
}

const line = (lineNo: number, sku: string, name: string, cents: number) =>
  ({ lineNo, sku, name, unitPriceCents: cents, quantity: 1, lineTotalCents: cents, taxClass: 'standard', discountCents: 0, lineDiscount: null, catalogPriceCents: null, returnedQuantity: 0 }) as SaleView['lines'][number];

/** Sale #43: a $20.00 cake, $22.60 with HST; $11.30 paid by the cake returned from sale #42, $11.30 in cash. */
function credited(over: Partial<SaleView> = {}): SaleView {
  return {
    id: 43, status: 'paid', currency: 'CAD', cashier: 'alice', subtotalCents: 2000, pricesIncludeTax: false, totalCents: 2260, paidCents: 2260, dueCents: 0, heldCents: 0,
    holdingAttemptId: null, overpaidCents: 0, changeCents: 870, roundingCents: 0, cashDueCents: 0, createdAt: AT, discountCents: 0, saleDiscount: null,
    taxes: [{ code: 'HST', ratePer100k: 13_000, rateLabel: '13%', baseCents: 2000, amountCents: 260 }],
    lines: [line(1, 'CAKE-L', 'Gâteau (grand)', 2000)], attempts: [attempt({})], refunds: [],
    credits: [{ returnId: 3, fromSaleId: 42, amountCents: 1130 }], ...over,
  } as SaleView;
}

/** Sale #42 with its tea and cake; the cake returned on refund 9, in cash. */
function returned(): SaleView {
  return {
    ...credited({ id: 42, totalCents: 1639, subtotalCents: 1450, credits: [] }),
    lines: [line(1, 'TEA', 'Thé vert', 450), line(2, 'CAKE', 'Gâteau', 1000)],
    attempts: [attempt({ id: 5, saleId: 42, amountCents: 1640 })],
    refunds: [{ id: 9, attemptId: 5, mchRefundNo: 'R9', amountCents: 1130, state: 'succeeded', reason: 'wrong size', createdAt: AT, returnId: 3, lines: [{ lineNo: 2, quantity: 1, amountCents: 1130 }] }],
  } as SaleView;
}

const FR48: PrinterFormat = { columns: 48, codepage: 'cp863', language: 'esc-pos', cjk: false };

describe('the exchange credit on the receipt', () => {
  it('is its own row, with the sale it came from, after the total and before the tenders, in 48 and 32 columns', () => {
    for (const columns of [48, 32] as const) {
      const lines = layoutLines(saleReceipt(STORE, credited(), { locale: 'en-CA', printedAt: AT }), columns);
      for (const l of lines) expect(displayWidth(l.text), l.text).toBe(columns);
      // 48 columns hold it on one line; 32 wrap the words (receipt-text.ts) and keep the amount flush right on the first.
      const credit = lines.filter((l) => l.role === 'credit').map((l) => l.text.trim());
      if (columns === 48) expect(credit).toEqual([expect.stringMatching(/^Exchange credit, sale #42 +−\$11\.30$/)]);
      else {
        expect(credit[0]).toMatch(/^Exchange credit, sale +−\$11\.30$/);
        expect(credit.slice(1).join(' ')).toBe('#42');
      }
      const roles = lines.map((l) => l.role);
      expect(roles.indexOf('total')).toBeLessThan(roles.indexOf('credit'));
      expect(roles.indexOf('credit')).toBeLessThan(roles.indexOf('tender'));
    }
  });

  it('in French, printed through the code page with its accents', () => {
    const doc = saleReceipt(STORE, credited(), { locale: 'fr-CA', printedAt: AT });
    expect(receiptText(doc, 48)).toMatch(/Crédit d.échange, vente no 42 +−11,30\s\$/);
    expect(printedText(decodeEscPos(encodeDocument(doc, FR48))).some((l) => l.includes("Crédit d'échange, vente no 42"))).toBe(true);
  });

  it('a sale without an exchange prints no credit row', () => {
    const doc = saleReceipt(STORE, credited({ credits: [] }), { locale: 'en-CA', printedAt: AT });
    expect(doc.rows.some((r) => r.kind !== 'rule' && r.kind !== 'code' && r.role === 'credit')).toBe(false);
    expect(receiptText(doc, 48)).not.toContain('Exchange credit');
  });
});

describe('the refund slip of returned lines', () => {
  it('lists what came back: each line, its quantity and its worth, then the reason', () => {
    const text = receiptText(refundSlip(STORE, returned(), 9, { locale: 'en-CA', printedAt: AT }), 48);
    expect(text).toContain('Items returned');
    expect(text).toMatch(/1 × Gâteau +\$11\.30/);
    expect(text).not.toContain('Thé vert');
    expect(text.indexOf('Items returned')).toBeLessThan(text.indexOf('Reason: wrong size'));
  });

  it('an exchange\'s slip says what part of the value paid the new sale instead', () => {
    const sale = returned();
    const exchanged = { ...sale, refunds: sale.refunds.map((r) => ({ ...r, amountCents: 565, credit: { saleId: 43, amountCents: 565 } })) } as SaleView;
    const text = receiptText(refundSlip(STORE, exchanged, 9, { locale: 'en-CA', printedAt: AT }), 48);
    expect(text).toMatch(/Refunded · Cash +−\$5\.65/);
    expect(text).toMatch(/1 × Gâteau +\$11\.30/);
    expect(text).toMatch(/Credited to sale #43 +\$5\.65/);
    expect(receiptText(refundSlip(STORE, exchanged, 9, { locale: 'fr-CA', printedAt: AT }), 48)).toContain('Porté au crédit de la vente no 43');
    expect(receiptText(refundSlip(STORE, returned(), 9, { locale: 'en-CA', printedAt: AT }), 48)).not.toContain('Credited to');
  });

  it('an amount refund (no return) lists no lines', () => {
    const sale = returned();
    const plain = { ...sale, refunds: sale.refunds.map((r) => ({ ...r, returnId: null, lines: [] })) } as SaleView;
    const text = receiptText(refundSlip(STORE, plain, 9, { locale: 'en-CA', printedAt: AT }), 48);
    expect(text).not.toContain('Items returned');
    expect(text).toContain('Refunded');
  });
});

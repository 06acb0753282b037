// The Z slip's shifts and parked sales (docs/printing.md "The Z at the close"): each shift with who opened and closed
// it, expected, counted, the variance signed and who approved it; "Still open" for an open one; the parked sales;
// nothing of either when there is none; every line within the paper's columns, in the three languages; é in cp863.
import { describe, expect, it } from 'vitest';
import { encodeDocument } from '../../main/receipts/escpos-encode.js';
import { zReportSlip, type StoreFacts } from '../../main/receipts/receipt-document.js';
import { displayWidth, layoutLines } from '../../main/receipts/receipt-text.js';
import type { Locale } from '../../preload/locales.js';
import { decodeEscPos, printedText } from '../support/escpos-decoder.js';

const STORE: StoreFacts = { name: 'Café Noël', address: '', terminalId: 'T1', gstNumber: null, qstNumber: null, timeZone: 'America/Toronto', training: true };
const AT = Date.UTC(2026, 11, 1, 15, 30);
const Z = {
  zNumber: 4, storeDay: '2026-12-01', expectedCashCents: 1130, countedCashCents: 1130, differenceCents: 0, cashCurrency: 'CAD', eventCount: 30, headHash: 'cd'.repeat(32),
  register: [{ currency: 'CAD', salesCount: 1, netSalesCents: 1000, refundedNetCents: 0, discountCents: 0, taxes: [{ code: 'HST' as const, collectedCents: 130, refundedCents: 0 }], taxCollectedCents: 130, taxRefundedCents: 0, roundingCents: 0 }],
  shifts: [
    { id: 1, currency: 'CAD', openedBy: 'Émilie Tremblay', closedBy: 'Émilie Tremblay', expectedCents: 11_630, countedCents: 11_000, varianceCents: -630, varianceApprovedBy: 'Manager' },
    { id: 2, currency: 'CAD', openedBy: 'Bob', closedBy: null, expectedCents: 10_000, countedCents: null, varianceCents: null, varianceApprovedBy: null },
    { id: 3, currency: 'CAD', openedBy: 'Ann', closedBy: 'Ann', expectedCents: 5_000, countedCents: 5_025, varianceCents: 25, varianceApprovedBy: null },
  ],
  parkedSales: [{ saleId: 9, cashier: 'Bob', currency: 'CAD', totalCents: 4520 }],
};
const lines = (locale: Locale, columns: number, z: Parameters<typeof zReportSlip>[1] = Z) => layoutLines(zReportSlip(STORE, z, { locale, printedAt: AT }), columns).map((l) => l.text.trimEnd());
const squeeze = (l: string) => l.trim().replace(/ {2,}/g, '  ');

describe('the Z slip\'s shifts and parked sales', () => {
  it('prints each shift with its figures and the parked sales, in en-CA', () => {
    const l = lines('en-CA', 48).map(squeeze);
    const at = l.indexOf('SHIFTS');
    expect(l.slice(at, at + 16)).toEqual([
      'SHIFTS',
      'Shift #1 · Émilie Tremblay', 'Closed by Émilie Tremblay', 'Expected  $116.30', 'Counted  $110.00', 'Variance  -$6.30', 'Approved by Manager',
      'Shift #2 · Bob', 'Still open', 'Expected  $100.00',
      'Shift #3 · Ann', 'Closed by Ann', 'Expected  $50.00', 'Counted  $50.25', 'Variance  +$0.25', '-'.repeat(48),
    ]);
    expect(l).toContain('PARKED SALES (NOT COUNTED)');
    expect(l).toContain('Sale #9 · Bob  $45.20');
    expect(l.indexOf('PARKED SALES (NOT COUNTED)')).toBeGreaterThan(at);
    expect(l.findIndex((x) => x.startsWith('Seal '))).toBeGreaterThan(l.indexOf('Sale #9 · Bob  $45.20'));
  });

  it('says nothing of shifts or parked sales when there are none', () => {
    const l = lines('en-CA', 48, { ...Z, shifts: [], parkedSales: [] });
    expect(l.some((x) => x.includes('SHIFTS') || x.includes('PARKED'))).toBe(false);
    expect(l.some((x) => /^HST +\$1\.30$/.test(x.trim()))).toBe(true);
  });

  it('fits the paper in fr-CA and zh-CN at 32 and 48 columns; é prints in cp863', () => {
    for (const locale of ['fr-CA', 'zh-CN'] as const) {
      for (const columns of [32, 48]) for (const line of lines(locale, columns)) expect(displayWidth(line), `${locale} ${columns}: ${line}`).toBeLessThanOrEqual(columns);
    }
    const fr = lines('fr-CA', 48).map(squeeze);
    expect(fr).toContain('QUARTS');
    expect(fr).toContain('Quart no 2 · Bob');
    expect(fr).toContain('Encore ouvert');
    expect(fr).toContain('Approuvé par Manager');
    expect(fr).toContain('VENTES EN ATTENTE (NON COMPTÉES)');
    expect(lines('zh-CN', 48).map(squeeze)).toContain('班次');
    const paper = printedText(decodeEscPos(encodeDocument(zReportSlip(STORE, Z, { locale: 'fr-CA', printedAt: AT }), { columns: 48, codepage: 'cp863', language: 'esc-pos', cjk: false }))).map(squeeze);
    expect(paper).toContain('Fermé par Émilie Tremblay');
    expect(paper[0]).toBe('FORMATION - REÇU NON VALIDE');
  });
});

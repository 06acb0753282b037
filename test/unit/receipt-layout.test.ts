// The receipt document, its text layout and its ESC/POS bytes, decoded back by a decoder written apart from the
// encoder (test/support/escpos-decoder.ts): each line's text, the code page and the French accents in it, the
// barcode of the sale, the drawer pulse first and the cut last, Chinese in CJK mode or as the SKU, never garbage.
import { describe, expect, it } from 'vitest';
import type { SaleView } from '../../preload/contract.js';
import { encodeDocument, encodeDrawerKick, type PrinterFormat } from '../../main/receipts/escpos-encode.js';
import { refundSlip, saleReceipt, testPage, zReportSlip, type StoreFacts } from '../../main/receipts/receipt-document.js';
import { displayWidth, layoutLines, receiptText } from '../../main/receipts/receipt-text.js';
import { decodeEscPos, indexOfOp, printedText } from '../support/escpos-decoder.js';

const STORE: StoreFacts = { name: 'Café Noël', address: '12 rue Sainte-Catherine\nMontréal QC', terminalId: 'T1', gstNumber: '123456789RT0001', qstNumber: null, timeZone: 'America/Toronto', training: false };
const AT = Date.UTC(2026, 10, 23, 15, 30);

function attempt(over: Partial<SaleView['attempts'][number]>): SaleView['attempts'][number] {
  return {
    id: 1, saleId: 42, tender: 'cash', channel: 'CASH', amountCents: 1440, currency: 'CAD', state: 'succeeded', needsAction: false, phase: 'paid', reason: null,
    released: false, mchOrderNo: 'X', codeLast4: null, failureCode: null, failureMessage: null, cashTenderedCents: 2000, changeCents: 560, roundingCents: -1, createdAt: AT, ...over,
  };
}

/** A sale line; the fields other parts of the sale added (discounts, returns) at their empty values. */
function line(over: { lineNo: number; sku: string; name: string; unitPriceCents: number; quantity: number; lineTotalCents: number; discountCents?: number; lineDiscount?: unknown }): SaleView['lines'][number] {
  return { taxClass: 'standard', discountCents: 0, lineDiscount: null, catalogPriceCents: null, ...over } as SaleView['lines'][number];
}

function sale(over: Partial<SaleView> = {}): SaleView {
  return {
    id: 42, status: 'paid', currency: 'CAD', cashier: 'alice', subtotalCents: 1275, pricesIncludeTax: false, totalCents: 1441, paidCents: 1441, dueCents: 0, heldCents: 0,
    holdingAttemptId: null, overpaidCents: 0, changeCents: 560, roundingCents: -1, cashDueCents: 0, createdAt: AT,
    taxes: [{ code: 'HST', ratePer100k: 13_000, rateLabel: '13%', baseCents: 1275, amountCents: 166 }],
    lines: [
      line({ lineNo: 1, sku: 'LATTE', name: 'Crème brûlée latte', unitPriceCents: 475, quantity: 2, lineTotalCents: 950 }),
      line({ lineNo: 2, sku: 'TEA-01', name: '龙井茶', unitPriceCents: 325, quantity: 1, lineTotalCents: 325 }),
    ],
    attempts: [attempt({})], refunds: [], discountCents: 0, saleDiscount: null, ...over,
  } as SaleView;
}

const FR48: PrinterFormat = { columns: 48, codepage: 'cp863', language: 'esc-pos', cjk: false };

describe('the receipt document and its layout', () => {
  it('lays every line out to the paper width, amounts flush right, for 48 and 32 columns', () => {
    for (const columns of [48, 32] as const) {
      const doc = saleReceipt(STORE, sale(), { locale: 'en-CA', printedAt: AT });
      const lines = layoutLines(doc, columns);
      for (const l of lines) expect(displayWidth(l.text), l.text).toBe(columns);
      const total = lines.find((l) => l.role === 'total');
      expect(total?.text.startsWith('Total')).toBe(true);
      expect(total?.text.endsWith('$14.41')).toBe(true);
    }
  });

  it('has the store, the sale, each tax, the rounding, the tender, the change and the receipt code', () => {
    const text = receiptText(saleReceipt(STORE, sale(), { locale: 'en-CA', printedAt: AT }), 48);
    for (const part of ['Café Noël', 'Montréal QC', 'GST/HST no. 123456789RT0001', 'Terminal T1', 'Sale #42', 'Cashier alice', '2 × Crème brûlée latte', '@ $4.75', 'HST 13%', '$1.66', 'Rounding', '−$0.01', 'Cash', 'Cash received', '$20.00', 'Change due', '$5.60', '|RT1-42|']) {
      expect(text, part).toContain(part);
    }
    expect(text).not.toContain('TRAINING');
    expect(text).not.toContain('REPRINT');
    // Every line taxed: the subtotal is the taxable subtotal, and the tax line names no other base.
    expect(text).not.toContain('HST 13% on');
  });

  it('names a tax\'s taxable base when it is not the whole subtotal (a zero-rated line, Quebec\'s two bases)', () => {
    const mixed = sale({
      subtotalCents: 1575, totalCents: 1741,
      taxes: [{ code: 'HST', ratePer100k: 13_000, rateLabel: '13%', baseCents: 1275, amountCents: 166 }],
      lines: [...sale().lines, line({ lineNo: 3, sku: 'MILK', name: 'Milk', unitPriceCents: 300, quantity: 1, lineTotalCents: 300 })],
    });
    for (const columns of [48, 32] as const) {
      const tax = layoutLines(saleReceipt(STORE, mixed, { locale: 'en-CA', printedAt: AT }), columns).find((l) => l.role === 'tax');
      expect(tax?.text.startsWith('HST 13% on $12.75'), tax?.text).toBe(true);
      expect(tax?.text.endsWith('$1.66')).toBe(true);
    }
    const quebec = sale({
      subtotalCents: 1575, totalCents: 1838,
      taxes: [{ code: 'GST', ratePer100k: 5_000, rateLabel: '5%', baseCents: 1575, amountCents: 79 }, { code: 'QST', ratePer100k: 9_975, rateLabel: '9.975%', baseCents: 1275, amountCents: 127 }],
    });
    // French money and percents carry no-break spaces; compared as plain spaces.
    const fr = receiptText(saleReceipt(STORE, quebec, { locale: 'fr-CA', printedAt: AT }), 48).replace(/[\u00a0\u202f]/g, ' ');
    expect(fr).toMatch(/TPS 5 %\s+0,79 \$/);
    expect(fr).toContain('TVQ 9,975 % sur 12,75 $');
  });

  it('shows a line discount where the sale line has one, and wallet tenders by name with their last 4 digits', () => {
    const withDiscount = sale({ lines: [line({ lineNo: 1, sku: 'LATTE', name: 'Latte', unitPriceCents: 500, quantity: 1, lineTotalCents: 500, discountCents: 50, lineDiscount: { kind: 'amount', value: 50, cents: 50, reason: null, approvedBy: null } })], saleDiscount: { kind: 'pct', value: 10, cents: 45, reason: null, approvedBy: null }, attempts: [attempt({ tender: 'wallet_scan', channel: 'WX_MICROPAY', codeLast4: '1234', cashTenderedCents: null, changeCents: null, roundingCents: 0 })] });
    const text = receiptText(saleReceipt(STORE, withDiscount, { locale: 'en-CA', printedAt: AT }), 48);
    expect(text).toMatch(/ {4}Discount\s+−\$0\.50/);
    expect(text).toMatch(/^Discount\s+−\$0\.45$/m);
    expect(text).toContain('WeChat Pay ****1234');
    expect(text).not.toContain('WX_MICROPAY');
  });

  it('says TRAINING at the top and the bottom, and REPRINT on a reprint', () => {
    const lines = receiptText(saleReceipt({ ...STORE, training: true }, sale(), { locale: 'en-CA', printedAt: AT, reprint: true }), 48).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines[0]).toBe('TRAINING - NOT A VALID RECEIPT');
    expect(lines[1]).toBe('*** REPRINT ***');
    expect(lines.at(-1)).toBe('TRAINING - NOT A VALID RECEIPT');
  });

  it('speaks the store language: fr-CA and zh-CN labels', () => {
    const fr = receiptText(saleReceipt(STORE, sale(), { locale: 'fr-CA', printedAt: AT }), 48);
    expect(fr).toContain('Vente no 42');
    expect(fr).toContain('Monnaie à rendre');
    expect(fr.replace(/[\u00a0\u202f]/g, ' ')).toContain('14,41 $');
    const zh = receiptText(saleReceipt(STORE, sale(), { locale: 'zh-CN', printedAt: AT }), 48);
    expect(zh).toContain('应找零');
    expect(zh).toContain('销售单 #42');
  });

  it('prints a refund slip, a Z report and a test page', () => {
    const refunded = sale({ refunds: [{ id: 7, attemptId: 1, mchRefundNo: 'R1', amountCents: 500, state: 'succeeded', reason: 'damaged cup', createdAt: AT }] });
    const slip = receiptText(refundSlip(STORE, refunded, 7, { locale: 'en-CA', printedAt: AT }), 32);
    expect(slip).toContain('REFUND');
    expect(slip).toMatch(/Refunded · Cash\s+−\$5\.00/);
    expect(slip).toContain('Reason: damaged cup');
    const z = receiptText(zReportSlip(STORE, { zNumber: 3, storeDay: '2026-11-23', expectedCashCents: 1440, countedCashCents: 1400, differenceCents: -40, cashCurrency: 'CAD', eventCount: 12, headHash: 'ab'.repeat(32), register: [{ currency: 'CAD', salesCount: 1, netSalesCents: 1275, refundedNetCents: 0, discountCents: 0, taxes: [{ code: 'HST', collectedCents: 166, refundedCents: 0 }], taxCollectedCents: 166, taxRefundedCents: 0, roundingCents: -1 }] }, { locale: 'en-CA', printedAt: AT }), 48);
    for (const part of ['Z REPORT', 'Z #3', 'Net sales', '$12.75', 'Expected cash', 'Difference', '-$0.40', 'Seal 12:abababababababab']) expect(z, part).toContain(part);
    const test = receiptText(testPage(STORE, { columns: 32, codepage: 'cp863' }, { locale: 'fr-CA', printedAt: AT }), 32);
    expect(test).toContain("TEST D'IMPRIMANTE");
    expect(test).toContain('Accents : é è ê à ç ô û É À Ç');
  });
});

describe('ESC/POS bytes, decoded', () => {
  it('starts with init and the chosen code page, prints each line, the barcode centred, and cuts last', () => {
    const doc = saleReceipt(STORE, sale(), { locale: 'fr-CA', printedAt: AT });
    const d = decodeEscPos(encodeDocument(doc, FR48));
    expect(d.commands[0]).toEqual({ op: 'init' });
    expect(d.commands.find((c) => c.op === 'codepage')).toEqual({ op: 'codepage', n: 4 });
    const expected = layoutLines(doc, 48, () => true).filter((l) => l.kind === 'text').map((l) => l.text.trimEnd()).filter((l) => !l.includes('龙井茶'));
    const printed = printedText(d);
    // cp863 has no × and no code page has −: the encoder prints their look-alikes x and - (escpos-encode.ts LOOK_ALIKES).
    for (const line of expected) expect(printed, line).toContain(line.replace(/[\u202f\u00a0]/g, ' ').replace('×', 'x').replace('−', '-'));
    expect(d.undecodable).toBe(0);
    const barcode = d.commands.findIndex((c) => c.op === 'barcode');
    expect(d.commands[barcode]).toEqual({ op: 'barcode', symbology: 73, data: 'RT1-42' });
    expect(d.commands.slice(0, barcode).reverse().find((c) => c.op === 'align')).toEqual({ op: 'align', value: 'center' });
    expect(d.commands.filter((c) => c.op === 'cut')).toHaveLength(1);
    expect(d.commands.at(-1)?.op === 'cut' || d.commands.slice(indexOfOp(d, 'cut') + 1).every((c) => c.op === 'line' && c.text === '')).toBe(true);
    expect(indexOfOp(d, 'pulse')).toBe(-1);
  });

  it('French accents arrive in the code page chosen: cp863, cp858 and windows-1252 bytes', () => {
    const doc = testPage(STORE, { columns: 48, codepage: 'x' }, { locale: 'fr-CA', printedAt: AT });
    for (const [codepage, n, eAcute] of [['cp863', 4, 0x82], ['cp858', 19, 0x82], ['windows1252', 16, 0xe9]] as const) {
      const bytes = encodeDocument(doc, { ...FR48, codepage });
      const d = decodeEscPos(bytes);
      expect(d.commands.find((c) => c.op === 'codepage'), codepage).toEqual({ op: 'codepage', n });
      expect(printedText(d), codepage).toContain('Accents : é è ê à ç ô û É À Ç');
      expect(d.undecodable, codepage).toBe(0);
      expect([...bytes].includes(eAcute), codepage).toBe(true);
      expect(printedText(d).some((l) => l.includes('Café Noël')), codepage).toBe(true);
    }
  });

  it('puts the drawer pulse before the first printed line when asked, and alone for "open drawer"', () => {
    const d = decodeEscPos(encodeDocument(saleReceipt(STORE, sale(), { locale: 'en-CA', printedAt: AT }), FR48, { kickDrawer: true }));
    expect(indexOfOp(d, 'pulse')).toBeGreaterThan(-1);
    expect(indexOfOp(d, 'pulse')).toBeLessThan(d.commands.findIndex((c) => c.op === 'line' && c.text.trim() !== ''));
    const kick = decodeEscPos(encodeDrawerKick(FR48));
    expect(kick.commands.filter((c) => c.op !== 'init' && c.op !== 'font' && c.op !== 'cjk' && c.op !== 'codepage')).toEqual([{ op: 'pulse', pin: 2, onMs: 100, offMs: 500 }]);
    expect(printedText(kick)).toEqual([]);
  });

  it('prints a Chinese name in CJK mode where the printer has it, and as its SKU where it has not: never garbage', () => {
    const doc = saleReceipt(STORE, sale(), { locale: 'en-CA', printedAt: AT });
    const cjk = decodeEscPos(encodeDocument(doc, { ...FR48, cjk: true }));
    expect(printedText(cjk).some((l) => /^1 × 龙井茶 +\$3\.25$/.test(l))).toBe(true);
    expect(cjk.commands.some((c) => c.op === 'cjk' && c.on)).toBe(true);
    const plain = decodeEscPos(encodeDocument(doc, FR48));
    expect(printedText(plain).some((l) => /^1 x TEA-01 +\$3\.25$/.test(l))).toBe(true);
    expect(plain.commands.some((c) => c.op === 'cjk' && c.on)).toBe(false);
    expect(plain.undecodable).toBe(0);
    expect(printedText(plain).join('\n')).not.toContain('?');
  });

  it('StarPRNT printers get the encoder Star commands: no ESC/POS cut or pulse bytes', () => {
    const bytes = encodeDocument(saleReceipt(STORE, sale(), { locale: 'en-CA', printedAt: AT }), { ...FR48, language: 'star-prnt', codepage: 'cp858' }, { kickDrawer: true });
    const hex = Buffer.from(bytes).toString('hex');
    expect(hex.startsWith('1b40')).toBe(true);
    expect(hex).not.toContain('1d5601'); // ESC/POS partial cut
    expect(hex).not.toContain('1b700032fa'); // ESC/POS pulse
    expect(hex).toContain('1b07'); // StarPRNT drawer: BEL timing then BEL
    expect(Buffer.from(bytes).toString('latin1')).toContain('Total');
  });

  it('a zh-CN receipt on a printer without CJK drops what it cannot print instead of printing question marks', () => {
    const d = decodeEscPos(encodeDocument(saleReceipt(STORE, sale(), { locale: 'zh-CN', printedAt: AT }), FR48));
    expect(printedText(d).join('\n')).not.toContain('?');
    expect(d.undecodable).toBe(0);
    expect(printedText(d).some((l) => l.includes('$14.41'))).toBe(true);
  });
});

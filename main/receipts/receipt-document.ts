// The receipt as a document: rows of words and amounts, before any paper width or printer language. One builder
// per slip (sale receipt, refund slip, Z report, test page); the printer (escpos-encode.ts), `pos charge` and the
// on-screen receipt (renderer/shared/ReceiptView.tsx through receipt:document) all lay out these same rows, so
// what the customer holds and what the screen shows cannot disagree. Pure: the caller passes the sale as the
// screens see it (SaleView), the store's facts and the time.
import type { ChannelResponse, SaleView } from '../../preload/contract.js';
import type { Locale } from '../../preload/locales.js';
import { receiptCode } from '../../preload/receipt-code.js';
import { receiptWords, tenderWords, type ReceiptWords } from './receipt-words.js';

/** What a row is, for the screen's test ids and styles; the printer only reads `kind`. */
export type RowRole =
  | 'store' | 'address' | 'registration' | 'training' | 'reprint' | 'title' | 'meta' | 'line' | 'line-detail' | 'discount'
  | 'subtotal' | 'tax' | 'total' | 'taxes-included' | 'rounding' | 'tender' | 'credit' | 'change' | 'refund' | 'returned-line' | 'report' | 'test' | 'thanks';

export type ReceiptRow =
  | { kind: 'text'; text: string; align: 'left' | 'center'; bold?: boolean; tall?: boolean; role: RowRole }
  /** `fallback`: what prints when `left` has characters the printer cannot print (a Chinese name, no CJK font). */
  | { kind: 'pair'; left: string; right: string; bold?: boolean; role: RowRole; taxCode?: string; fallback?: string }
  | { kind: 'rule'; style: 'single' | 'double' }
  | { kind: 'code'; symbology: 'code128' | 'qr'; value: string };

export type DocumentKind = 'sale' | 'refund' | 'z-report' | 'test';

export interface ReceiptDocument {
  kind: DocumentKind;
  locale: Locale;
  training: boolean;
  reprint: boolean;
  rows: ReceiptRow[];
}

/** The store as a slip prints it (settings, as saved). */
export interface StoreFacts {
  name: string;
  address: string;
  terminalId: string;
  gstNumber: string | null;
  qstNumber: string | null;
  timeZone: string;
  training: boolean;
}

export interface SlipOptions {
  locale: Locale;
  /** A copy printed again: REPRINT at the top, with when. */
  reprint?: boolean;
  /** When this copy is printed (ms); a sale's own time is its createdAt. */
  printedAt: number;
}

/**
 * A sale line as the receipt reads it (migration 0120): `lineDiscount` is the line's own discount, printed under it;
 * the sale discount's share in `discountCents` is printed once, as the sale discount, above the subtotal.
 */
type Line = SaleView['lines'][number] & { discountCents?: number; lineDiscount?: { cents: number } | null };
/**
 * A sale as a slip reads it: each line may carry its product's `nameLatin` from the catalog (the printing service
 * looks the SKU up when it prints), which a printer without CJK prints for a Chinese name; without one, the SKU.
 */
export type SlipSale = Omit<SaleView, 'lines' | 'attempts'> & {
  lines: Array<SaleView['lines'][number] & { nameLatin?: string }>;
  /** A card tender's brand and last 4 as journaled from IOTPay's answer (main/journal/card-face-query.ts). */
  attempts: Array<SaleView['attempts'][number] & { card?: { brand: string | null; last4: string | null } }>;
};
type SlipAttempt = SlipSale['attempts'][number];

/** A tender as a slip names it: "Visa ****4242" for a card whose brand and last 4 IOTPay gave, else "Card", "WeChat Pay ****1234"… */
function tenderName(w: ReceiptWords, a: SlipAttempt): string {
  const last4 = a.card?.last4 ?? a.codeLast4;
  return `${a.card?.brand ?? tenderWords(w, a.tender, a.channel)}${last4 ? ` ****${last4}` : ''}`;
}
const fallbackName = (line: { sku: string; nameLatin?: string } | undefined, otherwise: string | number): string => line?.nameLatin ?? line?.sku ?? String(otherwise);
type Discounted = SaleView & { saleDiscount?: { cents: number } | null };

export function formatMoney(cents: number, currency: string, locale: Locale): string {
  // Division only for display: the text never goes back into a sale (docs/style.md, float money).
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 10 ** digits);
}

export function formatTime(ms: number, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms);
}

function taxLabel(w: ReceiptWords, code: string, ratePer100k: number, locale: Locale): string {
  const rate = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(ratePer100k / 100_000);
  return `${w.tax[code] ?? code} ${rate}`;
}

const text = (t: string, role: RowRole, extra: { align?: 'left' | 'center'; bold?: boolean; tall?: boolean } = {}): ReceiptRow => ({ kind: 'text', text: t, align: extra.align ?? 'left', role, ...(extra.bold ? { bold: true } : {}), ...(extra.tall ? { tall: true } : {}) });
const pair = (left: string, right: string, role: RowRole, extra: { bold?: boolean; taxCode?: string; fallback?: string } = {}): ReceiptRow => ({ kind: 'pair', left, right, role, ...extra });
const rule = (style: 'single' | 'double' = 'single'): ReceiptRow => ({ kind: 'rule', style });

/** The head every slip shares: TRAINING, REPRINT, the store, its address and registration numbers. */
function head(store: StoreFacts, w: ReceiptWords, title: string, o: SlipOptions): ReceiptRow[] {
  const rows: ReceiptRow[] = [];
  if (store.training) rows.push(text(w.training, 'training', { align: 'center', bold: true, tall: true }));
  if (o.reprint) rows.push(text(`*** ${w.reprint} ***`, 'reprint', { align: 'center', bold: true, tall: true }));
  if (store.name) rows.push(text(store.name, 'store', { align: 'center', bold: true, tall: true }));
  for (const part of store.address.split('\n').map((s) => s.trim()).filter(Boolean)) rows.push(text(part, 'address', { align: 'center' }));
  if (store.gstNumber) rows.push(text(w.gstNumber(store.gstNumber), 'registration', { align: 'center' }));
  if (store.qstNumber) rows.push(text(w.qstNumber(store.qstNumber), 'registration', { align: 'center' }));
  rows.push(text(title, 'title', { align: 'center', bold: true }));
  return rows;
}

/** The foot every slip shares: when a reprint was printed, and TRAINING again at the bottom. */
function foot(store: StoreFacts, w: ReceiptWords, o: SlipOptions): ReceiptRow[] {
  const rows: ReceiptRow[] = [];
  if (o.reprint) rows.push(text(`${w.reprint} · ${w.printedAt} ${formatTime(o.printedAt, o.locale, store.timeZone)}`, 'reprint', { align: 'center' }));
  if (store.training) rows.push(text(w.training, 'training', { align: 'center', bold: true, tall: true }));
  return rows;
}

function saleMeta(store: StoreFacts, w: ReceiptWords, sale: SaleView, cashier: string, o: SlipOptions): ReceiptRow[] {
  return [
    pair(`${w.terminal} ${store.terminalId}`, w.sale(sale.id), 'meta'),
    pair(`${w.cashier} ${cashier}`, formatTime(sale.createdAt, o.locale, store.timeZone), 'meta'),
  ];
}

function lineRows(sale: SlipSale, o: SlipOptions, w: ReceiptWords): ReceiptRow[] {
  const money = (c: number) => formatMoney(c, sale.currency, o.locale);
  const rows: ReceiptRow[] = [];
  for (const line of sale.lines as Array<Line & { nameLatin?: string }>) {
    const discount = line.lineDiscount === undefined ? (line.discountCents ?? 0) : (line.lineDiscount?.cents ?? 0);
    rows.push(pair(`${line.quantity} × ${line.name}`, money(line.lineTotalCents), 'line', { fallback: `${line.quantity} × ${fallbackName(line, line.sku)}` }));
    if (line.quantity > 1) rows.push(text(`    @ ${money(line.unitPriceCents)}`, 'line-detail'));
    if (discount > 0) rows.push(pair(`    ${w.discount}`, `−${money(discount)}`, 'discount'));
  }
  return rows;
}

function totalRows(sale: SaleView, o: SlipOptions, w: ReceiptWords): ReceiptRow[] {
  const money = (c: number) => formatMoney(c, sale.currency, o.locale);
  const rows: ReceiptRow[] = [];
  const saleDiscount = (sale as Discounted).saleDiscount?.cents ?? 0;
  if (saleDiscount > 0) rows.push(pair(w.discount, `−${money(saleDiscount)}`, 'discount'));
  if (sale.taxes.length > 0 || saleDiscount > 0) {
    rows.push(pair(w.subtotal, money(sale.subtotalCents), 'subtotal'));
    // The taxable subtotal: the subtotal when a tax applies to every line; otherwise (zero-rated or gst-only lines)
    // the tax's line names its own base, so the receipt shows what each tax was charged on (docs/printing.md).
    for (const tax of sale.taxes) {
      const label = taxLabel(w, tax.code, tax.ratePer100k, o.locale);
      const on = tax.baseCents === sale.subtotalCents ? label : `${label} ${w.taxOn(money(tax.baseCents))}`;
      rows.push(pair(on, money(tax.amountCents), 'tax', { taxCode: tax.code }));
    }
  }
  rows.push(pair(w.total, money(sale.totalCents), 'total', { bold: true }));
  if (sale.pricesIncludeTax && sale.taxes.length > 0) rows.push(text(w.taxesIncluded, 'taxes-included'));
  return rows;
}

function tenderRows(sale: SlipSale, o: SlipOptions, w: ReceiptWords): ReceiptRow[] {
  const money = (c: number) => formatMoney(c, sale.currency, o.locale);
  const paid = sale.attempts.filter((a) => a.phase === 'paid');
  const rows: ReceiptRow[] = [];
  // An exchange's credit pays the sale before any tender: its own row, the old sale it came from (docs/register.md).
  for (const c of sale.credits ?? []) rows.push(pair(w.exchangeCredit(c.fromSaleId), `−${money(c.amountCents)}`, 'credit'));
  // Cash rounding is its own line: the total, then what the 5¢ rounding changed, then the cash taken (docs/register.md).
  for (const a of paid.filter((x) => x.roundingCents !== 0)) rows.push(pair(w.rounding, `${a.roundingCents < 0 ? '−' : '+'}${money(Math.abs(a.roundingCents))}`, 'rounding'));
  for (const a of paid) {
    rows.push(pair(tenderName(w, a), money(a.amountCents), 'tender'));
    if (a.cashTenderedCents !== null) rows.push(pair(`  ${w.cashTendered}`, money(a.cashTenderedCents), 'tender'));
  }
  for (const a of paid.filter((x) => (x.changeCents ?? 0) > 0)) rows.push(pair(w.change, money(a.changeCents ?? 0), 'change', { bold: true }));
  for (const r of sale.refunds.filter((x) => x.state === 'succeeded')) {
    const from = sale.attempts.find((a) => a.id === r.attemptId);
    rows.push(pair(`${w.refund}${from ? ` · ${tenderWords(w, from.tender, from.channel)}` : ''}`, `−${money(r.amountCents)}`, 'refund'));
  }
  return rows;
}

/** A paid sale's receipt, with its receipt code as CODE 128 (preload/receipt-code.ts) for the refund screen's scanner. */
export function saleReceipt(store: StoreFacts, sale: SlipSale, o: SlipOptions): ReceiptDocument {
  const w = receiptWords(o.locale);
  const rows: ReceiptRow[] = [
    ...head(store, w, w.receipt, o), ...saleMeta(store, w, sale, sale.cashier, o), rule(),
    ...lineRows(sale, o, w), rule(), ...totalRows(sale, o, w), rule(), ...tenderRows(sale, o, w), rule(),
    { kind: 'code', symbology: 'code128', value: receiptCode({ terminalId: store.terminalId, saleId: sale.id }) },
    text(w.thanks, 'thanks', { align: 'center' }), ...foot(store, w, o),
  ];
  return { kind: 'sale', locale: o.locale, training: store.training, reprint: o.reprint === true, rows };
}

/** A refund's slip: the sale it came from, what was given back, to which tender, and why. */
export function refundSlip(store: StoreFacts, sale: SlipSale, refundId: number, o: SlipOptions): ReceiptDocument {
  const w = receiptWords(o.locale);
  const money = (c: number) => formatMoney(c, sale.currency, o.locale);
  const refund = sale.refunds.find((r) => r.id === refundId);
  const from = refund ? sale.attempts.find((a) => a.id === refund.attemptId) : undefined;
  const rows: ReceiptRow[] = [...head(store, w, w.refundSlip, o), ...saleMeta(store, w, sale, sale.cashier, o), rule()];
  if (refund) {
    rows.push(pair(`${w.refunded}${from ? ` · ${tenderName(w, from)}` : ''}`, `−${money(refund.amountCents)}`, 'refund', { bold: true }));
    // A refund of returned lines lists them (the same lines on each refund of a return split over tenders).
    if (refund.lines && refund.lines.length > 0) {
      rows.push(text(w.returnedItems, 'returned-line'));
      for (const l of refund.lines) {
        const line = sale.lines.find((x) => x.lineNo === l.lineNo);
        const name = line?.name ?? `#${l.lineNo}`;
        rows.push(pair(`  ${l.quantity} × ${name}`, money(l.amountCents), 'returned-line', { fallback: `  ${l.quantity} × ${fallbackName(line, l.lineNo)}` }));
      }
      // An exchange: the part of that value that paid the new sale rather than coming back here.
      if (refund.credit) rows.push(pair(w.creditedTo(refund.credit.saleId), money(refund.credit.amountCents), 'returned-line'));
    }
    rows.push(text(`${w.reason}: ${refund.reason}`, 'refund'));
    rows.push(text(formatTime(refund.createdAt, o.locale, store.timeZone), 'meta'));
  }
  rows.push(rule(), { kind: 'code', symbology: 'code128', value: receiptCode({ terminalId: store.terminalId, saleId: sale.id }) }, ...foot(store, w, o));
  return { kind: 'refund', locale: o.locale, training: store.training, reprint: o.reprint === true, rows };
}

type ZShift = Pick<NonNullable<ChannelResponse<'report:closeDay'>['shifts']>[number], 'id' | 'currency' | 'openedBy' | 'closedBy' | 'expectedCents' | 'countedCents' | 'varianceCents' | 'varianceApprovedBy'>;
type ZParked = Pick<ChannelResponse<'report:closeDay'>['parkedSales'][number], 'saleId' | 'cashier' | 'currency' | 'totalCents'>;
/** `shifts` (by name) and `parkedSales`: printed when there are any (docs/staff.md "On the Z", docs/register.md "Held sales"). */
type ZReport = Pick<ChannelResponse<'report:closeDay'>, 'zNumber' | 'storeDay' | 'expectedCashCents' | 'countedCashCents' | 'differenceCents' | 'cashCurrency' | 'eventCount' | 'headHash' | 'register'> & { shifts?: readonly ZShift[]; parkedSales?: readonly ZParked[] };

/** The Z's shifts, each with who opened and closed it, expected, counted and the variance (signed), then the parked sales. */
function zShiftRows(z: ZReport, o: SlipOptions, w: ReceiptWords): ReceiptRow[] {
  const rows: ReceiptRow[] = [];
  const signed = (c: number, currency: string) => `${c > 0 ? '+' : ''}${formatMoney(c, currency, o.locale)}`;
  if (z.shifts && z.shifts.length > 0) {
    rows.push(text(w.shifts, 'report', { bold: true }));
    for (const s of z.shifts) {
      const money = (c: number) => formatMoney(c, s.currency, o.locale);
      rows.push(text(w.shift(s.id, s.openedBy), 'report'), text(s.closedBy === null ? w.shiftStillOpen : w.shiftClosedBy(s.closedBy), 'report'));
      rows.push(pair(w.shiftExpected, money(s.expectedCents), 'report'));
      if (s.countedCents !== null) rows.push(pair(w.shiftCounted, money(s.countedCents), 'report'));
      if (s.varianceCents !== null) rows.push(pair(w.shiftVariance, signed(s.varianceCents, s.currency), 'report', { bold: s.varianceCents !== 0 }));
      if (s.varianceApprovedBy) rows.push(text(w.varianceApprovedBy(s.varianceApprovedBy), 'report'));
    }
    rows.push(rule());
  }
  if (z.parkedSales && z.parkedSales.length > 0) {
    rows.push(text(w.parkedSales, 'report', { bold: true }));
    for (const p of z.parkedSales) rows.push(pair(w.parkedSale(p.saleId, p.cashier), formatMoney(p.totalCents, p.currency, o.locale), 'report'));
    rows.push(rule());
  }
  return rows;
}

/** The Z report as printed at the day close: totals per currency, the cash count and the seal it was taken at. */
export function zReportSlip(store: StoreFacts, z: ZReport, o: SlipOptions): ReceiptDocument {
  const w = receiptWords(o.locale);
  const rows: ReceiptRow[] = [...head(store, w, w.zReport, o), pair(w.zNumber(z.zNumber), `${w.storeDay} ${z.storeDay}`, 'report'), pair(`${w.terminal} ${store.terminalId}`, formatTime(o.printedAt, o.locale, store.timeZone), 'report'), rule()];
  for (const r of z.register) {
    const money = (c: number) => formatMoney(c, r.currency, o.locale);
    rows.push(pair(w.salesCount, String(r.salesCount), 'report'), pair(w.netSales, money(r.netSalesCents), 'report'), pair(w.refunds, `−${money(r.refundedNetCents)}`, 'report'));
    const discounts = (r as { discountCents?: number }).discountCents ?? 0;
    if (discounts > 0) rows.push(pair(w.discount, `−${money(discounts)}`, 'report'));
    for (const t of r.taxes) rows.push(pair(w.tax[t.code] ?? t.code, money(t.collectedCents - t.refundedCents), 'report'));
    rows.push(pair(w.taxCollected, money(r.taxCollectedCents - r.taxRefundedCents), 'report'), pair(w.rounding, formatMoney(r.roundingCents, r.currency, o.locale), 'report'), rule());
  }
  const cash = (c: number) => formatMoney(c, z.cashCurrency, o.locale);
  rows.push(pair(w.expectedCash, cash(z.expectedCashCents), 'report'), pair(w.countedCash, cash(z.countedCashCents), 'report'), pair(w.difference, cash(z.differenceCents), 'report', { bold: true }), rule());
  rows.push(...zShiftRows(z, o, w));
  rows.push(text(`${w.seal} ${z.eventCount}:${z.headHash.slice(0, 16)}`, 'report'), ...foot(store, w, o));
  return { kind: 'z-report', locale: o.locale, training: store.training, reprint: o.reprint === true, rows };
}

/** The setup screen's test page: the width, the code page, the accents, a barcode, and (last) the cut. */
export function testPage(store: StoreFacts, setup: { columns: number; codepage: string }, o: SlipOptions): ReceiptDocument {
  const w = receiptWords(o.locale);
  const rows: ReceiptRow[] = [
    ...head(store, w, w.testPage, o), text(w.testLine, 'test', { align: 'center' }), text(w.accents, 'test'),
    pair(w.columns(setup.columns), `${w.codepage} ${setup.codepage}`, 'test'), text('1234567890'.repeat(Math.ceil(setup.columns / 10)).slice(0, setup.columns), 'test'),
    pair(`${w.terminal} ${store.terminalId}`, formatTime(o.printedAt, o.locale, store.timeZone), 'test'), rule(),
    { kind: 'code', symbology: 'code128', value: `R${store.terminalId}-1` }, ...foot(store, w, o),
  ];
  return { kind: 'test', locale: o.locale, training: store.training, reprint: false, rows };
}

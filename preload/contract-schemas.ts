// The shapes that cross the process boundary, as zod schemas. Money is integer cents everywhere. No schema has
// a key, secret or sign field: the merchant key never leaves main (docs/style.md §4). Response schemas are applied
// in main before anything is sent, so a field a handler adds by mistake is stripped, not leaked.
import { z } from 'zod';
import * as mgr from './manager-schemas.js';
import { ATTEMPT_REASONS, ATTEMPT_STATES, REFUND_STATES } from './payment-states.js';

export const cents = z.number().int().min(0).max(100_000_000_00);
export const positiveCents = cents.refine((n) => n > 0, 'must be more than zero');
const id = z.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-22');
/** A manager session token from `manager:unlock`; required by every manager channel. */
const session = z.object({ session: z.string().min(16).max(128) });
/** A manager's PIN typed at the till to approve one action there (an override, a line below what was paid). */
const pin = z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits');

export const empty = z.object({}).strict();

export const appInfo = z.object({
  training: z.boolean(),
  terminalId: z.string(),
  storeName: z.string(),
  currency: z.string(),
  locale: z.enum(['en-CA', 'fr-CA', 'zh-CN']),
  timeZone: z.string(),
  online: z.boolean(),
  /** Where the card form's script is served (IOTPay, or the training sandbox). */
  cardFormScriptUrl: z.string(),
  /** The keyboard-wedge detector's settings (settings.scanRules.wedge), read by the till screens at load. */
  wedge: mgr.wedgeView,
});

export const saleLine = z.object({ lineNo: z.number().int(), sku: z.string(), name: z.string(), unitPriceCents: cents, quantity: z.number().int(), lineTotalCents: cents });
export const attemptView = z.object({
  id, saleId: id, tender: z.enum(['wallet_scan', 'wallet_qr', 'card', 'cash']), channel: z.string(), amountCents: cents, currency: z.string(),
  state: z.enum(ATTEMPT_STATES), needsAction: z.boolean(),
  /** What a person sees (preload/payment-states.ts attemptPhase); `reason` says why it is not paid, as a code the screens word. */
  phase: z.enum(['working', 'checking', 'paid', 'not-paid']), reason: z.enum(ATTEMPT_REASONS).nullable(),
  /** A manager let the sale take another tender while this one was still checking; it no longer holds the sale. */
  released: z.boolean(),
  /** Technical detail for the manager's detail view only; till and customer screens never show it. */
  mchOrderNo: z.string(), codeLast4: z.string().nullable(), failureCode: z.string().nullable(), failureMessage: z.string().nullable(),
  cashTenderedCents: cents.nullable(), changeCents: cents.nullable(), createdAt: z.number(),
});
export const refundView = z.object({ id, attemptId: id, mchRefundNo: z.string(), amountCents: cents, state: z.enum(REFUND_STATES), reason: z.string(), createdAt: z.number() });
export const saleView = z.object({
  id, status: z.enum(['open', 'paid', 'voided']), currency: z.string(), cashier: z.string(), totalCents: cents,
  /** Paid by tenders that pay this sale, less what was refunded of them (main/checkout/sale-balance.ts). */
  paidCents: cents,
  /** Still owed: total − paid − what in-flight payments may still pay. */
  dueCents: cents,
  /** Held by payments still in flight (working or checking); while above 0 no other tender starts. */
  heldCents: cents,
  /** The attempt that holds the sale, if any. */
  holdingAttemptId: id.nullable(),
  /** Paid above the total (a late success, or lines a manager removed): change for cash, a refund for wallets and cards. */
  overpaidCents: cents,
  /** Cash change handed back on this sale's cash tenders. */
  changeCents: cents,
  createdAt: z.number(), lines: z.array(saleLine), attempts: z.array(attemptView), refunds: z.array(refundView),
});
export const product = z.object({ sku: z.string(), gtin: z.string(), name: z.string(), priceCents: cents });

export const qrChannel = z.enum(['WX_NATIVE', 'ALIPAY_QR', 'UPI_QR']);
/**
 * The QR the customer scans, as the `payment:qr` event carries it: the wallet's code URL only, nothing signed.
 * Times cross the boundary as durations from now, never as wall-clock instants, so a clock jump on either side
 * changes no countdown (docs/payments.md "Time").
 */
export const qrView = z.object({ attemptId: id, channel: z.string(), codeUrl: z.string(), amountCents: cents, currency: z.string(), expiresInMs: z.number() });
/**
 * The payment a till is waiting on right now, for a screen that (re)connects mid-payment: the in-flight attempt,
 * its QR while it is still valid, and how long main keeps waiting or checking. Null when nothing is in flight.
 */
export const livePayment = z.object({
  attempt: attemptView, qr: qrView.optional(), remainingMs: z.number().optional(), countdown: z.enum(['waiting', 'checking']).optional(),
}).nullable();

export const requests = {
  addItem: z.object({ sku: z.string().min(1).max(64), quantity: z.number().int().min(1).max(999).default(1) }),
  addCustom: z.object({ name: z.string().trim().min(1).max(64), amountCents: positiveCents }),
  /** `pin`: a manager approves taking the sale below what was already paid (docs/payments.md "A sale never dead-ends"). */
  setQuantity: z.object({ lineNo: z.number().int().min(1), quantity: z.number().int().min(1).max(999), pin: pin.optional() }),
  removeLine: z.object({ lineNo: z.number().int().min(1), pin: pin.optional() }),
  /** `pin`: a sale with payments is voided by refunding them, which a manager approves. */
  voidSale: z.object({ pin: pin.optional() }),
  /** A manager lets the sale take another tender although this attempt is still checking; journaled with who and why. */
  override: z.object({ attemptId: id, pin, reason: z.string().trim().min(3).max(200) }),
  /** Pays back what a sale holds above its total: cash as change, wallets and cards as refunds. */
  refundExcess: z.object({ pin }),
  search: z.object({ query: z.string().max(64) }),
  scan: z.object({ text: z.string().min(1).max(256), firstByteAt: z.number(), receivedAt: z.number() }),
  chargeByScan: z.object({ code: z.string().regex(/^\d{8,64}$/, 'must be the digits of a payment code'), amountCents: positiveCents.optional() }),
  chargeByQr: z.object({ channel: qrChannel, amountCents: positiveCents.optional() }),
  startCard: z.object({ amountCents: positiveCents.optional() }),
  attempt: z.object({ attemptId: id }),
  payCash: z.object({ tenderedCents: positiveCents, amountCents: positiveCents.optional() }),
  receipt: z.object({ saleId: id }),
  unlock: z.object({ pin: z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits') }),
  managerOnly: session,
  dailyTotals: session.extend({ date: day.optional() }),
  closeDay: session.extend({ date: day.optional(), countedCashCents: cents }),
  /** Empty: today's most recent paid sales. Else a sale number, merchant order number or a payment code's last 4 digits. */
  findSales: session.extend({ query: z.string().trim().max(40).default('') }),
  refund: session.extend({ attemptId: id, amountCents: positiveCents, reason: z.string().trim().min(3).max(200) }),
  resolve: session.extend({ attemptId: id, resolution: z.enum(['attached-to-sale', 'refunded', 'kept-as-unattached']) }),
  updateSettings: session.extend({
    terminalId: z.string().regex(/^[A-Z0-9]{2,8}$/).optional(),
    storeName: z.string().trim().max(64).optional(),
    storeTimeZone: z.string().min(1).max(64).optional(),
    locale: z.enum(['en-CA', 'fr-CA', 'zh-CN']).optional(),
    mchId: z.string().min(1).max(30).optional(),
    loginName: z.string().min(1).max(12).optional(),
    newPin: z.string().regex(/^\d{4,8}$/).optional(),
    timers: mgr.timersEdit.optional(),
    scanners: mgr.scannersEdit.optional(),
    wedge: mgr.wedgeEdit.optional(),
  }),
  /** Write-only: the key goes to the OS secret store and is never returned. */
  setMerchantKey: session.extend({ merchantKey: z.string().min(8).max(128) }),
  /** The store's default language: manager-only, behind the PIN session. */
  setLocale: session.extend({ locale: z.enum(['en-CA', 'fr-CA', 'zh-CN']) }),
};

export const hourlyBucket = z.object({ hour: z.number().int().min(0).max(23), grossCents: cents, count: z.number().int() });
export const totalsLine = z.object({ label: z.string(), currency: z.string(), grossCents: cents, refundCents: cents, netCents: z.number().int(), paymentCount: z.number().int(), refundCount: z.number().int() });

export const responses = {
  scannerDiscovery: mgr.scannerDiscovery,
  appInfo,
  sale: saleView,
  products: z.array(product),
  scanResult: z.object({ kind: z.enum(['payment', 'product', 'unknown']), detail: z.string() }),
  attempt: attemptView,
  livePayment,
  cardStart: z.object({ attempt: attemptView, secureId: z.string().nullable() }),
  cancelled: z.object({ cancelled: z.boolean() }),
  receipt: z.object({ storeName: z.string(), terminalId: z.string(), training: z.boolean(), sale: saleView, printedAt: z.number() }),
  unlocked: z.object({ session: z.string(), expiresAt: z.number() }),
  dailyTotals: z.object({
    storeDay: day, timeZone: z.string(), byChannel: z.array(totalsLine), byCashier: z.array(totalsLine), byCurrency: z.array(totalsLine),
    byHour: z.array(hourlyBucket), pendingCount: z.number().int(), needsActionCount: z.number().int(),
  }),
  zReport: z.object({ zNumber: z.number().int(), storeDay: day, expectedCashCents: z.number().int(), countedCashCents: cents, differenceCents: z.number().int(), cashCurrency: z.string() }),
  sales: z.array(saleView),
  refund: refundView,
  attempts: z.array(attemptView),
  settings: z.object({
    terminalId: z.string(), storeName: z.string(), storeTimeZone: z.string(), locale: z.string(), currency: z.string(),
    mode: z.enum(['training', 'live']), mchId: z.string().nullable(), loginName: z.string().nullable(),
    /** Whether a merchant key is stored; the key itself is never returned. */
    merchantKeyStored: z.boolean(), secretStoreAvailable: z.boolean(),
    timers: mgr.timersView, scanners: z.array(mgr.scannerView), wedge: mgr.wedgeView,
    /** Saved, but the running app still uses the value it started with. */
    pendingRestart: z.array(mgr.restartField),
  }),
  ok: z.object({ ok: z.literal(true) }),
  verify: z.object({ ok: z.boolean(), events: z.number().int(), firstBrokenSeq: z.number().int().nullable(), reason: z.string().nullable() }),
  scanners: z.object({
    devices: z.array(z.object({ deviceId: z.string(), state: z.string(), message: z.string().nullable() })),
    recent: z.array(mgr.recentScanView),
    stats: mgr.recentScanStats,
  }),
};

// The shapes that cross the process boundary, as zod schemas. Money is integer cents everywhere. No schema has
// a key, secret or sign field: the merchant key never leaves main (docs/style.md §4). Response schemas are applied
// in main before anything is sent, so a field a handler adds by mistake is stripped, not leaked.
import { z } from 'zod';
import * as mgr from './manager-schemas.js';
import { ERROR_CODES } from './error-codes.js';
import { shiftView } from './staff-schemas.js';
import { LOCALES } from './locales.js';
import { GST_NUMBER, QST_NUMBER } from './manager-limits.js';
import { MAX_CENTS } from './money-limits.js';
import { queueView as printQueueView } from './printing-schemas.js';
import { ATTEMPT_REASONS, ATTEMPT_STATES, REFUND_STATES } from './payment-states.js';
import { PROVINCE_CODES } from './provinces.js';

export const cents = z.number().int().min(0).max(MAX_CENTS);
export const positiveCents = cents.refine((n) => n > 0, 'must be more than zero');
const id = z.number().int().positive();
/** An instant as a screen reports it (Date.now() + performance.now() fractions): finite, within Date's range. */
const epochMs = z.number().min(0).max(8.64e15);
const MAX_SCAN_MS = 60_000;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-22');
/** A manager session token from `manager:unlock`; required by every manager channel. */
const session = z.object({ session: z.string().min(16).max(128) });
/** A manager's PIN typed at the till to approve one action there (an override, a line below what was paid). */
const pin = z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits');

export const empty = z.object({}).strict();

/** main/app/clock-watch.ts: the clock is behind the newest journal event, or jumped while the app ran; minutes to word it. */
export const clockBanner = z.object({ warning: z.enum(['behind-journal', 'jumped']).nullable(), minutes: z.number().int().min(0) });

export const appInfo = z.object({
  training: z.boolean(),
  terminalId: z.string(),
  storeName: z.string(),
  currency: z.string(),
  locale: z.enum(LOCALES),
  timeZone: z.string(),
  online: z.boolean(),
  /** Where the card form's script is served (IOTPay, or the training sandbox). */
  cardFormScriptUrl: z.string(),
  /** The keyboard-wedge detector's settings (settings.scanRules.wedge), read by the till screens at load. */
  wedge: mgr.wedgeView,
  /** The clock warning the cashier and manager screens show (the `app:clock` event carries changes); absent for the others. */
  clock: clockBanner.optional(),
});

/** A product's tax class and a tax's code, as main/shared/sales-tax.ts spells them (docs/register.md). */
export const taxClass = z.enum(['standard', 'gst-only', 'zero-rated', 'exempt']);
export const taxCode = z.enum(['GST', 'HST', 'PST', 'QST', 'RST']);
/**
 * A discount as given (docs/register.md "Discounts"): `pct` in hundredths of a percent (1 000 = 10%), `amount` in
 * cents; `cents` what it came to; `approvedBy` who approved it at the till (null: the cashier alone).
 */
export const givenDiscount = z.object({ kind: z.enum(['pct', 'amount']), value: z.number().int().positive(), cents, reason: z.string().nullable(), approvedBy: z.string().nullable() });
/**
 * `discountCents`: the line's whole discount, its own (`lineDiscount`) plus its share of the sale discount; the line
 * sells (and is taxed) for lineTotalCents − discountCents. `catalogPriceCents`: not null when the unit price was
 * overridden (the price before).
 */
export const saleLine = z.object({
  lineNo: z.number().int(), sku: z.string(), name: z.string(), unitPriceCents: cents, quantity: z.number().int(), lineTotalCents: cents, taxClass,
  discountCents: cents, lineDiscount: givenDiscount.nullable(), catalogPriceCents: cents.nullable(),
  /** Units taken back by returns (docs/register.md "Returns and exchanges"); absent: none. */
  returnedQuantity: z.number().int().min(0).optional(),
});
/** One tax of a sale, computed once on its base (before tax) and rounded half-up. `ratePer100k`: 9 975 is 9.975%. */
export const saleTax = z.object({ code: taxCode, ratePer100k: z.number().int().min(1).max(99_999), rateLabel: z.string(), baseCents: cents, amountCents: cents });
export const attemptView = z.object({
  id, saleId: id, tender: z.enum(['wallet_scan', 'wallet_qr', 'card', 'cash']), channel: z.string(), amountCents: cents, currency: z.string(),
  state: z.enum(ATTEMPT_STATES), needsAction: z.boolean(),
  /** What a person sees (preload/payment-states.ts attemptPhase); `reason` says why it is not paid, as a code the screens word. */
  phase: z.enum(['working', 'checking', 'paid', 'not-paid']), reason: z.enum(ATTEMPT_REASONS).nullable(),
  /** A manager let the sale take another tender while this one was still checking; it no longer holds the sale. */
  released: z.boolean(),
  /** Technical detail for the manager's detail view only; till and customer screens never show it. */
  mchOrderNo: z.string(), codeLast4: z.string().nullable(), failureCode: z.string().nullable(), failureMessage: z.string().nullable(),
  cashTenderedCents: cents.nullable(), changeCents: cents.nullable(),
  /** Cash only: what the 5¢ rounding added to the cash taken (amountCents); −2 when $10.02 was paid with $10.00. */
  roundingCents: z.number().int().min(-2).max(2),
  createdAt: z.number(),
});
export const refundView = z.object({
  id, attemptId: id, mchRefundNo: z.string(), amountCents: cents, state: z.enum(REFUND_STATES), reason: z.string(), createdAt: z.number(),
  /** The return this refund pays back, and that return's lines (the same on each refund of a return split over tenders). */
  returnId: id.nullable().optional(),
  lines: z.array(z.object({ lineNo: z.number().int().min(1), quantity: z.number().int().min(1), amountCents: cents })).optional(),
  /** An exchange's part of that return's value that paid a new sale instead of coming back (null: a plain return). */
  credit: z.object({ saleId: id, amountCents: cents }).nullable().optional(),
});
export const saleView = z.object({
  id, status: z.enum(['open', 'paid', 'voided']), currency: z.string(), cashier: z.string(),
  /** Before tax and after discounts: the lines' net, or with tax-inclusive prices that less the tax it includes. */
  subtotalCents: cents,
  /** Every discount of the sale (Σ lines' discountCents): line discounts and the sale discount spread over them. */
  discountCents: cents,
  /** The sale discount as given (its `cents` is part of discountCents); null: none. */
  saleDiscount: givenDiscount.nullable(),
  /** Each tax with a base, in receipt order; empty for an untaxed sale. subtotal + taxes = total. */
  taxes: z.array(saleTax),
  /** The store's prices include tax (settings.pricesIncludeTax): the lines add up to the total. */
  pricesIncludeTax: z.boolean(),
  totalCents: cents,
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
  /** What 5¢ cash rounding added to the cash taken on this sale (receipt sign: −2 is 2¢ less); 0 without cash. */
  roundingCents: z.number().int(),
  /** What cash for everything due would take: dueCents rounded to 5¢ (CAD). */
  cashDueCents: cents,
  createdAt: z.number(), lines: z.array(saleLine), attempts: z.array(attemptView), refunds: z.array(refundView),
  /** Exchange credits paying this sale: returned lines of sale `fromSaleId` (docs/register.md "Returns and exchanges"). */
  credits: z.array(z.object({ returnId: id, fromSaleId: id, amountCents: cents })).optional(),
});
export const product = z.object({ sku: z.string(), gtin: z.string(), name: z.string(), priceCents: cents });
/** A held (parked) sale, for the cashier's "Parked (n)" list and the Z (main/journal/sale-parking.ts). */
export const parkedSale = z.object({ saleId: id, cashier: z.string(), currency: z.string(), totalCents: cents, lineCount: z.number().int(), parkedAt: z.number(), parkedBy: z.string() });

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
  /**
   * A discount (docs/register.md "Discounts"): `pct` in hundredths of a percent (1..10 000), `amount` in cents.
   * `pin`: a manager approves one above the store's threshold (settings.discountApprovalPercent), or below what was paid.
   */
  discountLine: z.object({ lineNo: z.number().int().min(1), kind: z.enum(['pct', 'amount']), value: z.number().int().min(1).max(MAX_CENTS), reason: z.string().trim().max(200).optional(), pin: pin.optional() })
    .refine((d) => d.kind !== 'pct' || d.value <= 10_000, { message: 'a percentage is at most 100%', path: ['value'] }),
  discountSale: z.object({ kind: z.enum(['pct', 'amount']), value: z.number().int().min(1).max(MAX_CENTS), reason: z.string().trim().max(200).optional(), pin: pin.optional() })
    .refine((d) => d.kind !== 'pct' || d.value <= 10_000, { message: 'a percentage is at most 100%', path: ['value'] }),
  /** No `lineNo`: the sale discount goes; else that line's own. */
  removeDiscount: z.object({ lineNo: z.number().int().min(1).optional(), pin: pin.optional() }),
  /** A new unit price for a line, always approved by a manager; the catalog price is kept for the record. */
  overridePrice: z.object({ lineNo: z.number().int().min(1), unitPriceCents: cents, reason: z.string().trim().max(200).optional(), pin: pin.optional() }),
  /** `pin`: a sale with payments is voided by refunding them, which a manager approves. */
  voidSale: z.object({ pin: pin.optional() }),
  /** A manager lets the sale take another tender although this attempt is still checking; journaled with who and why. */
  override: z.object({ attemptId: id, pin, reason: z.string().trim().min(3).max(200) }),
  /** Pays back what a sale holds above its total: cash as change, wallets and cards as refunds. */
  refundExcess: z.object({ pin }),
  search: z.object({ query: z.string().max(64) }),
  /**
   * Wedge timings are epoch ms from the screen: finite, non-negative, in order, and a scan takes at most a minute.
   * Anything else is hostile or broken and is refused here, before it reaches the recent-scans statistics.
   */
  scan: z.object({ text: z.string().min(1).max(256), firstByteAt: epochMs, receivedAt: epochMs })
    .refine((s) => s.receivedAt >= s.firstByteAt && s.receivedAt - s.firstByteAt <= MAX_SCAN_MS, { message: 'must come after firstByteAt, within a minute', path: ['receivedAt'] }),
  chargeByScan: z.object({ code: z.string().regex(/^\d{8,64}$/, 'must be the digits of a payment code'), amountCents: positiveCents.optional() }),
  chargeByQr: z.object({ channel: qrChannel, amountCents: positiveCents.optional() }),
  startCard: z.object({ amountCents: positiveCents.optional() }),
  attempt: z.object({ attemptId: id }),
  /** `tenderedCents` may be 0: the last 1¢ or 2¢ of a sale round to nothing in cash (docs/register.md "Cash rounding"). */
  payCash: z.object({ tenderedCents: cents, amountCents: positiveCents.optional() }),
  receipt: z.object({ saleId: id }),
  /** A parked sale to take back to the till (docs/register.md "Held sales"). */
  resumeSale: z.object({ saleId: id }),
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
    locale: z.enum(LOCALES).optional(),
    mchId: z.string().min(1).max(30).optional(),
    loginName: z.string().min(1).max(32).optional(),
    newPin: z.string().regex(/^\d{4,8}$/).optional(),
    timers: mgr.timersEdit.optional(),
    scanners: mgr.scannersEdit.optional(),
    wedge: mgr.wedgeEdit.optional(),
    /** Printed on receipts; '' clears. Spaces are dropped and letters made capital before the check. */
    gstNumber: z.string().transform((v) => v.replace(/\s/g, '').toUpperCase()).pipe(z.string().regex(GST_NUMBER, 'must be 9 digits, RT and 4 digits, e.g. 123456789RT0001').or(z.literal(''))).optional(),
    qstNumber: z.string().transform((v) => v.replace(/\s/g, '').toUpperCase()).pipe(z.string().regex(QST_NUMBER, 'must be 10 digits, TQ and 4 digits, e.g. 1234567890TQ0001').or(z.literal(''))).optional(),
    /** Where the store is: its sales taxes. Applies to sales opened after the change (docs/register.md "Settings"). */
    province: z.enum(PROVINCE_CODES).optional(),
    /** Discounts above this percent need a manager's PIN at the till (docs/register.md "Discounts"); applies at once. */
    discountApprovalPercent: z.number().int().min(0).max(100).optional(),
  }),
  /** Write-only: the key goes to the OS secret store and is never returned. */
  setMerchantKey: session.extend({ merchantKey: z.string().min(8).max(128) }),
  /** The store's default language: manager-only, behind the PIN session. */
  setLocale: session.extend({ locale: z.enum(LOCALES) }),
};

export const hourlyBucket = z.object({ hour: z.number().int().min(0).max(23), grossCents: cents, count: z.number().int() });
export const totalsLine = z.object({ label: z.string(), currency: z.string(), grossCents: cents, refundCents: cents, netCents: z.number().int(), paymentCount: z.number().int(), refundCount: z.number().int() });

/** One currency's register totals (main/reports/register-totals.ts): sales before tax, each tax, the cash rounding. */
export const registerTotals = z.object({
  currency: z.string(), salesCount: z.number().int(), netSalesCents: cents, refundedNetCents: cents,
  /** What line and sale discounts took off the paid sales; netSalesCents is after it (docs/register.md "Discounts"). */
  discountCents: cents,
  taxes: z.array(z.object({ code: taxCode, collectedCents: cents, refundedCents: cents })),
  taxCollectedCents: cents, taxRefundedCents: cents,
  /** Sum of the succeeded cash attempts' rounding_cents (receipt sign). */
  roundingCents: z.number().int(),
});

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
  receipt: z.object({
    storeName: z.string(), terminalId: z.string(), training: z.boolean(), sale: saleView, printedAt: z.number(),
    /** The store's GST/HST and QST registration numbers (settings), printed when set. */
    gstNumber: z.string().nullable(), qstNumber: z.string().nullable(),
  }),
  /** `staff`: whose session it is (docs/staff.md). */
  unlocked: z.object({ session: z.string(), expiresAt: z.number(), staff: z.object({ id: z.string(), name: z.string(), role: z.enum(['cashier', 'supervisor', 'manager']) }).optional(),
    /** The manager channels this person may call (preload/channel-access.ts): the screen hides the rest (docs/staff.md). */
    may: z.array(z.string()).optional() }),
  dailyTotals: z.object({
    storeDay: day, timeZone: z.string(), byChannel: z.array(totalsLine), byCashier: z.array(totalsLine), byCurrency: z.array(totalsLine),
    byHour: z.array(hourlyBucket), pendingCount: z.number().int(), needsActionCount: z.number().int(),
    register: z.array(registerTotals),
  }),
  zReport: z.object({
    zNumber: z.number().int(), storeDay: day, expectedCashCents: z.number().int(), countedCashCents: cents, differenceCents: z.number().int(), cashCurrency: z.string(),
    /** The seal printed with the Z: the event count and head hash it was taken at (docs/journal.md "Seals"). */
    eventCount: z.number().int(), headHash: z.string(),
    /** The period's register totals per currency: net sales, each tax, the cash rounding. */
    register: z.array(registerTotals),
    /** Sales still parked when the Z was taken: listed, not counted as sales (docs/register.md "Held sales"). */
    parkedSales: z.array(parkedSale),
    /** The drawer's shifts this Z covers, with their variances (docs/staff.md "On the Z"). */
    shifts: z.array(shiftView).optional(),
    /** The close queued the Z on the receipt printer (docs/printing.md "The Z at the close"); false: no printer set up. */
    zQueued: z.boolean().optional(),
  }),
  sales: z.array(saleView),
  parkedSales: z.array(parkedSale),
  /** `sale`: the new sale on screen; `parked`: the sale just parked. */
  parked: z.object({ parked: id, sale: saleView }),
  /** `sale`: the resumed sale; `parked`: the sale that was on screen, parked to make room (null: it was empty). */
  resumed: z.object({ sale: saleView, parked: id.nullable() }),
  refund: refundView,
  attempts: z.array(attemptView),
  settings: z.object({
    terminalId: z.string(), storeName: z.string(), storeTimeZone: z.string(), locale: z.string(), currency: z.string(),
    mode: z.enum(['training', 'live']), mchId: z.string().nullable(), loginName: z.string().nullable(),
    /** Whether a merchant key is stored; the key itself is never returned. */
    merchantKeyStored: z.boolean(), secretStoreAvailable: z.boolean(),
    timers: mgr.timersView, scanners: z.array(mgr.scannerView), wedge: mgr.wedgeView,
    /** Where the store is (read-only here; settings.json, applies at the next start) and how it prices. */
    province: z.string(), pricesIncludeTax: z.boolean(),
    gstNumber: z.string().nullable(), qstNumber: z.string().nullable(),
    discountApprovalPercent: z.number().int().min(0).max(100),
    /** Saved, but the running app still uses the value it started with. */
    pendingRestart: z.array(mgr.restartField),
  }),
  ok: z.object({ ok: z.literal(true) }),
  /**
   * The last `pos gateway check` the running app read at its start (main/iotpay/gateway-check.ts). Words for
   * the System tab; the gateway's raw codes only in `technical`, for the technical-details part.
   */
  gatewayCheck: z.object({
    training: z.boolean(),
    check: z.object({
      checkedAt: z.number(),
      /** Made against the gateway and merchant this app runs with, so its findings are in force. */
      applied: z.boolean(),
      clockSkewMs: z.number().nullable(),
      clockSkewed: z.boolean(),
      probes: z.array(z.object({
        endpoint: z.enum(['query_order', 'refund_order']),
        answered: z.boolean(),
        signature: z.enum(['verified', 'wrong', 'absent', 'no-answer']),
        rttMs: z.number().nullable(),
        technical: z.string(),
      })),
    }).nullable(),
    /** Which answers must carry a signature, as this app applies it (main/iotpay/signature-policy.ts). */
    rules: z.array(z.object({ answer: z.string(), rule: z.enum(['required', 'if-present']) })),
  }),
  verify: z.object({
    ok: z.boolean(), events: z.number().int(), firstBrokenSeq: z.number().int().nullable(), reason: z.string().nullable(),
    /** Rows whose table differs from what the events rebuild (main/journal/rebuild.ts); the first 200. */
    differences: z.array(z.object({ table: z.string(), key: z.string(), column: z.string().nullable(), problem: z.string(), detail: z.string() })).max(200),
    differenceCount: z.number().int(),
    /** Events from before full payloads (migration 0080), rebuilt best effort. */
    legacyEvents: z.number().int(),
  }),
  scanners: z.object({
    devices: z.array(z.object({ deviceId: z.string(), state: z.string(), message: z.string().nullable() })),
    recent: z.array(mgr.recentScanView),
    stats: mgr.recentScanStats,
  }),
};

/**
 * What main pushes to the screens, one schema per event (contract.ts EventMap is derived from these). Main parses
 * every payload before any screen hears it (main/app/event-fanout.ts), like a response: a field added by mistake is
 * stripped, a payload that does not fit is logged and not sent. Shapes shared with responses are the same schema.
 */
export const events = {
  'sale:changed': saleView,
  'payment:qr': qrView,
  'payment:attempt': attemptView,
  /** `waiting`: the customer is paying; `checking`: the till asks the gateway until the wallet's own close. */
  'payment:countdown': z.object({ attemptId: id, remainingMs: z.number(), phase: z.enum(['waiting', 'checking']) }),
  'payment:cardForm': z.object({ attemptId: id, secureId: z.string(), amountCents: cents, currency: z.string() }),
  /** A refused scan carries a code the screen words like a refusal's; `message` is main's English fallback. */
  'till:notice': z.union([
    z.object({ kind: z.literal('scan-refused'), message: z.string(), code: z.enum(ERROR_CODES), saleId: id.optional() }),
    z.object({ kind: z.enum(['line-added', 'sale-opened']), message: z.string(), saleId: id.optional() }),
  ]),
  'app:connectivity': z.object({ online: z.boolean() }),
  'app:locale': z.object({ locale: z.enum(LOCALES) }),
  'refund:changed': z.object({ refundId: id, attemptId: id, state: z.enum(REFUND_STATES), amountCents: cents }),
  /** The clock is behind the journal or jumped (main/app/clock-watch.ts); `warning: null` clears the banner. */
  'app:clock': clockBanner,
  /** The print queue changed (docs/printing.md): slips waiting and the fault that holds them; the cashier's print panel. */
  'printer:queue': printQueueView,
};

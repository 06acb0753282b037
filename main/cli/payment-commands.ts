// Write-side admin commands: a test charge (the merchant's first transaction against real IOTPay), a refund,
// and a reconcile pass. Charge and refund wait for a final state (asking IOTPay again, as the reconciler does)
// and print it; past --wait seconds they say what is still open and that `reconcile` will settle it.
import { staffIdFlag } from './staff-commands.js';
import type { Services } from '../app/services.js';
import { classifierRulesFrom } from '../app/scanner-service.js';
import { classifyCode } from '../scanners/classifier.js';
import { QR_CHANNELS, type QrChannel } from '../iotpay/wire.js';
import { findAttemptByMchOrderNo, getAttempt } from '../journal/attempt-queries.js';
import { isSettledAttemptState, isSettledRefundState } from '../journal/attempt-states.js';
import { getRefund } from '../journal/refund-queries.js';
import { getSale } from '../journal/sale-queries.js';
import { addLine, createSale } from '../journal/sales.js';
import { storeDayOf } from '../journal/store-day.js';
import { Till } from '../checkout/till.js';
import { storeTaxSetup } from '../checkout/rate-overrides.js';
import { createLogger, silentSink } from '../shared/logger.js';
import { rateLabel } from '../shared/sales-tax.js';
import { roundCashCents } from '../../preload/money-limits.js';
import { loadCatalog } from './catalog-commands.js';
import type { AttemptRecord, RefundRecord } from '../journal/payment-records.js';
import type { PaymentEngine } from '../payments/engine.js';
import { centsFlag, money, textFlag, UsageError, type Flags, type Out } from './cli-io.js';
import { lineRefundCommand } from './return-commands.js';

function describeAttempt(a: AttemptRecord): string {
  const extra = [a.failureCode && `(${a.failureCode}${a.failureMessage ? `: ${a.failureMessage}` : ''})`, a.needsAction && 'NEEDS ACTION', a.changeCents !== null && `change ${money(a.changeCents, a.currency)}`]
    .filter(Boolean)
    .join(' ');
  return `${a.mchOrderNo} ${a.channel} ${money(a.amountCents, a.currency)}: ${a.state}${extra ? ` ${extra}` : ''}`;
}

/** How often a waiting command asks again; the reconciler's own schedule decides which rows are due. */
const ASK_AGAIN_MS = 2_000;
const DEFAULT_WAIT_S = 180;

function waitSeconds(flags: Flags): number {
  const text = textFlag(flags, 'wait', false);
  if (text === undefined) return DEFAULT_WAIT_S;
  if (!/^\d{1,5}$/.test(text)) throw new UsageError(`--wait must be a whole number of seconds (got ${text})`);
  return Number(text);
}

/** Reconcile passes until `read()` is final or the wait is over; returns the last state read. */
async function untilFinal<T extends { state: string }>(engine: PaymentEngine, read: () => T, isFinal: (t: T) => boolean, waitS: number, out: Out): Promise<T> {
  let current = read();
  if (isFinal(current)) return current;
  out(`${current.state}: asking IOTPay until it is final (up to ${waitS} s; Ctrl-C leaves it to the reconciler)`);
  const giveUpAt = Date.now() + waitS * 1000;
  while (!isFinal(current) && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(ASK_AGAIN_MS, Math.max(0, giveUpAt - Date.now()))));
    await engine.reconcile();
    current = read();
  }
  if (!isFinal(current)) out(`still ${current.state} after ${waitS} s: not final yet; \`npm run pos -- reconcile\` (or the app) settles it later`);
  return current;
}

function engineOf(services: Services): PaymentEngine {
  if (!services.engine) throw new Error('this command needs the gateway');
  return services.engine;
}

/** One `--item SKU[:QTY]`: a catalog SKU and how many (default 1, at most 999, as the till's quantity). */
function parseItem(text: string): { sku: string; quantity: number } {
  const m = /^([^\s:]{1,64})(?::(\d{1,3}))?$/.exec(text);
  const quantity = m?.[2] === undefined ? 1 : Number(m[2]);
  if (!m || quantity < 1) throw new UsageError(`--item must be SKU or SKU:QTY with QTY 1 to 999, e.g. LATTE:2 (got ${text})`);
  return { sku: m[1] as string, quantity };
}

/**
 * `--item SKU[:QTY] ...`: the catalog items rung up as the till rings them (main/checkout/till.ts addProduct, the same
 * product twice adds to its line), taxed as the store's province taxes a sale opened today (tax-table.ts). Returns the
 * till, whose current sale is the one to pay.
 */
function ringUpItems(services: Services, dataDir: string, items: readonly string[], cashier: string, out: Out): Till {
  const wanted = items.map(parseItem);
  const { catalog, source } = loadCatalog(dataDir);
  const missing = wanted.filter((w) => !catalog.findBySku(w.sku)).map((w) => w.sku);
  if (missing.length > 0) throw new UsageError(`no product ${missing.join(', ')} in ${source}`);
  const s = services.settings;
  const till = new Till({
    journal: services.journal, engine: engineOf(services), catalog, currency: s.currency, cashier: () => cashier,
    logger: createLogger('pos-charge', silentSink), onEvent: () => undefined,
    approve: () => {
      throw new UsageError('nothing on the command line needs a manager');
    },
    tax: () => storeTaxSetup(services.journal, s.province, storeDayOf(services.journal.clock.now(), s.storeTimeZone), s.pricesIncludeTax),
  });
  for (const w of wanted) till.addProduct(w.sku, w.quantity);
  const { sale, taxes } = getSale(services.journal, till.currentSale());
  const taxText = taxes.filter((t) => t.baseCents > 0).map((t) => `${t.code} ${rateLabel(t.ratePer100k)} ${money(t.amountCents, sale.currency)}`).join(', ');
  out(`sale ${sale.id}: subtotal ${money(sale.subtotalCents, sale.currency)}${taxText ? `, ${taxText}` : ''}, total ${money(sale.totalCents, sale.currency)} (${s.province})`);
  return till;
}

/** `--amount CENTS`: one untaxed custom line, as before the register (docs/register.md "In the journal"). */
function customAmountSale(services: Services, flags: Flags, cashier: string): number {
  const amountCents = centsFlag(flags, 'amount') as number;
  const sale = createSale(services.journal, { cashier, currency: services.settings.currency });
  addLine(services.journal, sale.id, { sku: 'CUSTOM', name: 'Custom amount', unitPriceCents: amountCents, quantity: 1 });
  return sale.id;
}

/** What the cash tender was given: `--cash CENTS`, else `--tendered CENTS`; undefined: exactly what is due. Read first. */
function cashGiven(flags: Flags): number | undefined {
  if (typeof flags.cash === 'string' && flags.cash !== '') return centsFlag(flags, 'cash') as number;
  return centsFlag(flags, 'tendered', false);
}

function exactCash(services: Services, saleId: number): number {
  const { sale } = getSale(services.journal, saleId);
  return roundCashCents(sale.totalCents, sale.currency);
}

export interface ChargeResult {
  /** The sale rung up and charged, for whoever prints its receipt next. */
  saleId: number;
  /** 0 paid, 1 not paid, 3 not final yet. */
  exitCode: number;
}

/**
 * `pos charge`: a sale of catalog items (`--item`, printed as `sale N: …`) or of one custom amount (`--amount`), paid
 * by merchant-scan, customer QR or cash (5¢ rounding; the change printed). The receipt is someone else's part.
 */
export async function chargeSale(services: Services, flags: Flags, out: Out, dataDir: string): Promise<ChargeResult> {
  const engine = engineOf(services);
  // --staff NAME: a person on the staff list (docs/staff.md); --cashier stays a free name for scripts.
  const cashier = staffIdFlag(services, flags) ?? textFlag(flags, 'cashier', false) ?? 'admin-cli';
  const modes = ['scan', 'qr', 'cash'].filter((m) => flags[m] !== undefined);
  if (modes.length !== 1) throw new UsageError('give exactly one of --scan CODE, --qr CHANNEL or --cash [CENTS]');
  const items = (flags.item as unknown as string[] | undefined) ?? [];
  if (items.length > 0 && flags.amount !== undefined) throw new UsageError('give --item SKU[:QTY] ... or --amount CENTS, not both');
  if (items.length === 0 && flags.amount === undefined) throw new UsageError('give --item SKU[:QTY] (repeatable) or --amount CENTS');
  const given = flags.cash !== undefined ? cashGiven(flags) : undefined;
  const till = items.length > 0 ? ringUpItems(services, dataDir, items, cashier, out) : undefined;
  const saleId = till ? till.currentSale() : customAmountSale(services, flags, cashier);
  let attempt: AttemptRecord;
  if (flags.scan !== undefined) {
    // The command line is a scanner door too: the configured rules classify the code once (main/scanners/classifier.ts).
    const scanned = classifyCode(textFlag(flags, 'scan') as string, classifierRulesFrom(services.settings.scanRules));
    if (scanned.kind !== 'payment') throw new UsageError('--scan must be a WeChat Pay, Alipay or UnionPay payment code');
    attempt = await engine.chargeByScan({ saleId, wallet: scanned.wallet, code: scanned.code, cashier });
  } else if (flags.qr !== undefined) {
    const channel = textFlag(flags, 'qr') as string;
    if (!(QR_CHANNELS as readonly string[]).includes(channel)) throw new UsageError(`--qr must be one of ${QR_CHANNELS.join(', ')}`);
    const stop = engine.subscribe((e) => {
      if (e.type !== 'qr') return;
      out(`show this QR to the customer: ${e.codeUrl}`);
      if (services.sandbox) out(`training: pay it with  curl -X POST ${services.sandbox.controlUrl}/control/qr/pay -d '{"codeUrl":"${e.codeUrl}"}'`);
    });
    attempt = await engine.chargeByQr({ saleId, channel: channel as QrChannel, cashier }).finally(stop);
  } else {
    attempt = engine.payCash({ saleId, cashier, tenderedCents: given ?? exactCash(services, saleId) });
  }
  const settled = await untilFinal(engine, () => getAttempt(services.journal, attempt.id), (a) => isSettledAttemptState(a.state), waitSeconds(flags), out);
  out(describeAttempt(settled));
  return { saleId, exitCode: settled.state === 'succeeded' ? 0 : isSettledAttemptState(settled.state) ? 1 : 3 };
}

export async function chargeCommand(services: Services, flags: Flags, out: Out, dataDir: string): Promise<number> {
  return (await chargeSale(services, flags, out, dataDir)).exitCode;
}

export async function refundCommand(services: Services, flags: Flags, out: Out): Promise<number> {
  if (flags.sale !== undefined || flags.line !== undefined) return lineRefundCommand(services, flags, out);
  const engine = engineOf(services);
  const order = textFlag(flags, 'order') as string;
  const attempt = findAttemptByMchOrderNo(services.journal, order);
  if (!attempt) throw new UsageError(`no payment ${order} in this journal`);
  const started = await engine.refund({
    attemptId: attempt.id,
    amountCents: centsFlag(flags, 'amount') as number,
    reason: textFlag(flags, 'reason', false) ?? 'refund from the admin command line',
    approvedBy: textFlag(flags, 'by', false) ?? 'admin-cli',
  });
  const refund: RefundRecord = await untilFinal(engine, () => getRefund(services.journal, started.id), (r) => isSettledRefundState(r.state), waitSeconds(flags), out);
  out(`${refund.mchRefundNo} refund of ${money(refund.amountCents, refund.currency)} on ${order}: ${refund.state}${refund.failureCode ? ` (${refund.failureCode})` : ''}`);
  return refund.state === 'succeeded' ? 0 : isSettledRefundState(refund.state) ? 1 : 3;
}

export async function reconcileCommand(services: Services, out: Out): Promise<number> {
  const report = await engineOf(services).reconcile();
  out(`reconciled: ${report.checked} payments checked, ${report.refundsRetried} refunds retried, ${report.stillOpen} still open`);
  return report.stillOpen === 0 ? 0 : 1;
}

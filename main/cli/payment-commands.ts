// Write-side admin commands: a test charge (the merchant's first transaction against real IOTPay), a refund,
// and a reconcile pass. Charge and refund wait for a final state (asking IOTPay again, as the reconciler does)
// and print it; past --wait seconds they say what is still open and that `reconcile` will settle it.
import type { Services } from '../app/services.js';
import { classifierRulesFrom } from '../app/scanner-service.js';
import { classifyCode } from '../scanners/classifier.js';
import { QR_CHANNELS, type QrChannel } from '../iotpay/wire.js';
import { findAttemptByMchOrderNo, getAttempt } from '../journal/attempt-queries.js';
import { isSettledAttemptState, isSettledRefundState } from '../journal/attempt-states.js';
import { getRefund } from '../journal/refund-queries.js';
import { addLine, createSale } from '../journal/sales.js';
import type { AttemptRecord, RefundRecord } from '../journal/payment-records.js';
import type { PaymentEngine } from '../payments/engine.js';
import { centsFlag, money, textFlag, UsageError, type Flags, type Out } from './cli-io.js';

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

export async function chargeCommand(services: Services, flags: Flags, out: Out): Promise<number> {
  const engine = engineOf(services);
  const amountCents = centsFlag(flags, 'amount') as number;
  const cashier = textFlag(flags, 'cashier', false) ?? 'admin-cli';
  const modes = ['scan', 'qr', 'cash'].filter((m) => flags[m] !== undefined);
  if (modes.length !== 1) throw new UsageError('give exactly one of --scan CODE, --qr CHANNEL or --cash');
  const currency = services.settings.currency;
  const sale = createSale(services.journal, { cashier, currency });
  addLine(services.journal, sale.id, { sku: 'CUSTOM', name: 'Custom amount', unitPriceCents: amountCents, quantity: 1 });
  let attempt: AttemptRecord;
  if (flags.scan !== undefined) {
    // The command line is a scanner door too: the configured rules classify the code once (main/scanners/classifier.ts).
    const scanned = classifyCode(textFlag(flags, 'scan') as string, classifierRulesFrom(services.settings.scanRules));
    if (scanned.kind !== 'payment') throw new UsageError('--scan must be a WeChat Pay, Alipay or UnionPay payment code');
    attempt = await engine.chargeByScan({ saleId: sale.id, wallet: scanned.wallet, code: scanned.code, cashier });
  } else if (flags.qr !== undefined) {
    const channel = textFlag(flags, 'qr') as string;
    if (!(QR_CHANNELS as readonly string[]).includes(channel)) throw new UsageError(`--qr must be one of ${QR_CHANNELS.join(', ')}`);
    const stop = engine.subscribe((e) => {
      if (e.type !== 'qr') return;
      out(`show this QR to the customer: ${e.codeUrl}`);
      if (services.sandbox) out(`training: pay it with  curl -X POST ${services.sandbox.controlUrl}/control/qr/pay -d '{"codeUrl":"${e.codeUrl}"}'`);
    });
    attempt = await engine.chargeByQr({ saleId: sale.id, channel: channel as QrChannel, cashier }).finally(stop);
  } else {
    const tendered = centsFlag(flags, 'tendered', false) ?? amountCents;
    attempt = engine.payCash({ saleId: sale.id, cashier, tenderedCents: tendered });
  }
  const settled = await untilFinal(engine, () => getAttempt(services.journal, attempt.id), (a) => isSettledAttemptState(a.state), waitSeconds(flags), out);
  out(describeAttempt(settled));
  return settled.state === 'succeeded' ? 0 : isSettledAttemptState(settled.state) ? 1 : 3;
}

export async function refundCommand(services: Services, flags: Flags, out: Out): Promise<number> {
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

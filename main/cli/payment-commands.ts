// Write-side admin commands: a test charge (the merchant's first transaction against real IOTPay), a refund,
// and a reconcile pass. Each waits for a final state and prints it.
import type { Services } from '../app/services.js';
import { QR_CHANNELS, type QrChannel } from '../iotpay/wire.js';
import { findAttemptByMchOrderNo } from '../journal/attempt-queries.js';
import { addLine, createSale } from '../journal/sales.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import type { PaymentEngine } from '../payments/engine.js';
import { centsFlag, money, textFlag, UsageError, type Flags, type Out } from './cli-io.js';

function describeAttempt(a: AttemptRecord): string {
  const extra = [a.failureCode && `(${a.failureCode}${a.failureMessage ? `: ${a.failureMessage}` : ''})`, a.needsAction && 'NEEDS ACTION', a.changeCents !== null && `change ${money(a.changeCents, a.currency)}`]
    .filter(Boolean)
    .join(' ');
  return `${a.mchOrderNo} ${a.channel} ${money(a.amountCents, a.currency)}: ${a.state}${extra ? ` ${extra}` : ''}`;
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
    attempt = await engine.chargeByScan({ saleId: sale.id, code: textFlag(flags, 'scan') as string, cashier });
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
  out(describeAttempt(attempt));
  return attempt.state === 'succeeded' ? 0 : 1;
}

export async function refundCommand(services: Services, flags: Flags, out: Out): Promise<number> {
  const engine = engineOf(services);
  const order = textFlag(flags, 'order') as string;
  const attempt = findAttemptByMchOrderNo(services.journal, order);
  if (!attempt) throw new UsageError(`no payment ${order} in this journal`);
  const refund = await engine.refund({
    attemptId: attempt.id,
    amountCents: centsFlag(flags, 'amount') as number,
    reason: textFlag(flags, 'reason', false) ?? 'refund from the admin command line',
    approvedBy: textFlag(flags, 'by', false) ?? 'admin-cli',
  });
  out(`${refund.mchRefundNo} refund of ${money(refund.amountCents, refund.currency)} on ${order}: ${refund.state}${refund.failureCode ? ` (${refund.failureCode})` : ''}`);
  return refund.state === 'succeeded' ? 0 : 1;
}

export async function reconcileCommand(services: Services, out: Out): Promise<number> {
  const report = await engineOf(services).reconcile();
  out(`reconciled: ${report.checked} payments checked, ${report.refundsRetried} refunds retried, ${report.stillOpen} still open`);
  return report.stillOpen === 0 ? 0 : 1;
}

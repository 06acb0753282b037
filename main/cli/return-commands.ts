// `pos refund --sale N --line LINE[:QTY] ...`: lines of a paid sale coming back, exactly as the manager screen takes
// them (docs/register.md "Returns and exchanges"): main prices each line (its price after discount plus its share of
// the tax), refuses more than was sold, and refunds it on the sale's own tenders (cards and wallets first, the rest in
// 5¢-rounded cash). Exit 0: every refund succeeded; 1: one failed; 3: one is still uncertain (`pos reconcile`).
import type { Services } from '../app/services.js';
import { isSettledRefundState } from '../journal/attempt-states.js';
import { money, textFlag, UsageError, type Flags, type Out } from './cli-io.js';

/** One `--line LINE[:QTY]`: the sale's line number and how many of its units (default 1). */
export function parseLineFlag(text: string): { lineNo: number; quantity: number } {
  const m = /^([1-9]\d{0,5})(?::([1-9]\d{0,2}))?$/.exec(text);
  if (!m) throw new UsageError(`--line must be LINE or LINE:QTY, e.g. 2 or 2:1 (got ${text})`);
  return { lineNo: Number(m[1]), quantity: m[2] === undefined ? 1 : Number(m[2]) };
}

export async function lineRefundCommand(services: Services, flags: Flags, out: Out): Promise<number> {
  if (!services.engine) throw new Error('this command needs the gateway');
  const saleText = textFlag(flags, 'sale') as string;
  if (!/^[1-9]\d{0,11}$/.test(saleText)) throw new UsageError(`--sale must be a sale number (got ${saleText})`);
  const raw = (flags.line as unknown as string[] | string | undefined) ?? [];
  const lines = (Array.isArray(raw) ? raw : [raw]).map(parseLineFlag);
  if (lines.length === 0) throw new UsageError('give the lines to take back: --line LINE[:QTY] (repeatable)');
  if (flags.amount !== undefined || flags.order !== undefined) throw new UsageError('--sale/--line returns lines; --order/--amount refunds an amount: not both');
  const done = await services.engine.returnLines({
    saleId: Number(saleText), lines,
    reason: textFlag(flags, 'reason', false) ?? 'return from the admin command line',
    approvedBy: textFlag(flags, 'by', false) ?? 'admin-cli',
  });
  const q = done.quote;
  for (const p of q.parts) out(`line ${p.lineNo} × ${p.quantity} ${p.name}: ${money(p.valueCents, q.currency)}`);
  out(`return ${done.returned.id} of sale ${saleText}: ${money(q.valueCents, q.currency)} (tax ${money(q.taxCents, q.currency)})${q.cashValueCents > 0 ? `, cash back ${money(q.cashBackCents, q.currency)}` : ''}`);
  for (const r of done.refunds) out(`${r.mchRefundNo} refund of ${money(r.amountCents, r.currency)}: ${r.state}${r.failureCode ? ` (${r.failureCode})` : ''}`);
  if (done.refunds.some((r) => r.state === 'failed')) return 1;
  if (done.refunds.some((r) => !isSettledRefundState(r.state))) {
    out('not final yet: `npm run pos -- reconcile` (or the app) settles it later');
    return 3;
  }
  return 0;
}

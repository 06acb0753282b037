// The whole store's totals for one store day (docs/store.md "Reports"), read with a manager's role. The same rules as
// a terminal's own daily totals (main/reports/daily-totals.ts): payments count on the day they succeeded, refunds on
// the day they succeeded, attributed to the original payment's channel, tender and cashier; net sales and each tax from
// the sales paid that day; their discounts; the refunded net and each tax refunded (each refund split by the terminal
// that pushed it, with the register's rules: store-refund-tax.ts); the 5¢ cash rounding of succeeded cash payments. Each terminal's sync state goes with it: a
// terminal that is behind is shown as behind, never silently counted as complete.
import type pg from 'pg';

export interface StoreLine {
  key: string;
  currency: string;
  grossCents: number;
  refundCents: number;
  netCents: number;
  paymentCount: number;
  refundCount: number;
}

export interface TerminalSync {
  terminalId: string;
  /** Events the store holds, and the terminal's own newest seq when it last reported. */
  storeSeq: number;
  reportedSeq: number;
  behind: number;
  /** ISO time of the last sync, by the store database's clock; null: never synced. */
  lastSyncAt: string | null;
  quarantineReason: string | null;
  paymentsChecking: number;
  refundsChecking: number;
  needsAction: number;
}

export interface StoreTax {
  currency: string;
  code: string;
  collectedCents: number;
  /** This tax's part of the day's succeeded refunds of paid sales (the pushing terminal's split, store-refund-tax.ts). */
  refundedCents: number;
}

export interface NeedsActionItem {
  terminalId: string;
  attemptId: number;
  saleId: number;
  channel: string;
  amountCents: number;
  currency: string;
  cashier: string;
  createdAt: number;
}

export interface StoreTotals {
  storeDay: string;
  terminals: TerminalSync[];
  byTerminal: StoreLine[];
  byChannel: StoreLine[];
  byCashier: StoreLine[];
  byTender: StoreLine[];
  byCurrency: StoreLine[];
  sales: Array<{ currency: string; salesCount: number; netSalesCents: number; roundingCents: number; discountCents: number; refundedNetCents: number; taxRefundedCents: number }>;
  taxes: StoreTax[];
  needsAction: NeedsActionItem[];
}

type Grouped = { terminal_id: string; channel: string; tender: string; currency: string; cashier: string; cents: string; n: string };

export const STORE_TOTALS_SQL = {
  PAYMENTS: `SELECT terminal_id, channel, tender, currency, cashier, sum(amount_cents) AS cents, count(*) AS n FROM pos_store.attempts
    WHERE state = 'succeeded' AND final_day = $1 GROUP BY terminal_id, channel, tender, currency, cashier`,
  REFUNDS: `SELECT r.terminal_id, a.channel, a.tender, r.currency, a.cashier, sum(r.amount_cents) AS cents, count(*) AS n
    FROM pos_store.refunds r JOIN pos_store.attempts a ON a.terminal_id = r.terminal_id AND a.id = r.attempt_id
    WHERE r.state = 'succeeded' AND r.final_day = $1 GROUP BY r.terminal_id, a.channel, a.tender, r.currency, a.cashier`,
  SALES: `SELECT currency, sum(subtotal_cents) AS cents, count(*) AS n FROM pos_store.sales WHERE status = 'paid' AND closed_day = $1 GROUP BY currency`,
  ROUNDING: `SELECT currency, sum(rounding_cents) AS cents FROM pos_store.attempts
    WHERE state = 'succeeded' AND final_day = $1 AND rounding_cents <> 0 GROUP BY currency`,
  DISCOUNTS: `SELECT currency, sum(discount_cents) AS cents FROM pos_store.sales WHERE status = 'paid' AND closed_day = $1 AND discount_cents > 0 GROUP BY currency`,
  // The register's rule: succeeded refunds of paid sales, on the day they succeeded, split by the pushing terminal.
  REFUNDED_NET: `SELECT r.currency, sum(r.refunded_net_cents) AS cents FROM pos_store.refunds r
    JOIN pos_store.attempts a ON a.terminal_id = r.terminal_id AND a.id = r.attempt_id
    JOIN pos_store.sales s ON s.terminal_id = a.terminal_id AND s.id = a.sale_id
    WHERE r.state = 'succeeded' AND r.final_day = $1 AND s.status = 'paid' GROUP BY r.currency`,
  REFUNDED_TAXES: `SELECT r.currency, x.key AS code, sum(x.value::bigint) AS cents FROM pos_store.refunds r
    JOIN pos_store.attempts a ON a.terminal_id = r.terminal_id AND a.id = r.attempt_id
    JOIN pos_store.sales s ON s.terminal_id = a.terminal_id AND s.id = a.sale_id
    CROSS JOIN LATERAL jsonb_each_text(coalesce(r.refunded_taxes, '{}'::jsonb)) x
    WHERE r.state = 'succeeded' AND r.final_day = $1 AND s.status = 'paid' GROUP BY r.currency, x.key`,
  TAXES: `SELECT s.currency, t.code, sum(t.amount_cents) AS cents FROM pos_store.sales s
    JOIN pos_store.sale_taxes t ON t.terminal_id = s.terminal_id AND t.sale_id = s.id
    WHERE s.status = 'paid' AND s.closed_day = $1 GROUP BY s.currency, t.code ORDER BY s.currency, t.code`,
  NEEDS_ACTION: `SELECT terminal_id, attempt_id, sale_id, channel, amount_cents, currency, cashier, created_at FROM pos_store.needs_action
    ORDER BY created_at LIMIT 200`,
  TERMINALS: `SELECT terminal_id, head_seq, reported_head_seq, behind, last_sync_at, quarantine_reason, payments_checking, refunds_checking,
    needs_action FROM pos_store.terminal_status ORDER BY terminal_id`,
} as const;

function rollup(payments: Grouped[], refunds: Grouped[], keyOf: (g: Grouped) => string): StoreLine[] {
  const out = new Map<string, StoreLine>();
  const lineFor = (g: Grouped) => {
    const key = keyOf(g);
    const id = JSON.stringify([key, g.currency]);
    let line = out.get(id);
    if (!line) out.set(id, (line = { key, currency: g.currency, grossCents: 0, refundCents: 0, netCents: 0, paymentCount: 0, refundCount: 0 }));
    return line;
  };
  for (const p of payments) {
    const l = lineFor(p);
    l.grossCents += Number(p.cents);
    l.netCents += Number(p.cents);
    l.paymentCount += Number(p.n);
  }
  for (const r of refunds) {
    const l = lineFor(r);
    l.refundCents += Number(r.cents);
    l.netCents -= Number(r.cents);
    l.refundCount += Number(r.n);
  }
  return [...out.values()].sort((a, b) => `${a.currency}|${a.key}`.localeCompare(`${b.currency}|${b.key}`));
}

export async function terminalSyncStates(client: pg.ClientBase): Promise<TerminalSync[]> {
  const rows = (await client.query(STORE_TOTALS_SQL.TERMINALS)).rows as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    terminalId: String(r.terminal_id), storeSeq: Number(r.head_seq), reportedSeq: Number(r.reported_head_seq), behind: Number(r.behind),
    lastSyncAt: r.last_sync_at instanceof Date ? r.last_sync_at.toISOString() : null, quarantineReason: (r.quarantine_reason as string | null) ?? null,
    paymentsChecking: Number(r.payments_checking), refundsChecking: Number(r.refunds_checking), needsAction: Number(r.needs_action),
  }));
}

export async function storeTotals(client: pg.ClientBase, storeDay: string): Promise<StoreTotals> {
  const q = async (sql: string, params: unknown[] = [storeDay]) => (await client.query(sql, params)).rows as Array<Record<string, string>>;
  const payments = (await q(STORE_TOTALS_SQL.PAYMENTS)) as unknown as Grouped[];
  const refunds = (await q(STORE_TOTALS_SQL.REFUNDS)) as unknown as Grouped[];
  const rounding = new Map((await q(STORE_TOTALS_SQL.ROUNDING)).map((r) => [r.currency, Number(r.cents)]));
  const discounts = new Map((await q(STORE_TOTALS_SQL.DISCOUNTS)).map((r) => [String(r.currency), Number(r.cents)]));
  const refundedNet = new Map((await q(STORE_TOTALS_SQL.REFUNDED_NET)).map((r) => [String(r.currency), Number(r.cents)]));
  const taxes: StoreTax[] = (await q(STORE_TOTALS_SQL.TAXES)).map((r) => ({ currency: String(r.currency), code: String(r.code), collectedCents: Number(r.cents), refundedCents: 0 }));
  for (const r of await q(STORE_TOTALS_SQL.REFUNDED_TAXES)) {
    let x = taxes.find((t) => t.currency === r.currency && t.code === r.code);
    if (!x) taxes.push((x = { currency: String(r.currency), code: String(r.code), collectedCents: 0, refundedCents: 0 }));
    x.refundedCents += Number(r.cents);
  }
  taxes.sort((a, b) => `${a.currency}|${a.code}`.localeCompare(`${b.currency}|${b.code}`));
  const salesRows = new Map((await q(STORE_TOTALS_SQL.SALES)).map((r) => [String(r.currency), r]));
  const currencies = new Set([...salesRows.keys(), ...refundedNet.keys()]);
  const sales = [...currencies].sort().map((currency) => ({
    currency, salesCount: Number(salesRows.get(currency)?.n ?? 0), netSalesCents: Number(salesRows.get(currency)?.cents ?? 0), roundingCents: rounding.get(currency) ?? 0,
    discountCents: discounts.get(currency) ?? 0, refundedNetCents: refundedNet.get(currency) ?? 0,
    taxRefundedCents: taxes.filter((t) => t.currency === currency).reduce((n, t) => n + t.refundedCents, 0),
  }));
  const needsAction = (await q(STORE_TOTALS_SQL.NEEDS_ACTION, [])).map((r) => ({
    terminalId: String(r.terminal_id), attemptId: Number(r.attempt_id), saleId: Number(r.sale_id), channel: String(r.channel),
    amountCents: Number(r.amount_cents), currency: String(r.currency), cashier: String(r.cashier), createdAt: Number(r.created_at),
  }));
  return {
    storeDay,
    terminals: await terminalSyncStates(client),
    byTerminal: rollup(payments, refunds, (g) => g.terminal_id),
    byChannel: rollup(payments, refunds, (g) => g.channel),
    byCashier: rollup(payments, refunds, (g) => g.cashier),
    byTender: rollup(payments, refunds, (g) => g.tender),
    byCurrency: rollup(payments, refunds, (g) => g.currency),
    sales, taxes, needsAction,
  };
}

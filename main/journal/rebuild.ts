// `journal verify`, second half: rebuild sales, lines, attempts, refunds and day closes from the events alone, then
// compare with the tables and name every row that differs (docs/journal.md "Verify"). The hash chain proves the
// events were not edited; this proves the tables still say what the events say, so an UPDATE of amount_cents, a
// failed attempt turned succeeded or a deleted refund is found even though the chain is intact.
// Events written before migration 0080 lack some fields (exact times, the terminal id, the Z period): those rows are
// rebuilt best effort (times from the event's own `at`, within LEGACY_TIME_SLACK_MS; the rest not compared) and the
// verdict counts them. Read-only: it only SELECTs.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { isSettledAttemptState, isSettledRefundState, type AttemptState, type RefundState } from './attempt-states.js';
import type { EventRow } from './events.js';
import { onReturn, RETURN_TABLES } from './rebuild-returns.js';
import { comparePrintTables } from './print-rebuild.js';
import { compareTaxOverrideTable } from './tax-override-rebuild.js';
import { applyStaffEvent, STAFF_TABLES } from './staff-rebuild.js';
import { computeSaleTax, isTaxClass, RATE_SCALE, TAX_CODES, type TaxClass, type TaxCode, type TaxRule } from '../shared/sales-tax.js';
import { applyDiscounts, isDiscountSpec, type DiscountSpec } from '../shared/discount-spread.js';

/** Old events carry no time of their own; the row's time and the event's `at` were read a moment apart. */
export const LEGACY_TIME_SLACK_MS = 1_000;

type Value = string | number | null;
type Row = Record<string, Value>;

interface Rebuilt {
  values: Row;
  /** Columns rebuilt from an old event's `at`: compared within LEGACY_TIME_SLACK_MS. */
  approx: Set<string>;
  /** Columns an old event does not carry: not compared. */
  unknown: Set<string>;
  /** The event that created the row, for the messages. */
  createdBy: number;
}

export interface TableDifference {
  table: 'sales' | 'sale_lines' | 'attempts' | 'refunds' | 'day_closes' | 'events' | 'order_number_sequences' | 'print_jobs' | 'drawer_openings' | 'tax_rate_overrides' | (typeof RETURN_TABLES)[number]['table'] | (typeof STAFF_TABLES)[number]['table'];
  /** The row's key: `3` for attempt 3, `3/2` for line 2 of sale 3. */
  key: string;
  /** The column that differs; null when the whole row is extra or missing. */
  column: string | null;
  problem: 'changed' | 'not-in-events' | 'missing-from-table' | 'event-inconsistent' | 'seal';
  /** One line a person can read. */
  detail: string;
}

export interface RebuildVerdict {
  differences: TableDifference[];
  /** Events written before full payloads (migration 0080) whose rows were rebuilt best effort. */
  legacyEvents: number;
}

interface State {
  sales: Map<string, Rebuilt>;
  lines: Map<string, Rebuilt>;
  attempts: Map<string, Rebuilt>;
  refunds: Map<string, Rebuilt>;
  dayCloses: Map<string, Rebuilt>;
  /** Highest sequence minted per order-number kind, read from the numbers in the events. */
  minted: Map<string, number>;
  /** seq -> hash, for the seals. */
  hashes: Map<number, string>;
  differences: TableDifference[];
  legacy: Set<number>;
  /** Each taxed sale's tax rules, from its sale.created event (migration 0090, docs/register.md). */
  taxRules: Map<string, TaxRule[]>;
  /** Returns by line (migration 0130): rebuild-returns.ts. */
  returns: Map<string, Rebuilt>;
  returnLines: Map<string, Rebuilt>;
  returnLineTaxes: Map<string, Rebuilt>;
  returnRefunds: Map<string, Rebuilt>;
  refundTaxes: Map<string, Rebuilt>;
  returnCredits: Map<string, Rebuilt>;
  /** Staff and shifts (migration 0300): staff-rebuild.ts. */
  staff: Map<string, Rebuilt>;
  shifts: Map<string, Rebuilt>;
  cashMovements: Map<string, Rebuilt>;
}

type Payload = Record<string, unknown>;

const str = (v: unknown): Value => (typeof v === 'string' ? v : null);
const num = (v: unknown): Value => (typeof v === 'number' ? v : null);
const val = (v: unknown): Value => (typeof v === 'string' || typeof v === 'number' ? v : v === null || v === undefined ? null : JSON.stringify(v));
const has = (p: Payload, k: string) => Object.hasOwn(p, k);

function rebuilt(values: Row, createdBy: number): Rebuilt {
  return { values, approx: new Set(), unknown: new Set(), createdBy };
}

/** Sets a time column: exact when the event carries it, else the event's `at`, compared loosely. */
function setTime(st: State, r: Rebuilt, column: string, payload: Payload, field: string, e: EventRow): void {
  if (typeof payload[field] === 'number') {
    r.values[column] = payload[field];
    r.approx.delete(column);
  } else {
    r.values[column] = e.at;
    r.approx.add(column);
    st.legacy.add(e.seq);
  }
}

function setKnown(st: State, r: Rebuilt, column: string, payload: Payload, field: string, e: EventRow, map: (v: unknown) => Value = val): void {
  if (has(payload, field)) {
    r.values[column] = map(payload[field]);
    r.unknown.delete(column);
  } else {
    r.unknown.add(column);
    st.legacy.add(e.seq);
  }
}

function inconsistent(st: State, e: EventRow, detail: string): void {
  st.differences.push({ table: 'events', key: String(e.seq), column: null, problem: 'event-inconsistent', detail: `event ${e.seq} (${e.kind} ${e.entity} ${e.entity_id}): ${detail}` });
}

/** The sequence part of a minted number: the digits after the kind letter, its yyMMdd and 4-digit tag. */
function noteMinted(st: State, number: unknown): void {
  if (typeof number !== 'string') return;
  const m = /([PR])\d{6}\d{4}(\d{8,})$/.exec(number);
  if (!m) return;
  const kind = m[1] as string;
  st.minted.set(kind, Math.max(st.minted.get(kind) ?? 0, Number(m[2])));
}

/** A sale.created event's tax rules, or undefined when it has none (an untaxed sale) or they cannot be read. */
function taxRulesOf(p: Payload): TaxRule[] | 'unreadable' | undefined {
  const tax = p.tax as { rules?: unknown } | undefined;
  if (tax === undefined || tax === null) return undefined;
  if (!Array.isArray(tax.rules)) return 'unreadable';
  const rules: TaxRule[] = [];
  for (const r of tax.rules as Array<Record<string, unknown>>) {
    const classes = Array.isArray(r.classes) ? r.classes.filter(isTaxClass) : [];
    const rate = r.ratePer100k;
    if (!(TAX_CODES as readonly unknown[]).includes(r.code) || typeof rate !== 'number' || !Number.isSafeInteger(rate) || rate <= 0 || rate >= RATE_SCALE || classes.length === 0) return 'unreadable';
    rules.push({ code: r.code as TaxCode, ratePer100k: rate, classes });
  }
  return rules;
}

/** The total from the lines and, for a taxed sale, its taxes recomputed exactly as main/journal/sales.ts does. */
function refreshTotal(st: State, saleId: string, e: EventRow, payload: Payload): void {
  const sale = st.sales.get(saleId);
  if (!sale) return;
  const saleLines = [...st.lines.values()].filter((l) => String(l.values.sale_id) === saleId).sort((a, b) => Number(a.values.line_no) - Number(b.values.line_no));
  // Discounts (migration 0120): each line's own, then the sale's spread over them, exactly as sales.ts does.
  const spread = applyDiscounts(saleLines.map((l) => ({ lineTotalCents: Number(l.values.line_total_cents), discount: specOf(l.values.line_discount_kind, l.values.line_discount_value) })), specOf(sale.values.sale_discount_kind, sale.values.sale_discount_value));
  const lines: Array<{ lineTotalCents: number; taxClass: TaxClass }> = saleLines.map((line, i) => {
    const d = spread.lines[i];
    line.values.discount_cents = d?.discountCents ?? 0;
    line.values.line_discount_cents = d?.ownCents ?? 0;
    return { lineTotalCents: d?.netCents ?? Number(line.values.line_total_cents), taxClass: isTaxClass(line.values.tax_class) ? line.values.tax_class : 'standard' };
  });
  sale.values.discount_cents = spread.discountCents;
  sale.values.sale_discount_cents = spread.saleDiscountCents;
  const rules = st.taxRules.get(saleId) ?? [];
  const { subtotalCents, totalCents: total } = computeSaleTax(lines, rules, sale.values.prices_include_tax === 1);
  sale.values.total_cents = total;
  sale.values.subtotal_cents = subtotalCents;
  const what = rules.length > 0 ? 'its lines and taxes add up to' : 'its lines add up to';
  if (typeof payload.totalCents === 'number' && payload.totalCents !== total) inconsistent(st, e, `says the total is ${payload.totalCents}, ${what} ${total}`);
}

/** Held sales (migration 0140, main/journal/sale-parking.ts): parked and resumed only while open. */
function onParking(st: State, e: EventRow, sale: Rebuilt, p: Payload): void {
  const parking = e.kind === 'sale.parked';
  if (sale.values.status !== 'open') inconsistent(st, e, `${parking ? 'parks' : 'resumes'} a sale that was already ${String(sale.values.status)}`);
  else if (parking === (sale.values.parked_at !== null && sale.values.parked_at !== undefined)) inconsistent(st, e, parking ? 'parks a sale that was already parked' : 'resumes a sale that was not parked');
  sale.values.parked_at = parking ? num(p.parkedAt) : null;
  sale.values.parked_by = parking ? str(p.parkedBy) : null;
}

function specOf(kind: Value | undefined, value: Value | undefined): DiscountSpec | null {
  const spec = { kind, value };
  return isDiscountSpec(spec) ? spec : null;
}

/** A line's own discount or a sale discount as its event gave it; null clears it. */
function discountColumns(prefix: 'line_discount' | 'sale_discount', p: Payload | null): Row {
  return { [`${prefix}_kind`]: p ? str(p.kind) : null, [`${prefix}_value`]: p ? num(p.value) : null, [`${prefix}_reason`]: p ? str(p.reason) : null, [`${prefix}_approved_by`]: p ? str(p.approvedBy) : null };
}

function onSale(st: State, e: EventRow, p: Payload): void {
  const id = e.entity_id;
  if (e.kind === 'sale.created') {
    const r = rebuilt({ id: Number(id), cashier: str(p.cashier), status: 'open', currency: str(p.currency), total_cents: 0, closed_at: null, period: null }, e.seq);
    // Sales tax (migration 0090): how the sale is taxed comes with its creation; none before it.
    const rules = taxRulesOf(p);
    if (rules === 'unreadable') inconsistent(st, e, 'has tax rules that cannot be read');
    else if (rules) st.taxRules.set(id, rules);
    const tax = (p.tax ?? {}) as Payload;
    Object.assign(r.values, { subtotal_cents: 0, tax_province: str(tax.province), tax_table: str(tax.table), prices_include_tax: tax.pricesIncludeTax === true ? 1 : 0 });
    Object.assign(r.values, { discount_cents: 0, sale_discount_cents: 0, ...discountColumns('sale_discount', null) });
    // Held sales (migration 0140): no sale is created parked.
    Object.assign(r.values, { parked_at: null, parked_by: null });
    setKnown(st, r, 'terminal_id', p, 'terminalId', e);
    setTime(st, r, 'created_at', p, 'createdAt', e);
    st.sales.set(id, r);
    return;
  }
  const sale = st.sales.get(id);
  if (!sale) return inconsistent(st, e, 'changes a sale no event created');
  const lineKey = `${id}/${String(p.lineNo)}`;
  switch (e.kind) {
    case 'sale.line_added':
      st.lines.set(lineKey, rebuilt({
        sale_id: Number(id), line_no: num(p.lineNo), sku: str(p.sku), gtin: str(p.gtin), name: str(p.name),
        unit_price_cents: num(p.unitPriceCents), quantity: num(p.quantity), line_total_cents: num(p.lineTotalCents),
        tax_class: typeof p.taxClass === 'string' ? p.taxClass : 'standard',
        discount_cents: 0, line_discount_cents: 0, ...discountColumns('line_discount', null),
        catalog_price_cents: null, price_override_reason: null, price_override_approved_by: null,
      }, e.seq));
      return refreshTotal(st, id, e, p);
    // Discounts and price overrides (migration 0120, main/journal/sale-discounts.ts).
    case 'sale.line_discounted':
    case 'sale.line_discount_removed':
    case 'sale.price_overridden': {
      const line = st.lines.get(lineKey);
      if (!line) return inconsistent(st, e, `changes line ${String(p.lineNo)}, which no event added`);
      if (e.kind === 'sale.price_overridden') {
        Object.assign(line.values, { unit_price_cents: num(p.unitPriceCents), line_total_cents: num(p.lineTotalCents), catalog_price_cents: num(p.catalogPriceCents), price_override_reason: str(p.reason), price_override_approved_by: str(p.approvedBy) });
      } else {
        Object.assign(line.values, discountColumns('line_discount', e.kind === 'sale.line_discounted' ? p : null));
      }
      return refreshTotal(st, id, e, p);
    }
    case 'sale.discounted':
    case 'sale.discount_removed':
      Object.assign(sale.values, discountColumns('sale_discount', e.kind === 'sale.discounted' ? p : null));
      return refreshTotal(st, id, e, p);
    case 'sale.quantity_changed': {
      const line = st.lines.get(lineKey);
      if (!line) return inconsistent(st, e, `changes line ${String(p.lineNo)}, which no event added`);
      line.values.quantity = num(p.quantity);
      line.values.line_total_cents = num(p.lineTotalCents);
      return refreshTotal(st, id, e, p);
    }
    case 'sale.line_removed':
      if (!st.lines.delete(lineKey)) inconsistent(st, e, `removes line ${String(p.lineNo)}, which no event added`);
      return refreshTotal(st, id, e, p);
    case 'sale.parked':
    case 'sale.resumed':
      return onParking(st, e, sale, p);
    case 'sale.paid':
    case 'sale.voided':
      if (sale.values.status !== 'open') inconsistent(st, e, `closes a sale that was already ${String(sale.values.status)}`);
      sale.values.status = str(p.status);
      setTime(st, sale, 'closed_at', p, 'closedAt', e);
      setKnown(st, sale, 'period', p, 'period', e);
      return;
    default:
      return inconsistent(st, e, 'unknown sale event');
  }
}

function onAttempt(st: State, e: EventRow, p: Payload): void {
  const id = e.entity_id;
  if (e.kind === 'attempt.created') {
    const r = rebuilt({
      id: Number(id), sale_id: num(p.sale_id), tender: str(p.tender), channel: str(p.channel), amount_cents: num(p.amount_cents),
      currency: str(p.currency), mch_order_no: str(p.mch_order_no), state: 'created', needs_action: 0, pay_order_id: null,
      channel_order_no: null, code_last4: str(p.code_last4), failure_code: null, failure_message: null,
      cash_tendered_cents: num(p.cash_tendered_cents), change_cents: num(p.change_cents), cashier: str(p.cashier),
      finalized_at: null, attached: 1, released: 0, period: null,
    }, e.seq);
    setTime(st, r, 'created_at', p, 'created_at', e);
    setTime(st, r, 'updated_at', p, 'created_at', e);
    if (!st.sales.has(String(p.sale_id))) inconsistent(st, e, `pays sale ${String(p.sale_id)}, which no event created`);
    noteMinted(st, p.mch_order_no);
    st.attempts.set(id, r);
    return;
  }
  const a = st.attempts.get(id);
  if (!a) return inconsistent(st, e, 'changes an attempt no event created');
  switch (e.kind) {
    case 'attempt.transition': {
      if (p.from !== a.values.state) inconsistent(st, e, `moves from ${String(p.from)}, but the attempt was ${String(a.values.state)}`);
      const to = String(p.to) as AttemptState;
      a.values.state = to;
      setTime(st, a, 'updated_at', p, 'updatedAt', e);
      const final = isSettledAttemptState(to);
      if (final) {
        a.values.finalized_at = a.values.updated_at ?? null;
        if (a.approx.has('updated_at')) a.approx.add('finalized_at');
        else a.approx.delete('finalized_at');
        setKnown(st, a, 'period', p, 'period', e);
      } else {
        a.values.finalized_at = null;
      }
      for (const [column, field] of [['pay_order_id', 'payOrderId'], ['channel_order_no', 'channelOrderNo'], ['failure_code', 'failureCode'], ['failure_message', 'failureMessage']] as const) {
        if (typeof p[field] === 'string') a.values[column] = p[field];
      }
      if (typeof p.needsAction === 'boolean') a.values.needs_action = Number(p.needsAction);
      return;
    }
    case 'attempt.action_resolved':
      a.values.needs_action = 0;
      if (has(p, 'attached')) {
        a.values.attached = p.attached === true ? 1 : 0;
        a.unknown.delete('attached');
      } else {
        a.unknown.add('attached'); // before migration 0060 the decision did not say
        st.legacy.add(e.seq);
      }
      setTime(st, a, 'updated_at', p, 'updatedAt', e);
      return;
    case 'attempt.released':
      a.values.released = 1;
      setTime(st, a, 'updated_at', p, 'updatedAt', e);
      return;
    default:
      return inconsistent(st, e, 'unknown attempt event');
  }
}

function onRefund(st: State, e: EventRow, p: Payload): void {
  const id = e.entity_id;
  if (e.kind === 'refund.created') {
    const r = rebuilt({
      id: Number(id), attempt_id: num(p.attempt_id), mch_refund_no: str(p.mch_refund_no), amount_cents: num(p.amount_cents),
      currency: str(p.currency), reason: str(p.reason), state: 'created', refund_order_id: null, failure_code: null,
      failure_message: null, approved_by: str(p.approved_by), finalized_at: null, period: null,
    }, e.seq);
    setTime(st, r, 'created_at', p, 'created_at', e);
    setTime(st, r, 'updated_at', p, 'created_at', e);
    if (!st.attempts.has(String(p.attempt_id))) inconsistent(st, e, `refunds attempt ${String(p.attempt_id)}, which no event created`);
    noteMinted(st, p.mch_refund_no);
    st.refunds.set(id, r);
    return;
  }
  const r = st.refunds.get(id);
  if (!r) return inconsistent(st, e, 'changes a refund no event created');
  if (e.kind !== 'refund.transition') return inconsistent(st, e, 'unknown refund event');
  if (p.from !== r.values.state) inconsistent(st, e, `moves from ${String(p.from)}, but the refund was ${String(r.values.state)}`);
  const to = String(p.to) as RefundState;
  r.values.state = to;
  setTime(st, r, 'updated_at', p, 'updatedAt', e);
  if (isSettledRefundState(to)) {
    r.values.finalized_at = r.values.updated_at ?? null;
    if (r.approx.has('updated_at')) r.approx.add('finalized_at');
    else r.approx.delete('finalized_at');
    setKnown(st, r, 'period', p, 'period', e);
  } else {
    r.values.finalized_at = null;
  }
  for (const [column, field] of [['refund_order_id', 'refundOrderId'], ['failure_code', 'failureCode'], ['failure_message', 'failureMessage']] as const) {
    if (typeof p[field] === 'string') r.values[column] = p[field];
  }
}

function onDayClose(st: State, e: EventRow, p: Payload): void {
  if (e.kind !== 'day.closed') return inconsistent(st, e, 'unknown day-close event');
  const r = rebuilt({
    z_number: num(p.zNumber), store_day: str(p.storeDay), time_zone: str(p.timeZone), terminal_id: str(p.terminalId),
    closed_at: num(p.closedAt), closed_by: str(p.closedBy), cash_currency: str(p.cashCurrency),
    expected_cash_cents: num(p.expectedCashCents), counted_cash_cents: num(p.countedCashCents), difference_cents: num(p.differenceCents),
  }, e.seq);
  if (has(p, 'eventCount')) {
    // The seal is the head just before this Z's own event.
    if (p.eventCount !== e.seq - 1 || p.headHash !== st.hashes.get(e.seq - 1)) inconsistent(st, e, `is sealed at event ${String(p.eventCount)}, but it follows event ${e.seq - 1}`);
    r.values.event_count = num(p.eventCount);
    r.values.head_hash = str(p.headHash);
  } else {
    // An older Z: its seal (then inside totals_json) was taken just before its event, as now.
    r.values.event_count = e.seq - 1;
    r.values.head_hash = st.hashes.get(e.seq - 1) ?? '0'.repeat(64);
    st.legacy.add(e.seq);
  }
  setKnown(st, r, 'totals_sha256', p, 'totalsHash', e);
  if (String(p.zNumber) !== e.entity_id) inconsistent(st, e, `is for Z ${String(p.zNumber)}`);
  st.dayCloses.set(e.entity_id, r);
}

function applyEvent(st: State, e: EventRow): void {
  st.hashes.set(e.seq, e.hash);
  let payload: Payload;
  try {
    const parsed: unknown = JSON.parse(e.payload);
    payload = typeof parsed === 'object' && parsed !== null ? (parsed as Payload) : {};
  } catch {
    return inconsistent(st, e, 'payload is not JSON');
  }
  switch (e.entity) {
    case 'sale': return onSale(st, e, payload);
    case 'attempt': return onAttempt(st, e, payload);
    case 'refund': return onRefund(st, e, payload);
    case 'day_close': return onDayClose(st, e, payload);
    case 'return': return onReturn(st, e, payload, rebuilt, { sale: (id) => st.sales.has(id), refund: (id) => st.refunds.has(id) }, (detail) => inconsistent(st, e, detail));
    case 'staff':
    case 'shift': return applyStaffEvent(st, e, payload, (detail) => inconsistent(st, e, detail));
    default: return; // terminal and manager events (clock warnings, PIN lockout) change no table
  }
}

const TABLES = [
  { table: 'sales', state: 'sales', key: (r: Row) => String(r.id), order: 'id', label: 'sale' },
  { table: 'sale_lines', state: 'lines', key: (r: Row) => `${String(r.sale_id)}/${String(r.line_no)}`, order: 'sale_id, line_no', label: 'sale line' },
  { table: 'attempts', state: 'attempts', key: (r: Row) => String(r.id), order: 'id', label: 'attempt' },
  { table: 'refunds', state: 'refunds', key: (r: Row) => String(r.id), order: 'id', label: 'refund' },
  { table: 'day_closes', state: 'dayCloses', key: (r: Row) => String(r.z_number), order: 'z_number', label: 'Z' },
  ...RETURN_TABLES,
  ...STAFF_TABLES,
] as const;

/** Columns that are bookkeeping, not state: the reconciler's schedule, and the replay guard's keyed fingerprint. */
const NOT_REBUILT = new Set(['next_check_at', 'code_fingerprint', 'totals_json']);

const show = (v: Value | undefined) => (v === null || v === undefined ? 'empty' : typeof v === 'string' ? `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'` : String(v));

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name);
}

function compareRow(st: State, table: (typeof TABLES)[number], key: string, actual: Row, expected: Rebuilt, columns: string[]): void {
  for (const column of columns) {
    if (NOT_REBUILT.has(column) || expected.unknown.has(column) || !Object.hasOwn(expected.values, column)) continue;
    const want = expected.values[column] ?? null;
    const got = actual[column] ?? null;
    if (expected.approx.has(column) && typeof want === 'number' && typeof got === 'number' && Math.abs(want - got) <= LEGACY_TIME_SLACK_MS) continue;
    if (want === got) continue;
    st.differences.push({ table: table.table, key, column, problem: 'changed', detail: `${table.label} ${key}: ${column} is ${show(got)} in the table, ${show(want)} in the events` });
  }
}

function compareTable(db: Database.Database, st: State, table: (typeof TABLES)[number]): void {
  const columns = columnsOf(db, table.table);
  if (columns.length === 0) return;
  const expected = st[table.state];
  const seen = new Set<string>();
  for (const actual of db.prepare(`SELECT * FROM ${table.table} ORDER BY ${table.order}`).iterate() as IterableIterator<Row>) {
    const key = table.key(actual);
    seen.add(key);
    const want = expected.get(key);
    if (!want) {
      st.differences.push({ table: table.table, key, column: null, problem: 'not-in-events', detail: `${table.label} ${key}: in the table, but no event created it` });
      continue;
    }
    if (table.table === 'day_closes' && !want.unknown.has('totals_sha256')) {
      const hash = createHash('sha256').update(String(actual.totals_json)).digest('hex');
      if (hash !== want.values.totals_sha256) st.differences.push({ table: 'day_closes', key, column: 'totals_json', problem: 'changed', detail: `Z ${key}: totals_json is not the totals its event sealed` });
    }
    compareRow(st, table, key, actual, want, columns);
  }
  for (const [key, want] of expected) {
    if (!seen.has(key)) st.differences.push({ table: table.table, key, column: null, problem: 'missing-from-table', detail: `${table.label} ${key}: created by event ${want.createdBy}, but missing from the table` });
  }
}

/** Each Z's seal must still be in the chain: the event it names exists and has the hash it printed. */
function checkSeals(db: Database.Database, st: State, events: number): void {
  const columns = columnsOf(db, 'day_closes');
  if (!columns.includes('event_count')) return;
  const rows = db.prepare('SELECT z_number, event_count, head_hash FROM day_closes ORDER BY z_number').all() as Array<{ z_number: number; event_count: number; head_hash: string }>;
  for (const z of rows) {
    if (z.event_count > events) {
      st.differences.push({ table: 'day_closes', key: String(z.z_number), column: 'event_count', problem: 'seal', detail: `Z ${z.z_number} was sealed at event ${z.event_count}, but the journal has only ${events} events: events were removed from its end` });
    } else if (z.event_count > 0 && st.hashes.get(z.event_count) !== z.head_hash) {
      st.differences.push({ table: 'day_closes', key: String(z.z_number), column: 'head_hash', problem: 'seal', detail: `Z ${z.z_number} was sealed at event ${z.event_count} with hash ${z.head_hash.slice(0, 16)}…, which the chain no longer has there` });
    }
  }
}

/** A sequence behind the numbers the events minted would hand out a number twice; one ahead hints at removed rows. */
function checkSequences(db: Database.Database, st: State): void {
  if (columnsOf(db, 'order_number_sequences').length === 0) return;
  const rows = db.prepare('SELECT kind, last_value FROM order_number_sequences').all() as Array<{ kind: string; last_value: number }>;
  for (const [kind, minted] of st.minted) {
    const row = rows.find((r) => r.kind === kind);
    if (!row || row.last_value < minted) {
      st.differences.push({ table: 'order_number_sequences', key: kind, column: 'last_value', problem: 'changed', detail: `order-number sequence ${kind} is at ${row?.last_value ?? 'nothing'}, but the events minted up to ${minted}: numbers could be handed out twice` });
    }
  }
}

/** Rebuilds every table from the events and names each row that differs. Only reads. */
export function rebuildAndCompare(db: Database.Database): RebuildVerdict {
  const st: State = { sales: new Map(), lines: new Map(), attempts: new Map(), refunds: new Map(), dayCloses: new Map(), minted: new Map(), hashes: new Map(), differences: [], legacy: new Set(), taxRules: new Map(), returns: new Map(), returnLines: new Map(), returnLineTaxes: new Map(), returnRefunds: new Map(), refundTaxes: new Map(), returnCredits: new Map(), staff: new Map(), shifts: new Map(), cashMovements: new Map() };
  let events = 0;
  for (const e of db.prepare('SELECT * FROM events ORDER BY seq').iterate() as IterableIterator<EventRow>) {
    applyEvent(st, e);
    events = Math.max(events, e.seq);
  }
  for (const table of TABLES) compareTable(db, st, table);
  checkSeals(db, st, events);
  checkSequences(db, st);
  // The print queue and the drawer (migration 0200): their payloads carry the whole row (print-rebuild.ts).
  st.differences.push(...comparePrintTables(db));
  // The manager's tax rate overrides (migration 0150): tax-override-rebuild.ts.
  st.differences.push(...compareTaxOverrideTable(db));
  return { differences: st.differences, legacyEvents: st.legacy.size };
}

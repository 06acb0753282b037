// Held (parked) sales (docs/register.md "Held sales"): a real journal file, closed and reopened between parking and
// resuming (a restart), the real engine and sandbox for the payments. A parked sale survives the restart, resumes and
// pays like any sale, is rebuilt by `journal verify`; a sale still parked at the Z is listed with it, not counted.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../main/catalog/catalog.js';
import { ParkError } from '../../main/checkout/parked-sales.js';
import { taxSetupFor } from '../../main/checkout/tax-table.js';
import { Till } from '../../main/checkout/till.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { parkedSales } from '../../main/journal/sale-parking.js';
import { getSale } from '../../main/journal/sale-queries.js';
import { verifyJournalDb } from '../../main/journal/verify-file.js';
import { PaymentEngine } from '../../main/payments/engine.js';
import { realTimers } from '../../main/payments/timers.js';
import { closeDay } from '../../main/reports/day-close.js';
import { storeDayOf } from '../../main/journal/store-day.js';
import { systemClock } from '../../main/shared/clock.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { engineRig, FAST_TIMINGS, type EngineRig } from '../support/engine-fixtures.js';
import { REGISTER_PRODUCTS } from '../support/register-till.js';
import { clientFor, walletScan } from '../support/sandbox-fixtures.js';

let rig: EngineRig | undefined;
const extra: Array<{ engine: PaymentEngine; journal: Journal }> = [];
afterEach(async () => {
  for (const e of extra.splice(0)) {
    await e.engine.stop();
    e.journal.close();
  }
  await rig?.close();
  rig = undefined;
});

const logger = createLogger('held', silentSink);

function till(journal: Journal, engine: PaymentEngine, options: { kiosk?: boolean; cashier?: string } = {}): Till {
  const catalog = new Catalog();
  for (const p of REGISTER_PRODUCTS) catalog.add(p);
  return new Till({
    journal, engine, catalog, currency: 'CAD', cashier: () => options.cashier ?? 'alice', logger, onEvent: () => undefined, approve: () => 'manager',
    tax: () => taxSetupFor('ON', '2026-11-22', false), setsAsideHeldSales: options.kiosk,
  });
}

/** The app after a restart: the same journal file opened again, a new engine and a new till (nothing in memory kept). */
function restart(r: EngineRig): { journal: Journal; engine: PaymentEngine; till: Till } {
  r.journal.close();
  const journal = openJournal({ file: join(r.dataDir, 'journal.sqlite'), clock: systemClock, terminalId: 'T1', timeZone: 'America/Toronto' });
  const engine = new PaymentEngine({ journal, client: clientFor(r.sandbox), clock: systemClock, timers: realTimers, logger, timings: FAST_TIMINGS, currency: 'CAD' });
  extra.push({ engine, journal });
  return { journal, engine, till: till(journal, engine, { cashier: 'bob' }) };
}

const code = (err: unknown) => (err as { code?: string }).code;
function refusal(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ParkError);
    return code(err);
  }
  return undefined;
}

describe('held sales', () => {
  it('park with two items, serve and pay the next customer, restart, resume, pay; verify rebuilds it', async () => {
    rig = await engineRig();
    const first = till(rig.journal, rig.engine);
    first.addProduct('POUTINE', 1);
    first.addProduct('BOOK', 1);
    const held = first.currentSale();
    // Ontario: $11.99 HST 13% (155.87 → 156) + $15.00 GST 5% (75) = $29.30.
    expect(getSale(rig.journal, held).sale.totalCents).toBe(2930);
    const { parked, next } = first.park();
    expect(parked).toBe(held);
    expect(next).not.toBe(held);
    expect(first.currentSale()).toBe(next);
    // The next customer pays by wallet.
    first.addProduct('MILK', 2);
    expect(await first.chargeScanned(walletScan('WX', '01'))).toMatchObject({ state: 'succeeded', amountCents: 578 });
    expect(getSale(rig.journal, next).sale.status).toBe('paid');
    expect(parkedSales(rig.journal)).toEqual([{ saleId: held, cashier: 'alice', currency: 'CAD', totalCents: 2930, lineCount: 2, parkedAt: expect.any(Number), parkedBy: 'alice' }]);

    const after = restart(rig);
    expect(parkedSales(after.journal).map((p) => p.saleId)).toEqual([held]);
    expect(after.till.resume(held)).toEqual({ resumed: held, parked: null, spare: null });
    expect(after.till.currentSale()).toBe(held);
    expect(after.till.owns(held)).toBe(true);
    expect(parkedSales(after.journal)).toEqual([]);
    expect(refusal(() => after.till.resume(held))).toBe('PARKED_SALE_NOT_FOUND');
    // Still editable, then paid in cash: $29.30 is already a multiple of 5¢.
    after.till.addProduct('POUTINE', 1);
    expect(getSale(after.journal, held).lines.map((l) => [l.sku, l.quantity])).toEqual([['POUTINE', 2], ['BOOK', 1]]);
    expect(after.engine.payCash({ saleId: held, cashier: 'bob', tenderedCents: 5000 })).toMatchObject({ state: 'succeeded' });
    expect(getSale(after.journal, held).sale.status).toBe('paid');

    const events = after.journal.db.prepare(`SELECT kind, payload FROM events WHERE entity = 'sale' AND entity_id = ? AND kind IN ('sale.parked', 'sale.resumed') ORDER BY seq`).all(String(held)) as Array<{ kind: string; payload: string }>;
    expect(events.map((e) => [e.kind, JSON.parse(e.payload)])).toEqual([
      ['sale.parked', { parkedAt: expect.any(Number), parkedBy: 'alice', totalCents: 2930 }],
      ['sale.resumed', { resumedAt: expect.any(Number), resumedBy: 'bob' }],
    ]);
    expect(verifyJournalDb(after.journal.db)).toMatchObject({ ok: true });
  });

  it('journal verify names a parked_at edited behind the journal', async () => {
    rig = await engineRig();
    const t = till(rig.journal, rig.engine);
    t.addProduct('POUTINE', 1);
    const held = t.park().parked;
    expect(verifyJournalDb(rig.journal.db)).toMatchObject({ ok: true });
    rig.journal.db.prepare('UPDATE sales SET parked_at = NULL, parked_by = NULL WHERE id = ?').run(held);
    const verdict = verifyJournalDb(rig.journal.db);
    expect(verdict.ok).toBe(false);
    expect(verdict.differences.map((d) => d.detail)).toContain(`sale ${held}: parked_at is empty in the table, ${String(rig.journal.db.prepare(`SELECT json_extract(payload, '$.parkedAt') AS at FROM events WHERE kind = 'sale.parked'`).pluck().get())} in the events`);
  });

  it('refusals: nothing to park, a payment on the sale, a payment in flight, the kiosk', async () => {
    rig = await engineRig({ sandbox: { passwordMs: 2000 } });
    const t = till(rig.journal, rig.engine);
    expect(refusal(() => t.park())).toBe('PARK_EMPTY_SALE');
    t.addProduct('POUTINE', 1);
    const sale = t.currentSale();
    // A part payment in cash: the sale is tied to the till.
    rig.engine.payCash({ saleId: sale, cashier: 'alice', tenderedCents: 500, amountCents: 500 });
    expect(refusal(() => t.park())).toBe('PARK_SALE_HAS_PAYMENTS');
    // A wallet payment that waits for the customer's password: in flight.
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const paying = t.chargeScanned(walletScan('WX', '02'), undefined, () => started());
    await inFlight;
    const other = till(rig.journal, rig.engine);
    other.addProduct('BOOK', 1);
    const otherSale = other.park().parked;
    // Resuming over a sale whose payment is in flight refuses with that reason, and parks nothing.
    expect(refusal(() => t.resume(otherSale))).toBe('PARK_PAYMENT_IN_FLIGHT');
    expect(parkedSales(rig.journal).map((p) => p.saleId)).toEqual([otherSale]);
    await paying;
    const kiosk = till(rig.journal, rig.engine, { kiosk: true });
    kiosk.addProduct('MILK', 1);
    expect(refusal(() => kiosk.park())).toBe('PARK_NOT_AVAILABLE');
    expect(refusal(() => kiosk.resume(otherSale))).toBe('PARK_NOT_AVAILABLE');
  });

  it('resuming over a cart with lines parks it (a swap); an empty cart on screen is kept for the next sale', async () => {
    rig = await engineRig();
    const t = till(rig.journal, rig.engine);
    t.addProduct('POUTINE', 1);
    const a = t.park().parked;
    t.addProduct('BOOK', 1);
    const b = t.currentSale();
    expect(t.resume(a)).toEqual({ resumed: a, parked: b, spare: null });
    expect(parkedSales(rig.journal).map((p) => p.saleId)).toEqual([b]);
    rig.engine.payCash({ saleId: a, cashier: 'alice', tenderedCents: 2000 });
    const empty = t.newSale();
    expect(t.resume(b)).toEqual({ resumed: b, parked: null, spare: empty });
    rig.engine.payCash({ saleId: b, cashier: 'alice', tenderedCents: 2000 });
    // The next sale is the empty one that was on screen: no sale number skipped, no empty sale left open.
    expect(t.newSale()).toBe(empty);
    expect(rig.journal.db.prepare(`SELECT count(*) FROM sales WHERE status = 'open'`).pluck().get()).toBe(1);
  });

  it('a sale still parked at the Z is listed with it (sale, cashier, amount), stored in its sealed totals, not counted', async () => {
    rig = await engineRig();
    const t = till(rig.journal, rig.engine);
    t.addProduct('BOOK', 1);
    const held = t.park().parked;
    t.addProduct('MILK', 1);
    rig.engine.payCash({ saleId: t.currentSale(), cashier: 'alice', tenderedCents: 300 });
    const z = closeDay(rig.journal, { storeDay: storeDayOf(Date.now(), 'America/Toronto'), closedBy: 'manager', countedCashCents: 290, cashCurrency: 'CAD', timeZone: 'America/Toronto' });
    expect(z.parkedSales).toEqual([expect.objectContaining({ saleId: held, cashier: 'alice', totalCents: 1575, currency: 'CAD' })]);
    expect(z.totals.register).toEqual([expect.objectContaining({ salesCount: 1, netSalesCents: 289 })]);
    expect(z.totals.salesPaid).toBe(1);
    expect((JSON.parse(z.totalsJson) as { parkedSales: unknown[] }).parkedSales).toEqual(z.parkedSales);
    expect(verifyJournalDb(rig.journal.db)).toMatchObject({ ok: true });
    // Still parked the next day.
    expect(parkedSales(rig.journal).map((p) => p.saleId)).toEqual([held]);
  });
});

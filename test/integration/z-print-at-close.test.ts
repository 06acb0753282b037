// The Z prints at the day close (docs/printing.md "The Z at the close"): with a printer set up, report:closeDay
// queues the Z slip itself. A printer that is down neither refuses nor undoes the close: the slip waits in the queue
// and prints whole when the printer is back. The slip carries the tax lines, the shifts with their variances (and
// who approved one), the sales still parked, and TRAINING top and bottom; the button prints a copy marked REPRINT.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openJournal } from '../../main/journal/database.js';
import { rebuildAndCompare } from '../../main/journal/rebuild.js';
import { systemClock } from '../../main/shared/clock.js';
import { composedAppPerTest, until } from '../support/composed-app.js';
import { decodeEscPos, printedText } from '../support/escpos-decoder.js';
import { startPrinterListener } from '../support/printer-listener.js';

const app = composedAppPerTest('z-print-close-');
const { call } = app;
const text = (job: Uint8Array | undefined) => printedText(decodeEscPos(job ?? new Uint8Array())).map((l) => l.trim());
const zJobs = (jobs: Uint8Array[]) => jobs.filter((j) => text(j).includes('Z REPORT'));

it('closing the day queues the Z; a printer that is down holds neither the close nor the slip', async () => {
  const printer = await startPrinterListener();
  try {
    await app.start();
    const session = (await call('manager', 'manager:unlock', { pin: '1234' })).value!.session as string;
    expect((await call('manager', 'printer:save', { session, target: `127.0.0.1:${printer.port}`, columns: 48, codepage: 'cp858', language: 'esc-pos', cjk: false, drawer: true })).ok).toBe(true);

    // A shift: a $100 float, a $10.00 sale (HST 13%: $11.30) paid in cash, a $5 pay-in.
    expect((await call('cashier', 'shift:open', { counts: { '2000': 5 } })).value).toMatchObject({ floatCents: 10_000 });
    await call('cashier', 'sale:addCustom', { name: 'Mug', amountCents: 1000 });
    expect((await call('cashier', 'payment:payCash', { tenderedCents: 2000 })).value).toMatchObject({ state: 'succeeded' });
    await call('cashier', 'shift:moveCash', { kind: 'pay_in', amountCents: 500, reason: 'change from the bank' });
    // A sale parked at the close: listed on the Z, not counted.
    await call('cashier', 'sale:new', {});
    await call('cashier', 'sale:addCustom', { name: 'Vase', amountCents: 4000 });
    const parkedId = (await call('cashier', 'sale:current', {})).value!.id as number;
    const parked = await call('cashier', 'sale:park', {});
    expect(parked.ok).toBe(true);
    // Counted $110.00 against $116.30 expected: −$6.30, beyond the $5.00 threshold, approved by the manager's PIN.
    const counts = { '2000': 5, '1000': 1 };
    expect((await call('cashier', 'shift:close', { counts })).error?.code).toBe('CASH_VARIANCE_NEEDS_APPROVAL');
    const shift = await call('cashier', 'shift:close', { counts, pin: '1234' });
    expect(shift.value).toMatchObject({ expectedCents: 11_630, countedCents: 11_000, varianceCents: -630 });
    await until(async () => ((await call('cashier', 'printer:queue', {})).value as { pending: number }).pending === 0 && printer.jobs().length >= 1, 'the sale receipt');

    // The printer is off at the close: the Z is taken all the same, its slip waits with the fault.
    printer.clear();
    printer.setMode('offline');
    const z = await call('manager', 'report:closeDay', { session, countedCashCents: 11_000 });
    expect(z.value).toMatchObject({ zQueued: true, countedCashCents: 11_000 });
    const zNumber = z.value!.zNumber as number;
    await until(async () => ((await call('cashier', 'printer:queue', {})).value as { fault: string | null }).fault === 'offline', 'the offline fault');
    expect(zJobs(printer.jobs())).toHaveLength(0);
    expect(app.host.inFlight?.()).toMatchObject({ printQueue: 1 });

    // Back on: the queue prints it (as for receipts), once, whole.
    printer.setMode('ok');
    expect((await call('cashier', 'printer:retry', {})).value).toMatchObject({ pending: 0, fault: null });
    await until(() => zJobs(printer.jobs()).length === 1, 'the Z on paper');
    const [slip] = zJobs(printer.jobs());
    const lines = text(slip);
    expect(zJobs(printer.jobs())).toHaveLength(1);
    expect(lines[0]).toBe('TRAINING - NOT A VALID RECEIPT');
    expect(lines.at(-1)).toBe('TRAINING - NOT A VALID RECEIPT');
    expect(lines).not.toContain('*** REPRINT ***');
    expect(lines.some((l) => new RegExp(`^Z #${zNumber} +Store day ${z.value!.storeDay as string}$`).test(l))).toBe(true);
    expect(lines.some((l) => /^Net sales +\$10\.00$/.test(l))).toBe(true);
    expect(lines.some((l) => /^HST +\$1\.30$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Tax collected +\$1\.30$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Counted cash +\$110\.00$/.test(l))).toBe(true);
    // The shift, who opened and closed it, expected, counted, the variance and who approved it.
    const at = lines.indexOf('SHIFTS');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 7).map((l) => l.replace(/ {2,}/g, '  '))).toEqual([
      `Shift #${shift.value!.id as number} · Trainee`, 'Closed by Trainee', 'Expected  $116.30', 'Counted  $110.00', 'Variance  -$6.30', 'Approved by Manager',
    ]);
    const p = lines.indexOf('PARKED SALES (NOT COUNTED)');
    expect(p).toBeGreaterThan(at);
    expect(lines[p + 1]).toMatch(new RegExp(`^Sale #${parkedId} · Trainee +\\$45\\.20$`));
    expect(lines.some((l) => l.startsWith('Seal '))).toBe(true);

    // The button: a copy marked REPRINT, the same shifts.
    printer.clear();
    expect((await call('manager', 'report:printZ', { session, zNumber })).ok).toBe(true);
    await until(() => zJobs(printer.jobs()).length === 1, 'the reprinted Z');
    const copy = text(zJobs(printer.jobs())[0]);
    expect(copy).toContain('*** REPRINT ***');
    expect(copy).toContain('SHIFTS');
  } finally {
    await printer.close();
  }
  const journal = openJournal({ file: join(app.dataDir, 'journal.sqlite'), clock: systemClock, terminalId: 'T1', readOnly: true });
  try {
    const jobs = journal.db.prepare(`SELECT reprint, state, requested_by AS by FROM print_jobs WHERE kind = 'z-report' ORDER BY id`).all();
    expect(jobs).toEqual([{ reprint: 0, state: 'printed', by: 'manager' }, { reprint: 1, state: 'printed', by: 'manager' }]);
    expect(rebuildAndCompare(journal.db).differences).toEqual([]);
  } finally {
    journal.close();
  }
});

it('with no printer set up, the close takes the Z and queues nothing', async () => {
  await app.start();
  const session = (await call('manager', 'manager:unlock', { pin: '1234' })).value!.session as string;
  const z = await call('manager', 'report:closeDay', { session, countedCashCents: 0 });
  expect(z.value).toMatchObject({ zQueued: false });
  expect((await call('cashier', 'printer:queue', {})).value).toMatchObject({ pending: 0 });
  expect((await call('manager', 'report:printZ', { session, zNumber: z.value!.zNumber as number })).error?.code).toBe('PRINTER_NOT_CONFIGURED');
});

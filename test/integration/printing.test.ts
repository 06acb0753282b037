// Printing over real transports: a TCP listener on 127.0.0.1 playing a network printer (status answers, faults
// on demand), a real pty pair playing a serial printer, and a real file for a USB device file; the bytes decoded
// by test/support/escpos-decoder.ts. The journal's print queue: a fault keeps the slip queued (journaled), the
// printer's return prints it, skip takes it off with who, and `journal verify` rebuilds both tables from the events.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrintingService } from '../../main/app/printing-service.js';
import { parseSettings } from '../../main/config/load-settings.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { verifyChain } from '../../main/journal/events.js';
import { drawerOpenings, getPrintJob, insertPrintJob } from '../../main/journal/print-jobs.js';
import { rebuildAndCompare } from '../../main/journal/rebuild.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { PrinterError } from '../../main/printing/printer-errors.js';
import { parsePrinterTarget } from '../../main/printing/printer-target.js';
import { Printer } from '../../main/printing/printer.js';
import { transportFor } from '../../main/printing/transports.js';
import { encodeDocument } from '../../main/receipts/escpos-encode.js';
import { testPage } from '../../main/receipts/receipt-document.js';
import { systemClock } from '../../main/shared/clock.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { decodeEscPos, indexOfOp, printedText } from '../support/escpos-decoder.js';
import { attachPtyPrinter, startPrinterListener, type PrinterListener } from '../support/printer-listener.js';
import { openPtyPair } from '../support/pty-pair.js';
import { requireTool } from '../support/system-tools.js';
import { makeTempDir } from '../support/temp-dir.js';

const FORMAT = { columns: 48, codepage: 'cp858', language: 'esc-pos', cjk: false } as const;
const STORE = { name: 'Café Noël', address: '', terminalId: 'T1', gstNumber: null, qstNumber: null, timeZone: 'America/Toronto', training: false };
const page = () => encodeDocument(testPage(STORE, { columns: 48, codepage: 'cp858' }, { locale: 'fr-CA', printedAt: Date.now() }), FORMAT);
const printerAt = (url: string, timeoutMs = 2_000) => new Printer({ transport: transportFor(parsePrinterTarget(url)), format: FORMAT, timeoutMs });

let dir: ReturnType<typeof makeTempDir>;
let listener: PrinterListener;
beforeEach(async () => {
  dir = makeTempDir('printing-');
  listener = await startPrinterListener();
});
afterEach(async () => {
  await listener.close();
  dir.remove();
});

describe('a network printer on raw TCP', () => {
  it('asks the status, prints the slip, and the decoded lines are the test page with its accents', async () => {
    await printerAt(listener.url).print(page());
    const d = decodeEscPos(listener.bytes());
    expect(d.commands.find((c) => c.op === 'codepage')).toEqual({ op: 'codepage', n: 19 });
    expect(printedText(d)).toContain('Accents : é è ê à ç ô û É À Ç');
    expect(printedText(d).some((l) => l.includes('Café Noël'))).toBe(true);
    expect(d.undecodable).toBe(0);
    expect(d.commands.at(-1)?.op === 'cut' || d.commands.slice(indexOfOp(d, 'cut') + 1).every((c) => c.op === 'line' && c.text === '')).toBe(true);
  });

  it('reads the drawer switch and the paper from DLE EOT', async () => {
    listener.setDrawerOpen(true);
    expect(await printerAt(listener.url).status()).toMatchObject({ online: true, drawerOpen: true, paperOut: false });
    listener.setMode('paper-out');
    expect(await printerAt(listener.url).status()).toMatchObject({ online: false, paperOut: true });
  });

  it('faults: refused, a stall, paper out and cover open are PrinterErrors with their fault, and nothing is cut', async () => {
    const refused = await startPrinterListener();
    const url = refused.url;
    await refused.close();
    await expect(printerAt(url).print(page())).rejects.toMatchObject({ fault: 'offline', code: 'PRINTER_OFFLINE' });
    listener.setMode('stall');
    await expect(printerAt(listener.url, 300).print(page())).rejects.toMatchObject({ fault: 'timeout', code: 'PRINTER_TIMEOUT' });
    for (const mode of ['paper-out', 'cover-open'] as const) {
      listener.setMode(mode);
      await expect(printerAt(listener.url).print(page())).rejects.toBeInstanceOf(PrinterError);
      await expect(printerAt(listener.url).print(page())).rejects.toMatchObject({ fault: mode });
    }
    expect(indexOfOp(decodeEscPos(listener.bytes()), 'cut')).toBe(-1);
  });
});

describe('a serial printer on a real pty pair', () => {
  const haveSocat = requireTool('socat', 'a real pty pair plays the serial printer');
  it.skipIf(!haveSocat)('prints over serialport and answers the status on the line', async () => {
    const pair = await openPtyPair(dir.path);
    const far = await attachPtyPrinter(pair.scanner);
    try {
      await printerAt(`serial:${pair.device}@19200`).print(page());
      const d = decodeEscPos(far.bytes());
      expect(printedText(d)).toContain('Accents : é è ê à ç ô û É À Ç');
      expect(d.commands.filter((c) => c.op === 'cut')).toHaveLength(1);
      far.setMode('cover-open');
      await expect(printerAt(`serial:${pair.device}@19200`).print(page())).rejects.toMatchObject({ fault: 'cover-open' });
    } finally {
      await far.close();
      await pair.close();
    }
  });
});

describe('a USB printer device file', () => {
  it('writes the slip to the file, without status', async () => {
    const file = join(dir.path, 'lp0');
    writeFileSync(file, '');
    await printerAt(`usb:${file}`).print(page());
    expect(printedText(decodeEscPos(readFileSync(file)))).toContain('Accents : é è ê à ç ô û É À Ç');
    await expect(printerAt(`usb:${join(dir.path, 'missing', 'lp9')}`).print(page())).rejects.toMatchObject({ fault: 'offline' });
    // An unplugged printer's device file is gone: it is refused, never created as a plain file.
    await expect(printerAt(`usb:${join(dir.path, 'lp1')}`).print(page())).rejects.toMatchObject({ fault: 'offline' });
    expect(existsSync(join(dir.path, 'lp1'))).toBe(false);
  });
});

describe('the print queue in the journal', () => {
  let journal: Journal;
  beforeEach(() => {
    journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock: systemClock, terminalId: 'T1', timeZone: 'America/Toronto' });
  });
  afterEach(() => journal.close());

  function service(target: string) {
    const settings = parseSettings({ storeName: 'Café Noël', printer: { target, timeoutMs: 500 } }, 'settings.json');
    return new PrintingService({ journal, settings: () => settings, training: true, logger: createLogger('t', silentSink), every: () => () => undefined });
  }

  it('keeps a slip queued through a fault, prints it when the printer is back, and verify rebuilds it', async () => {
    const sale = createSale(journal, { cashier: 'alice', currency: 'CAD' });
    addLine(journal, sale.id, { sku: 'LATTE', name: 'Crème latte', unitPriceCents: 475, quantity: 2 });
    listener.setMode('paper-out');
    const printing = service(listener.url);
    const job = printing.enqueue({ kind: 'sale', saleId: sale.id, requestedBy: 'alice' });
    let state = await printing.queue.pump();
    expect(state).toMatchObject({ pending: 1, fault: 'paper-out' });
    // The same fault again is not journaled again; a different one is.
    await printing.queue.pump();
    listener.setMode('cover-open');
    state = await printing.queue.pump();
    expect(state.fault).toBe('cover-open');
    expect(journal.db.prepare(`SELECT kind FROM events WHERE entity = 'print_job' ORDER BY seq`).pluck().all()).toEqual(['print.queued', 'print.failed', 'print.failed']);
    listener.setMode('ok');
    state = await printing.queue.pump();
    expect(state).toMatchObject({ pending: 0, fault: null });
    expect(getPrintJob(journal, job.id)).toMatchObject({ state: 'printed', fault: 'cover-open' });
    const d = decodeEscPos(listener.bytes());
    const text = printedText(d);
    expect(text.filter((l) => l.includes('TRAINING'))).toHaveLength(2);
    expect(text.some((l) => /^2 × Crème latte +\$9\.50$/.test(l))).toBe(true);
    expect(d.commands.find((c) => c.op === 'barcode')).toMatchObject({ data: `RT1-${sale.id}` });
    expect(rebuildAndCompare(journal.db).differences).toEqual([]);
    expect(verifyChain(journal)).toMatchObject({ ok: true });
  });

  it('skips a queued slip with who, prints reprints marked REPRINT, and journals each drawer opening', async () => {
    const sale = createSale(journal, { cashier: 'alice', currency: 'CAD' });
    addLine(journal, sale.id, { sku: 'TEA', name: 'Tea', unitPriceCents: 300, quantity: 1 });
    const offline = service('tcp://127.0.0.1:9');
    const first = offline.enqueue({ kind: 'sale', saleId: sale.id, requestedBy: 'alice' });
    expect((await offline.queue.pump()).fault).toBe('offline');
    offline.queue.skip(first.id, 'alice');
    expect(getPrintJob(journal, first.id)).toMatchObject({ state: 'skipped', doneBy: 'alice' });
    const printing = service(listener.url);
    printing.enqueue({ kind: 'sale', saleId: sale.id, reprint: true, requestedBy: 'manager' });
    await printing.queue.pump();
    expect(printedText(decodeEscPos(listener.bytes())).map((l) => l.trim())).toContain('*** REPRINT ***');
    listener.clear();
    await printing.openDrawer({ openedBy: 'manager', approvedBy: 'manager', reason: 'manager: change for the float', saleId: null });
    await offline.openDrawer({ openedBy: 'alice', approvedBy: null, reason: 'cash-sale', saleId: sale.id });
    const kick = decodeEscPos(listener.bytes());
    expect(kick.commands.filter((c) => c.op === 'pulse')).toEqual([{ op: 'pulse', pin: 2, onMs: 100, offMs: 500 }]);
    expect(printedText(kick)).toEqual([]);
    expect(drawerOpenings(journal).map((o) => [o.openedBy, o.reason, o.result])).toEqual([['alice', 'cash-sale', 'offline'], ['manager', 'manager: change for the float', 'sent']]);
    expect(rebuildAndCompare(journal.db).differences).toEqual([]);
  });

  it('prints what waits on its own when the printer is back (the retry timer), and at start what a restart left', async () => {
    const sale = createSale(journal, { cashier: 'alice', currency: 'CAD' });
    addLine(journal, sale.id, { sku: 'TEA', name: 'Tea', unitPriceCents: 300, quantity: 1 });
    const ticks: Array<() => void> = [];
    const settings = parseSettings({ printer: { target: listener.url, timeoutMs: 500 } }, 'settings.json');
    const printing = new PrintingService({ journal, settings: () => settings, training: false, logger: createLogger('t', silentSink), every: (_ms, fn) => (ticks.push(fn), () => undefined) });
    listener.setMode('cover-open');
    printing.enqueue({ kind: 'sale', saleId: sale.id, requestedBy: 'alice' });
    expect((await printing.queue.pump()).fault).toBe('cover-open');
    listener.setMode('ok');
    printing.queue.start();
    expect(ticks).toHaveLength(1);
    ticks[0]!();
    expect(await printing.queue.pump()).toMatchObject({ pending: 0 });
    expect(printedText(decodeEscPos(listener.bytes())).some((l) => /^1 × Tea +\$3\.00$/.test(l))).toBe(true);
  });

  it('verify names a print job edited behind the journal', () => {
    const job = insertPrintJob(journal, { kind: 'test', requestedBy: 'manager' });
    journal.db.prepare(`UPDATE print_jobs SET state = 'printed' WHERE id = ?`).run(job.id);
    expect(rebuildAndCompare(journal.db).differences).toEqual([expect.objectContaining({ table: 'print_jobs', key: String(job.id), column: 'state', problem: 'changed' })]);
  });
});
